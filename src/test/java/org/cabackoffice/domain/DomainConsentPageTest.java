package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
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
    mvc = MockMvcBuilders.standaloneSetup(new DomainConsentPage(f.consents)).build();
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
        .contains("承諾する")
        .contains("Approve");
    assertThat(f.delivered).isEmpty();
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
        .andExpect(status().isBadRequest());
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
