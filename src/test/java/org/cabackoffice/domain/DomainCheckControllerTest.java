package org.cabackoffice.domain;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The controller alone (standalone MockMvc, no application context), on a loopback registry. */
class DomainCheckControllerTest {

  private LoopbackWhoisServer jprs;
  private MockMvc mvc;

  @BeforeEach
  void start() {
    jprs = new LoopbackWhoisServer().start();
    WhoisProperties properties =
        new WhoisProperties(
            Map.of("jp", jprs.address()),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            null,
            "",
            null);
    DomainCheck check =
        new DomainCheck(
            new WhoisLookup(properties, ReferralPolicy.anyAddress()),
            new RdapLookup(new RdapProperties(Map.of(), null, null, null), RdapBootstrap.none(), new ObjectMapper(), ReferralPolicy.anyAddress()),
            new OrganizationNameMatcher(),
            new InMemoryRegistrationEvidence(),
            properties,
            Clock.systemUTC());
    mvc = MockMvcBuilders.standaloneSetup(new DomainCheckController(check)).build();
  }

  @AfterEach
  void stop() {
    jprs.close();
  }

  @Test
  void answersTheContract() throws Exception {
    jprs.answer("sample-shop.jp", WhoisAnswers.bytes("jprs-general-ja.txt"));

    mvc.perform(get("/api/domain-checks/sample-shop.jp").param("organization", "Sample Co., Ltd."))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.registered").value(true))
        .andExpect(jsonPath("$.source").value("WHOIS"))
        .andExpect(jsonPath("$.server").value(jprs.address()))
        .andExpect(jsonPath("$.registrantOrganization").value("サンプル株式会社"))
        .andExpect(jsonPath("$.contactEmails[0]").value("hostmaster@sample-shop.jp"))
        .andExpect(jsonPath("$.match").value(true))
        .andExpect(jsonPath("$.nameMatch").value("MATCH"))
        .andExpect(jsonPath("$.evidenceId").value(1));
  }

  @Test
  void aDifferentOrganizationIsNoMatch() throws Exception {
    jprs.answer("sample-shop.jp", WhoisAnswers.bytes("jprs-general-ja.txt"));

    mvc.perform(get("/api/domain-checks/sample-shop.jp").param("organization", "Acme K.K."))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.match").value(false))
        .andExpect(jsonPath("$.nameMatch").value("NO_MATCH"));
  }

  @Test
  void badDomainSyntaxIs400() throws Exception {
    mvc.perform(get("/api/domain-checks/bad_domain!.jp").param("organization", "Sample K.K."))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").exists());
    mvc.perform(get("/api/domain-checks/sample-shop.jp").param("organization", " "))
        .andExpect(status().isBadRequest());
  }

  @Test
  void aThrottlingRegistryIs503WithTheReason() throws Exception {
    jprs.answer("sample-shop.jp", WhoisAnswers.bytes("jprs-rate-limit.txt"));

    mvc.perform(get("/api/domain-checks/sample-shop.jp").param("organization", "Sample K.K."))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("rate limit")));
  }

  @Test
  void noServerForTheTldIs503() throws Exception {
    mvc.perform(get("/api/domain-checks/sample.org").param("organization", "Sample K.K."))
        .andExpect(status().isServiceUnavailable())
        .andExpect(
            jsonPath("$.reason").value(org.hamcrest.Matchers.containsString("no WHOIS server")));
  }
}
