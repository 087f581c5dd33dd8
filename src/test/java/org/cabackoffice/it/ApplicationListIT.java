package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cabackoffice.application.Applications;
import org.cabackoffice.application.RejectionReason;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.testsupport.CsrFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 8 item 6: staff read every application, filtered and paged; a wrong parameter is answered
 * with the values that would be right; customers still see only their own.
 */
class ApplicationListIT extends BackOfficeIT {

  @Autowired Applications applications;

  @BeforeAll
  static void registries() {
    for (String domain : List.of("alpha-list.jp", "beta-list.jp", "gamma-list.jp", "agency-listed.jp")) {
      WHOIS.answer(domain, jprsRecord(domain, "Sample K.K.", "hostmaster@sample.co.jp"));
    }
  }

  @Test
  void staffFilterPageAndSortEveryApplication() throws Exception {
    // The CN is alpha's; beta appears only as a SAN.
    long alpha = submit(CUSTOMER, "GLOBAL_SERVER_ID", "Sample K.K.", "www.alpha-list.jp", "www.alpha-list.jp", "mail.beta-list.jp");
    long gamma = submit(CUSTOMER, "SECURE_SERVER_ID", "Sample K.K.", "www.gamma-list.jp", "www.gamma-list.jp");
    long refused = submit(CUSTOMER, "GLOBAL_SERVER_ID", "Sample K.K.", "shop.gamma-list.jp", "shop.gamma-list.jp");
    runJobs();
    applications.reject(refused, RejectionReason.values()[0], "for the list test");

    // No status: every status, not only IN_PROGRESS; ALL says the same outright.
    assertThat(ids(list("officer", "domain=gamma-list.jp"))).containsExactlyInAnyOrder(gamma, refused);
    assertThat(ids(list("auditor", "domain=gamma-list.jp&status=ALL"))).containsExactlyInAnyOrder(gamma, refused);
    assertThat(ids(list("officer", "domain=gamma-list.jp&status=rejected"))).containsExactly(refused);
    assertThat(ids(list("officer", "domain=gamma-list.jp&status=IN_PROGRESS"))).containsExactly(gamma);

    // Domain: the CN or a SAN, the name itself or a name under it, never a mere string suffix.
    assertThat(ids(list("officer", "domain=beta-list.jp"))).containsExactly(alpha);
    assertThat(ids(list("officer", "domain=WWW.Alpha-List.JP."))).containsExactly(alpha);
    assertThat(ids(list("officer", "domain=ta-list.jp"))).isEmpty();

    assertThat(ids(list("officer", "domain=gamma-list.jp&product=SECURE_SERVER_ID"))).containsExactly(gamma);
    assertThat(ids(list("officer", "domain=alpha-list.jp&organization=sample k.k"))).containsExactly(alpha);
    assertThat(ids(list("officer", "domain=alpha-list.jp&organization=サンプル"))).containsExactly(alpha);
    assertThat(ids(list("officer", "domain=alpha-list.jp&organization=other"))).isEmpty();

    // Stage by activity id or by the name the application view shows.
    List<String> stageNames = stageOf(gamma);
    assertThat(stageNames).isNotEmpty();
    // (The refused one was rejected around its process, which still waits there; use its own name.)
    assertThat(ids(list("officer", "domain=www.gamma-list.jp&stage=" + stageNames.get(0)))).containsExactly(gamma);
    assertThat(ids(list("officer", "domain=gamma-list.jp&stage=approve-issuance"))).isEmpty();

    // Submitted range in Japanese dates, both ends inclusive.
    LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    assertThat(ids(list("officer", "domain=gamma-list.jp&submittedFrom=" + today + "&submittedTo=" + today)))
        .containsExactlyInAnyOrder(gamma, refused);
    assertThat(ids(list("officer", "domain=gamma-list.jp&submittedTo=" + today.minusDays(1)))).isEmpty();

    // Pages: size and order; the id breaks ties.
    Map<String, Object> first = list("officer", "domain=gamma-list.jp&size=1&sort=id,asc");
    assertThat(first.get("totalItems")).isEqualTo(2);
    assertThat(first.get("totalPages")).isEqualTo(2);
    assertThat(ids(first)).containsExactly(gamma);
    assertThat(ids(list("officer", "domain=gamma-list.jp&size=1&page=1&sort=id,asc"))).containsExactly(refused);
    assertThat(ids(list("officer", "domain=gamma-list.jp&sort=submitted"))).containsExactly(refused, gamma);
    assertThat(ids(list("officer", "domain=gamma-list.jp&sort=submitted,asc"))).containsExactly(gamma, refused);
  }

  @Test
  void wrongParametersAreRefusedWithTheValidValues() {
    ResponseEntity<Map> refused =
        as("officer", "officer")
            .getForEntity("/api/applications?status=EVERYTHING&size=500&sort=name&stage=no-such-step&submittedFrom=2026-13-01", Map.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    @SuppressWarnings("unchecked")
    List<Map<String, String>> findings = (List<Map<String, String>>) refused.getBody().get("findings");
    assertThat(findings).extracting(f -> f.get("field")).containsExactlyInAnyOrder("status", "size", "sort", "stage", "submittedFrom");
    assertThat(message(findings, "status")).contains("IN_PROGRESS", "ISSUED", "REJECTED", "ALL");
    assertThat(message(findings, "size")).contains("1 to 100");
    assertThat(message(findings, "sort")).contains("submitted", "id");
    assertThat(message(findings, "stage")).contains("approve-issuance", "check-csr");
    assertThat(as("officer", "officer").getForEntity("/api/applications?submittedFrom=2026-05-02&submittedTo=2026-05-01", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(as("officer", "officer").getForEntity("/api/applications?domain=not a name", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void aCustomerListsOnlyItsOwnApplications() throws Exception {
    long own = submit(AGENCY, "GLOBAL_SERVER_ID", "Agency Client K.K.", "www.agency-listed.jp", "www.agency-listed.jp");
    Map<String, Object> agency = list(http.withBasicAuth(AGENCY, "customer"), "size=100");
    assertThat(ids(agency)).contains(own);
    assertThat(((Number) agency.get("totalItems")).longValue()).isEqualTo(ids(agency).size());
    assertThat(ids(list(customer(), "domain=agency-listed.jp"))).doesNotContain(own);
    assertThat(ids(list("officer", "domain=agency-listed.jp"))).containsExactly(own);
  }

  private static String message(List<Map<String, String>> findings, String field) {
    return findings.stream().filter(f -> f.get("field").equals(field)).findFirst().orElseThrow().get("message");
  }

  private Map<String, Object> list(String staff, String query) {
    return list(as(staff, staff), query);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> list(TestRestTemplate client, String query) {
    ResponseEntity<Map> answer = client.getForEntity("/api/applications?" + query, Map.class);
    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  @SuppressWarnings("unchecked")
  private static List<Long> ids(Map<String, Object> page) {
    return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> ((Number) i.get("id")).longValue()).toList();
  }

  @SuppressWarnings("unchecked")
  private List<String> stageOf(long id) {
    return (List<String>) as("officer", "officer").getForObject("/api/applications/" + id, Map.class).get("stage");
  }

  private long submit(String account, String product, String organization, String commonName, String... sans) throws Exception {
    KeyPair key = CsrFactory.p256();
    String csr = CsrFactory.pem(key, "CN=" + commonName + ", O=" + organization + ", L=Chuo-ku, ST=Tokyo, C=JP", List.of(sans));
    Map<String, Object> form = CertificateApplicationIT.form(product, "NEW", "BANK_TRANSFER", csr, null);
    form.put("organization", Map.of("nameEn", organization, "nameJa", organization.startsWith("Sample") ? "サンプル株式会社" : "代理店顧客株式会社", "locality", "Chuo-ku", "stateOrProvince", "Tokyo", "country", "JP"));
    form.put("technicalContact", Map.of("company", organization, "name", "Hanako Web", "email", account));
    ResponseEntity<Map> created = http.withBasicAuth(account, "customer").postForEntity("/api/applications", new HashMap<>(form), Map.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    // Submitted one after the other so the order by submission is the order of the ids.
    Thread.sleep(5);
    return ((Number) created.getBody().get("id")).longValue();
  }
}
