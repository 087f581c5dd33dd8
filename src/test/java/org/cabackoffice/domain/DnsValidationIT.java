package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.cabackoffice.it.BackOfficeIT;
import org.cabackoffice.testsupport.CsrFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * DNS change validation and CAA in the whole application, on the database the failsafe execution
 * chose (V8 against the entities, H2 and PostgreSQL), with the loopback DNS server as resolver,
 * and the challenge endpoint over real HTTP with its roles.
 */
class DnsValidationIT extends BackOfficeIT {

  static final String OTHER_CUSTOMER = "ssl@agency.example.jp";



  @Autowired DnsChangeValidations validations;
  @Autowired CaaCheck caa;

  @BeforeEach
  void clearDns() {
    DNS.clear();
  }

  @Test
  void theCustomerReadsItsChallengePublishesItAndTheDomainIsValidated() throws Exception {
    long id = submitApplication();
    DnsChallenge issued = validations.issue(id, "sample.co.jp");

    ResponseEntity<List> own =
        http.withBasicAuth(CUSTOMER, "customer").getForEntity(path(id), List.class);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    @SuppressWarnings("unchecked")
    Map<String, Object> challenge = (Map<String, Object>) own.getBody().get(0);
    assertThat(challenge)
        .containsEntry("domain", "sample.co.jp")
        .containsEntry("recordName", "_pki-validation.sample.co.jp")
        .containsEntry("recordType", "TXT")
        .containsEntry("value", issued.getValue())
        .containsEntry("status", "PENDING")
        .containsKey("expiresAt");

    assertThat(validations.check(id, "sample.co.jp").status()).isEqualTo(DnsCheckOutcome.Status.NOT_YET);
    DNS.txt("_pki-validation.sample.co.jp", issued.getValue());
    DnsCheckOutcome outcome = validations.check(id, "sample.co.jp");
    assertThat(outcome.status()).isEqualTo(DnsCheckOutcome.Status.VALIDATED);
    assertThat(validations.validated(id, "www.sample.co.jp")).isTrue();
    assertThat(validations.issue(id, "sample.co.jp").getBrVersion()).isEqualTo("2.2.8");

    @SuppressWarnings("unchecked")
    Map<String, Object> after =
        (Map<String, Object>)
            http.withBasicAuth("officer", "officer").getForObject(path(id), List.class).get(0);
    assertThat(after).containsEntry("status", "VALIDATED").containsKey("validatedAt");
  }

  @Test
  void onlyTheOwnerAndStaffWhoValidateOrAuditSeeTheChallenges() throws Exception {
    long id = submitApplication();
    validations.issue(id, "sample.co.jp");

    assertThat(status(http.withBasicAuth(OTHER_CUSTOMER, "customer"), path(id))).isEqualTo(404);
    assertThat(status(http.withBasicAuth("auditor", "auditor"), path(id))).isEqualTo(200);
    assertThat(status(http.withBasicAuth("senior", "senior"), path(id))).isEqualTo(200);
    assertThat(status(http.withBasicAuth("operator", "operator"), path(id))).isEqualTo(403);
    assertThat(status(http, path(id))).isEqualTo(401);
    assertThat(status(http.withBasicAuth("officer", "officer"), path(999_999))).isEqualTo(404);
    ResponseEntity<String> bad =
        http.withBasicAuth("officer", "officer").getForEntity("/api/applications/abc/dns-challenges", String.class);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody()).contains("parameter 'id'");
  }

  @Test
  void caaVerdictsAreStoredForTheApplication() throws Exception {
    long id = submitApplication();
    DNS.caa("sample.co.jp", 0, "issue", "backoffice.example");
    DNS.caa("shop.sample.co.jp", 0, "issue", "other-ca.example");

    CaaVerdict permitted = caa.check(id, List.of("www.sample.co.jp", "*.sample.co.jp"), name -> null);
    CaaVerdict refused = caa.check(id, List.of("shop.sample.co.jp"), name -> null);

    assertThat(permitted.permitted()).isTrue();
    assertThat(refused.permitted()).isFalse();
    assertThat(refused.evidenceId()).isGreaterThan(permitted.evidenceId());
  }

  private long submitApplication() throws Exception {
    KeyPair key = CsrFactory.p256();
    String csr =
        CsrFactory.pem(
            key, "CN=www.sample.co.jp, O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of("www.sample.co.jp"));
    Map<String, Object> form =
        Map.of(
            "product", "GLOBAL_SERVER_ID",
            "applicationType", "NEW",
            "csr", csr,
            "express", false,
            "paymentMethod", "BANK_TRANSFER",
            "organization",
                Map.of("nameEn", "Sample K.K.", "nameJa", "サンプル株式会社", "locality", "Chuo-ku",
                    "stateOrProvince", "Tokyo", "country", "JP"),
            "responsiblePerson",
                Map.of("name", "Ichiro Yamada", "title", "General Manager",
                    "email", "yamada@sample.co.jp", "phone", "03-5555-0101"),
            "technicalContact", Map.of("company", "Sample K.K.", "name", "Hanako Web", "email", CUSTOMER));
    ResponseEntity<Map> created =
        http.withBasicAuth(CUSTOMER, "customer").postForEntity("/api/applications", form, Map.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return ((Number) created.getBody().get("id")).longValue();
  }

  private static String path(long id) {
    return "/api/applications/" + id + "/dns-challenges";
  }

  private static int status(TestRestTemplate client, String path) {
    return client.getForEntity(path, String.class).getStatusCode().value();
  }
}
