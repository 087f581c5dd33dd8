package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.cabackoffice.testsupport.CsrFactory;
import org.cabackoffice.testsupport.PreviousSystemCertificate;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Keys the CA must not certify, through the HTTP API: a key an officer put on the blocklist (BR
 * 6.1.1.3), and a key already in a certificate of another customer (BR 9.6.3, 4.9.1.1). Both
 * refusals come at intake, before any process starts.
 */
class KeyReuseIT extends BackOfficeIT {

  @Test
  void keyAnOfficerBlocklistedIsRefusedAtIntake() throws Exception {
    KeyPair key = CsrFactory.rsa2048();
    String fingerprint = spkiSha256(key);

    ResponseEntity<Map> listed =
        as("officer", "officer")
            .postForEntity(
                "/api/key-blocklist",
                Map.of("pem", pem(key.getPublic()), "reason", "private key posted on a public repository"),
                Map.class);
    assertThat(listed.getStatusCode()).as(String.valueOf(listed.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(listed.getBody()).containsEntry("spkiSha256", fingerprint).containsEntry("addedBy", "officer");
    assertThat(listed.getBody().get("addedAt")).isNotNull();

    // The same key again, now as its fingerprint in capitals: the first entry stays.
    ResponseEntity<Map> again =
        as("senior", "senior")
            .postForEntity(
                "/api/key-blocklist",
                Map.of("spkiSha256", fingerprint.toUpperCase(), "reason", "reported twice"),
                Map.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody()).containsEntry("code", "key-blocklist.duplicate");

    ResponseEntity<String> refused =
        as(CUSTOMER, "customer")
            .postForEntity("/api/applications", form(CUSTOMER, csr(key, "www.sample.co.jp")), String.class);
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(refused.getBody()).contains("\"code\":\"key.blocklisted\"").contains(fingerprint);

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list = as("auditor", "auditor").getForObject("/api/key-blocklist", List.class);
    assertThat(list)
        .filteredOn(entry -> fingerprint.equals(entry.get("spkiSha256")))
        .singleElement()
        .satisfies(entry -> assertThat(entry).containsEntry("reason", "private key posted on a public repository"));
  }

  @Test
  void onlyOfficersListKeysAndBadEntriesAreRefusedWithTheReason() throws Exception {
    Map<String, String> entry = Map.of("spkiSha256", "ab".repeat(32), "reason", "test");
    assertThat(as(CUSTOMER, "customer").postForEntity("/api/key-blocklist", entry, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("auditor", "auditor").postForEntity("/api/key-blocklist", entry, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(CUSTOMER, "customer").getForEntity("/api/key-blocklist", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> notAKey =
        as("officer", "officer")
            .postForEntity("/api/key-blocklist", Map.of("pem", "hello", "reason", "test"), String.class);
    assertThat(notAKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notAKey.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(notAKey.getBody()).contains("key-blocklist.pem-unreadable");

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> notJson =
        as("officer", "officer")
            .postForEntity("/api/key-blocklist", new HttpEntity<>("{\"spkiSha256\": ", headers), String.class);
    assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void keyInACertificateOfOneCustomerIsRefusedToAnother() throws Exception {
    KeyPair key = CsrFactory.p256();
    Instant now = Instant.now();
    PreviousSystemCertificate.Issued certificate =
        PreviousSystemCertificate.issue(
            "www.sample-keyowner.jp", now.minus(100, ChronoUnit.DAYS), now.plus(200, ChronoUnit.DAYS), key);
    HttpHeaders text = new HttpHeaders();
    text.setContentType(MediaType.TEXT_PLAIN);
    ResponseEntity<String> imported =
        as("admin", "admin")
            .postForEntity(
                "/api/certificates/import?customer=" + CUSTOMER, new HttpEntity<>(certificate.pem(), text), String.class);
    assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);

    // The agency applies with the same key, for a name of its own.
    ResponseEntity<String> refused =
        as(AGENCY, "customer")
            .postForEntity("/api/applications", form(AGENCY, csr(key, "www.agency.example.jp")), String.class);

    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(refused.getBody())
        .contains("\"code\":\"key.used-by-another-customer\"")
        .doesNotContain(CUSTOMER)
        .doesNotContain(certificate.serialHex());

    // The CSR check the storefront offers before applying says the same to the agency, and
    // nothing of the kind to the key's owner.
    HttpHeaders pkcs10 = new HttpHeaders();
    pkcs10.setContentType(MediaType.parseMediaType("application/pkcs10"));
    String agencyCheck =
        as(AGENCY, "customer")
            .postForObject(
                "/api/csr/check", new HttpEntity<>(csr(key, "www.agency.example.jp"), pkcs10), String.class);
    assertThat(agencyCheck).contains("key.used-by-another-customer");
    String ownerCheck =
        as(CUSTOMER, "customer")
            .postForObject(
                "/api/csr/check", new HttpEntity<>(csr(key, "www.sample-keyowner.jp"), pkcs10), String.class);
    assertThat(ownerCheck).doesNotContain("key.used-by-another-customer");
  }

  private static String csr(KeyPair key, String commonName) throws Exception {
    return CsrFactory.pem(
        key, "CN=" + commonName + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of(commonName));
  }

  private static Map<String, Object> form(String technicalContact, String csr) {
    Map<String, Object> form = new HashMap<>();
    form.put("product", "GLOBAL_SERVER_ID");
    form.put("applicationType", "NEW");
    form.put("csr", csr);
    form.put("express", false);
    form.put("paymentMethod", "BANK_TRANSFER");
    form.put(
        "organization",
        Map.of("nameEn", "Sample K.K.", "nameJa", "サンプル株式会社", "locality", "Chuo-ku", "stateOrProvince", "Tokyo", "country", "JP"));
    form.put(
        "responsiblePerson",
        Map.of("name", "Ichiro Yamada", "title", "General Manager", "email", "yamada@sample.co.jp", "phone", "03-5555-0101"));
    form.put("technicalContact", Map.of("company", "Sample K.K.", "name", "Hanako Web", "email", technicalContact));
    return form;
  }

  private static String pem(Object object) throws Exception {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }

  private static String spkiSha256(KeyPair key) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getPublic().getEncoded()));
  }
}
