package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.cabackoffice.pages.TestPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The public consent page alone (standalone MockMvc, no application context). */
class DomainConsentPageTest {

  private final ConsentFixture f = new ConsentFixture();
  private MockMvc mvc;
  private String token;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.standaloneSetup(new DomainConsentPage(f.consents, TestPages.create())).build();
    f.consents.request(ConsentFixture.APPLICATION, "sample-shop.com",
        List.of("a@sample-shop.com", "b@sample-shop.com"));
    token = f.tokenOf("a@sample-shop.com");
  }

  @Test
  void showsTheRequestWithoutDecidingAnything() throws Exception {
    String html =
        mvc.perform(get("/public/domain-consent/" + token))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(html)
        .contains("sample-shop.com")
        .contains("サンプル株式会社 (Sample K.K.)")
        .contains("name=\"decision\" value=\"approve\"")
        .contains("name=\"decision\" value=\"decline\"")
        .contains("<html lang=\"ja\">")
        .contains("ドメイン名使用権の確認")
        .contains("<legend>ご回答</legend>")
        .contains(">承諾する</button>")
        .contains(">承諾しない</button>")
        .contains("2025-07-02 10:00 JST")
        .contains("href=\"?lang=en\"")
        .doesNotContain("Approve");
    assertThat(f.delivered).isEmpty();
  }

  @Test
  void speaksEnglishWhenAskedOrWhenTheBrowserPrefersIt() throws Exception {
    for (var request :
        List.of(
            get("/public/domain-consent/" + token).param("lang", "en"),
            get("/public/domain-consent/" + token).header("Accept-Language", "en-GB,en;q=0.8"))) {
      String html = body(mvc.perform(request).andExpect(status().isOk()));
      assertThat(html)
          .contains("<html lang=\"en\">")
          .contains("Domain-use consent")
          .contains("Dear a@sample-shop.com,")
          .contains("has applied for a server certificate for sample-shop.com")
          .contains(">Approve</button>")
          .contains(">Decline</button>")
          .contains("href=\"?lang=ja\"")
          .doesNotContain("承諾する");
    }
    assertThat(f.delivered).isEmpty();
  }

  @Test
  void answersInTheLanguageTheFormWasShownIn() throws Exception {
    String thanks =
        body(
            mvc.perform(
                    post("/public/domain-consent/" + token + "?lang=en")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("decision", "decline"))
                .andExpect(status().isOk()));
    assertThat(thanks).contains("You have declined the use of sample-shop.com. Thank you.");

    String used = body(mvc.perform(get("/public/domain-consent/" + token)).andExpect(status().isGone()));
    assertThat(used).contains("このリンクは使用できません").contains("このリンクは使用済みです。");
    String other =
        body(
            mvc.perform(get("/public/domain-consent/" + f.tokenOf("b@sample-shop.com")).param("lang", "en"))
                .andExpect(status().isGone()));
    assertThat(other).contains("Another contact of this domain has already answered.");
  }

  private static String body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void approvingRecordsAndClosesTheLink() throws Exception {
    mvc.perform(
            post("/public/domain-consent/" + token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("decision", "approve")
                .with(r -> {
                  r.setRemoteAddr("192.0.2.7");
                  return r;
                }))
        .andExpect(status().isOk());

    assertThat(f.delivered).hasSize(1);
    assertThat(f.repository.findByToken(token).orElseThrow().getDecidedFrom())
        .isEqualTo("192.0.2.7");
    mvc.perform(get("/public/domain-consent/" + token)).andExpect(status().isGone());
    mvc.perform(
            post("/public/domain-consent/" + token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("decision", "decline"))
        .andExpect(status().isGone());
    mvc.perform(get("/public/domain-consent/" + f.tokenOf("b@sample-shop.com")))
        .andExpect(status().isGone());
  }

  @Test
  void aMissingOrUnknownDecisionIs400() throws Exception {
    mvc.perform(
            post("/public/domain-consent/" + token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("decision", "maybe"))
        .andExpect(status().isBadRequest());
    mvc.perform(post("/public/domain-consent/" + token)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("「承諾する」または「承諾しない」を選んでください。")));
    assertThat(f.delivered).isEmpty();
  }

  @Test
  void unknownAndExpiredTokens() throws Exception {
    mvc.perform(get("/public/domain-consent/unknown-token-unknown-token-xx"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    mvc.perform(get("/public/domain-consent/%3Cscript%3E"))
        .andExpect(status().isNotFound());

    f.clock.advance(Duration.ofDays(31));
    mvc.perform(get("/public/domain-consent/" + token)).andExpect(status().isGone());
    mvc.perform(
            post("/public/domain-consent/" + token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("decision", "approve"))
        .andExpect(status().isGone());
    assertThat(f.delivered).isEmpty();
  }
}
