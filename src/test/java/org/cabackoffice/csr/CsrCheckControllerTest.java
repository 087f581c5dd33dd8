package org.cabackoffice.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class CsrCheckControllerTest {

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(
              new CsrCheckController(
                  new CsrCheck(),
                  org.mockito.Mockito.mock(org.cabackoffice.security.CurrentUser.class),
                  org.mockito.Mockito.mock(org.cabackoffice.security.CustomerAccounts.class)))
          .build();

  @Test
  void compliantPemRequestIsAcceptable() throws Exception {
    mvc.perform(post("/api/csr/check").contentType(CsrCheckController.PKCS10).content(TestCsr.compliant().pem()))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.acceptable").value(true))
        .andExpect(jsonPath("$.findings").isEmpty())
        .andExpect(jsonPath("$.subject.commonName").value("www.example.co.jp"))
        .andExpect(jsonPath("$.subject.country").value("JP"))
        .andExpect(jsonPath("$.publicKey.algorithm").value("RSA"))
        .andExpect(jsonPath("$.publicKey.sizeBits").value(2048))
        .andExpect(jsonPath("$.sans[0]").value("www.example.co.jp"))
        .andExpect(jsonPath("$.subjectPublicKeyInfo").doesNotExist());
  }

  @Test
  void findingsCarryBothLanguagesAndTheMessageFollowsAcceptLanguage() throws Exception {
    byte[] weak = TestCsr.compliant().algorithm("SHA1withRSA").der();

    mvc.perform(post("/api/csr/check").contentType(MediaType.APPLICATION_OCTET_STREAM).content(weak))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.acceptable").value(false))
        .andExpect(jsonPath("$.findings[0].code").value("signature.algorithm.weak"))
        .andExpect(jsonPath("$.findings[0].severity").value("ERROR"))
        .andExpect(jsonPath("$.findings[0].message").value(containsString("no longer secure")))
        .andExpect(jsonPath("$.findings[0].messages.en").value(containsString("no longer secure")))
        .andExpect(jsonPath("$.findings[0].messages.ja").value(containsString("SHA-256")));

    mvc.perform(post("/api/csr/check")
            .contentType(MediaType.APPLICATION_OCTET_STREAM)
            .header(HttpHeaders.ACCEPT_LANGUAGE, "ja-JP,ja;q=0.9,en;q=0.8")
            .content(weak))
        .andExpect(jsonPath("$.findings[0].message").value(containsString("安全でない")));
  }

  @Test
  void acceptLanguageChoosesJapaneseOnlyWhenRankedFirst() {
    assertThat(CsrCheckController.prefersJapanese("ja")).isTrue();
    assertThat(CsrCheckController.prefersJapanese("ja-JP")).isTrue();
    assertThat(CsrCheckController.prefersJapanese("en-US,ja;q=0.5")).isFalse();
    assertThat(CsrCheckController.prefersJapanese("fr")).isFalse();
    assertThat(CsrCheckController.prefersJapanese(";;;")).isFalse();
    assertThat(CsrCheckController.prefersJapanese(null)).isFalse();
  }

  @Test
  void plainTextAndPemFileAreAccepted() throws Exception {
    for (String type : new String[] {MediaType.TEXT_PLAIN_VALUE, CsrCheckController.PEM_FILE}) {
      mvc.perform(post("/api/csr/check").contentType(type).content(TestCsr.compliant().pem()))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.acceptable").value(true));
    }
  }

  @Test
  void notACsrIsA400WithTheReason() throws Exception {
    mvc.perform(post("/api/csr/check").contentType(MediaType.TEXT_PLAIN).content("hello"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("neither")))
        .andExpect(jsonPath("$.code").value("csr.not-a-csr"));
  }

  @Test
  void deeplyNestedRequestIsA400NotAStackOverflow() throws Exception {
    byte[] attack = org.cabackoffice.testsupport.NestedDer.sequences(6000);

    mvc.perform(post("/api/csr/check").contentType(CsrCheckController.PKCS10).content(attack))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("csr.not-a-csr"))
        .andExpect(jsonPath("$.detail").value(containsString("nested more than 32 levels")));
  }

  @Test
  void emptyAndOversizedBodiesAre400() throws Exception {
    mvc.perform(post("/api/csr/check").contentType(CsrCheckController.PKCS10))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("empty")));
    mvc.perform(post("/api/csr/check").contentType(CsrCheckController.PKCS10).content(new byte[CsrInput.MAX_BYTES + 1]))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("at most")));
  }

  @Test
  void otherContentTypesAreRefusedWith415() throws Exception {
    mvc.perform(post("/api/csr/check").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isUnsupportedMediaType());
  }

  @Test
  void handlerCarriesItsRoles() throws Exception {
    Method check = CsrCheckController.class.getMethod("check", byte[].class, String.class);

    assertThat(check.getAnnotation(PreAuthorize.class).value())
        .isEqualTo("hasAnyRole('CUSTOMER','OFFICER','SENIOR_OFFICER')");
  }
}
