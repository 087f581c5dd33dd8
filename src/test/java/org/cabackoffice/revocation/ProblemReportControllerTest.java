package org.cabackoffice.revocation;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Validation;
import java.time.Instant;
import java.util.Optional;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.pages.TestPages;
import org.cabackoffice.testsupport.MutableClock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The public problem report page and API: languages, refusals with reasons, the hourly limit. */
class ProblemReportControllerTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
  final RevocationRequests requests = mock(RevocationRequests.class);
  final KeyCompromiseProofs proofs = mock(KeyCompromiseProofs.class);
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    IssuedCertificate certificate = mock(IssuedCertificate.class);
    when(certificate.serial()).thenReturn("0a1b2c");
    when(requests.certificate("0a1b2c")).thenReturn(Optional.of(certificate));
    when(requests.certificate("ffff")).thenReturn(Optional.empty());
    RevocationRequest filed =
        new RevocationRequest("0a1b2c", 42L, RevocationOrigin.PROBLEM_REPORT, RevocationRequestStatus.INVESTIGATING, null, null, "a@example.org", clock.instant());
    RevocationRequestsTest.setId(filed, 5L);
    when(requests.report(any(), anyString(), anyString(), isNull(), isNull())).thenReturn(filed);
    mvc =
        MockMvcBuilders.standaloneSetup(
                new ProblemReportController(
                    requests,
                    proofs,
                    new ProblemReportThrottle(clock, 3),
                    Validation.buildDefaultValidatorFactory().getValidator(),
                    TestPages.create()))
            .build();
  }

  @Test
  void theFormIsJapaneseUnlessEnglishIsAskedFor() throws Exception {
    mvc.perform(get("/public/problem-reports"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("証明書の問題報告")))
        .andExpect(content().string(Matchers.containsString("action=\"/public/problem-reports?lang=ja\"")));
    mvc.perform(get("/public/problem-reports").param("lang", "en"))
        .andExpect(content().string(Matchers.containsString("Report a problem with a certificate")));
  }

  @Test
  void aReportFromTheFormIsReceivedWithItsNumberAndDeadline() throws Exception {
    mvc.perform(
            post("/public/problem-reports")
                .param("lang", "en")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("serial", "0a1b2c")
                .param("contact", "a@example.org")
                .param("description", "the organization is wrong"))
        .andExpect(status().isAccepted())
        .andExpect(content().string(Matchers.containsString("Your report has number 5")))
        .andExpect(content().string(Matchers.containsString("2026-12-02 09:00 JST")));
  }

  @Test
  void aFormWithoutContactIsRefusedWithWhatIsMissing() throws Exception {
    mvc.perform(
            post("/public/problem-reports")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("serial", "0a1b2c")
                .param("description", "x"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(Matchers.containsString("contact")));
  }

  @Test
  void anUnknownCertificateIsA404ProblemAndTooManyReportsA429() throws Exception {
    String unknown = "{\"serial\":\"ffff\",\"contact\":\"a@example.org\",\"description\":\"x\"}";
    mvc.perform(post("/public/problem-reports").contentType(MediaType.APPLICATION_JSON).content(unknown))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("revocation.no-certificate"));
    mvc.perform(post("/public/problem-reports").contentType(MediaType.APPLICATION_JSON).content(unknown))
        .andExpect(status().isNotFound());
    mvc.perform(post("/public/problem-reports").contentType(MediaType.APPLICATION_JSON).content(unknown))
        .andExpect(status().isNotFound());
    mvc.perform(post("/public/problem-reports").contentType(MediaType.APPLICATION_JSON).content(unknown))
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value("problem-report.too-many"));
  }
}
