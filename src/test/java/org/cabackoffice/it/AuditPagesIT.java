package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.issuance.IssuedCertificateRepository;
import org.cabackoffice.testsupport.CsrFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 11, the auditors' pages over HTTP on loopback: search with filters and paging, one
 * finished application with its timeline in JST and the path through the model, the exports, and
 * the evidence bundle checked with the real openssl and by its manifest.
 */
class AuditPagesIT extends BackOfficeIT {

  // One registered domain each: a domain's open DNS challenge belongs to one application.
  static final String ISSUED = "www.audit-issued.jp";
  static final String REFUSED = "www.audit-refused.jp";
  static final String ACCESS = "www.audit-access.jp";

  @Autowired IssuedCertificateRepository certificates;

  @TempDir Path dir;

  @BeforeAll
  static void registry() {
    for (String name : List.of(ISSUED, REFUSED, ACCESS)) {
      String domain = name.substring(4);
      WHOIS.answer(domain, jprsRecord(domain, "Sample K.K.", "hostmaster@sample.co.jp"));
    }
  }

  @Test
  void anAuditorSearchesOpensAFinishedApplicationAndTakesItsSignedEvidenceAway() throws Exception {
    long issued = walk(ISSUED, "APPROVE");
    long refused = walk(REFUSED, "REFUSE");
    String serial = certificates.findFirstByApplicationId(issued).orElseThrow().serial();
    String today = LocalDate.now(BusinessCalendar.ZONE).toString();

    // Filters: the approving officer, the rejection reason, the domain, the submitted range.
    String period = "&submittedFrom=" + today + "&submittedTo=" + today;
    assertThat(applicationIds(page("/audit/applications?size=100&officer=senior" + period))).contains(issued, refused);
    assertThat(applicationIds(page("/audit/applications?size=100&rejection=ISSUANCE_NOT_APPROVED" + period)))
        .contains(refused).doesNotContain(issued);
    assertThat(applicationIds(page("/audit/applications?officer=nobody-worked-this"))).isEmpty();
    assertThat(applicationIds(page("/audit/applications?status=ISSUED&domain=audit-issued.jp"))).containsExactly(issued);
    assertThat(applicationIds(page("/audit/applications?domain=audit-refused.jp&product=GLOBAL_SERVER_ID"))).containsExactly(refused);
    // Paging: one a page, newest first, links that keep the filters.
    String first = page("/audit/applications?officer=senior&size=1" + period);
    assertThat(applicationIds(first)).containsExactly(refused);
    assertThat(first).contains("rel=\"next\"").contains("?officer=senior&amp;size=1&amp;submittedFrom=" + today + "&amp;submittedTo=" + today + "&amp;page=1");
    assertThat(applicationIds(page("/audit/applications?officer=senior&size=1&page=1" + period))).containsExactly(issued);
    // A wrong filter is shown on the page, with what would be right, as 400.
    ResponseEntity<String> wrong = as("auditor", "auditor").getForEntity("/audit/applications?rejection=BORED&lang=en", String.class);
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrong.getBody()).contains("rejection: must be one of CSR_REFUSED");

    // The application: timeline in JST, the diagram with the path taken, the certificate.
    String view = page("/audit/applications/" + issued + "?lang=en");
    assertThat(view).contains("Application " + issued + ": the record").contains(" JST</td>");
    assertThat(view).containsPattern("<td>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} JST</td>\\s*<td>CERTIFICATE_ISSUED</td>");
    assertThat(view).contains("<td>PHONE_VERIFICATION</td>").contains("<td>ISSUANCE_DECISION</td>");
    assertThat(view).contains("data-element=\"approve-issuance\" data-passed=\"true\"");
    assertThat(view).containsPattern("data-element=\"[a-z-]+\" data-passed=\"false\"");
    assertThat(view).contains(serial).contains("not revoked");
    assertThat(page("/audit/applications/" + issued)).contains("申請 " + issued + " の記録").contains("失効していません");

    // JSON export.
    ResponseEntity<String> json = as("auditor", "auditor").getForEntity("/audit/applications/" + issued + "/timeline.json", String.class);
    assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    assertThat(json.getBody()).contains("\"kind\":\"CERTIFICATE_ISSUED\"");

    // Per period: both applications' timelines, the application id first.
    ResponseEntity<String> periodCsv = as("auditor", "auditor").getForEntity("/audit/timeline.csv?submittedFrom=" + today + "&submittedTo=" + today, String.class);
    assertThat(periodCsv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(periodCsv.getBody()).startsWith("application,at,kind,actor,summary,reference\r\n")
        .contains("\r\n" + issued + ",").contains("\r\n" + refused + ",");
    assertThat(as("auditor", "auditor").getForEntity("/audit/timeline.csv?submittedFrom=" + today, String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    // The same period as JSON: one object per application, in id order, each with its timeline.
    ResponseEntity<String> periodJson = as("auditor", "auditor").getForEntity("/audit/timeline.json?submittedFrom=" + today + "&submittedTo=" + today, String.class);
    assertThat(periodJson.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(periodJson.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    assertThat(periodJson.getHeaders().getFirst("X-Applications")).isEqualTo(periodCsv.getHeaders().getFirst("X-Applications"));
    assertThat(periodJson.getBody()).contains("{\"application\":" + issued + ",\"timeline\":[{\"at\":")
        .contains("{\"application\":" + refused + ",").contains("\"kind\":\"CERTIFICATE_ISSUED\"");
    assertThat(as("auditor", "auditor").getForEntity("/audit/timeline.json?submittedTo=" + today, String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    // The evidence bundle: the manifest's signature verifies with openssl, and every hash holds.
    ResponseEntity<byte[]> zip = as("auditor", "auditor").getForEntity("/audit/applications/" + issued + "/evidence.zip", byte[].class);
    assertThat(zip.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, byte[]> files = unzip(zip.getBody());
    assertThat(files).containsKeys("timeline.json", "evidence.json", "documents.json", "certificate.pem", "manifest.txt", "manifest.txt.p7s", "audit-key.pem");
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Files.write(dir.resolve(f.getKey()), f.getValue());
    }
    assertThat(new String(files.get("certificate.pem"), StandardCharsets.US_ASCII)).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.txt.p7s", "-content", "manifest.txt", "-CAfile", "audit-key.pem", "-out", "/dev/null"))
        .contains("Verification successful");
    assertThat(manifestHolds(files)).isTrue();

    // A changed file in the bundle: the manifest's hash no longer matches it.
    files.put("timeline.json", new String(files.get("timeline.json"), StandardCharsets.UTF_8).replace("senior", "somebody").getBytes(StandardCharsets.UTF_8));
    assertThat(manifestHolds(files)).isFalse();
    // A changed manifest: the signature no longer verifies.
    Files.writeString(dir.resolve("manifest.txt"), new String(files.get("manifest.txt"), StandardCharsets.US_ASCII) + "0000  added.json\n");
    assertThat(openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.txt.p7s", "-content", "manifest.txt", "-CAfile", "audit-key.pem", "-out", "/dev/null"))
        .doesNotContain("Verification successful");

    // The period's bundle: each application's files in its own folder, one signed manifest over all.
    ResponseEntity<byte[]> periodZip = as("auditor", "auditor").getForEntity("/audit/evidence.zip?submittedFrom=" + today + "&submittedTo=" + today, byte[].class);
    assertThat(periodZip.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, byte[]> periodFiles = unzip(periodZip.getBody());
    assertThat(periodFiles).containsKeys(
        "application-" + issued + "/timeline.json", "application-" + issued + "/certificate.pem",
        "application-" + refused + "/evidence.json", "manifest.txt", "manifest.txt.p7s", "audit-key.pem");
    assertThat(manifestHolds(periodFiles)).isTrue();
    Path periodDir = Files.createDirectories(dir.resolve("period"));
    Files.write(periodDir.resolve("manifest.txt"), periodFiles.get("manifest.txt"));
    Files.write(periodDir.resolve("manifest.txt.p7s"), periodFiles.get("manifest.txt.p7s"));
    Files.write(periodDir.resolve("audit-key.pem"), periodFiles.get("audit-key.pem"));
    assertThat(openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", "period/manifest.txt.p7s", "-content", "period/manifest.txt", "-CAfile", "period/audit-key.pem", "-out", "/dev/null"))
        .contains("Verification successful");
    assertThat(as("auditor", "auditor").getForEntity("/audit/evidence.zip?submittedFrom=" + today, String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void onlyAuditorsOpenThePages() {
    long id = submit(ACCESS);
    for (String path : List.of("/audit/applications", "/audit/applications/" + id, "/audit/applications/" + id + "/timeline.json", "/audit/applications/" + id + "/evidence.zip")) {
      assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(customer().getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(as("officer", "officer").getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(as("auditor", "auditor").getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    }
    assertThat(as("auditor", "auditor").getForEntity("/audit/applications/999999", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    // The staff API takes the same filters; who worked an application is not the customer's to ask.
    assertThat(as("auditor", "auditor").getForEntity("/api/applications?officer=senior&rejection=CAA_FORBIDS", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<String> customerAsks = customer().getForEntity("/api/applications?officer=senior", String.class);
    assertThat(customerAsks.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(customerAsks.getBody()).contains("is for staff only");
    assertThat(as("auditor", "auditor").postForEntity("/audit/applications", Map.of(), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  // --- helpers ------------------------------------------------------------------------------

  private String page(String path) {
    ResponseEntity<String> page = as("auditor", "auditor").getForEntity(path, String.class);
    assertThat(page.getStatusCode()).as(path + "\n" + page.getBody()).isEqualTo(HttpStatus.OK);
    return page.getBody();
  }

  private static List<Long> applicationIds(String page) {
    Matcher m = Pattern.compile("href=\"/audit/applications/(\\d+)\\?lang=").matcher(page);
    java.util.ArrayList<Long> ids = new java.util.ArrayList<>();
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  private long walk(String name, String decision) {
    long id = submit(name);
    runJobs();
    proveDomainControl(id);
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "registrant is the applicant"));
    payInvoice(id);
    confirmByPhone(id, "officer");
    completeTask(id, "approve-issuance", "senior", Map.of("issuanceDecision", decision, "approvalNote", "audit pages walk"));
    return id;
  }

  private long submit(String name) {
    String csr;
    try {
      csr = CsrFactory.pem(CsrFactory.p256(), "CN=" + name + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of(name));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> created =
        customer().postForEntity("/api/applications", CertificateApplicationIT.form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null), Map.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return ((Number) created.getBody().get("id")).longValue();
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  /** Every line of the manifest names a file of the bundle with its SHA-256, as sha256sum -c checks. */
  private static boolean manifestHolds(Map<String, byte[]> files) throws Exception {
    String manifest = new String(files.get("manifest.txt"), StandardCharsets.US_ASCII);
    for (String line : manifest.split("\n")) {
      String[] parts = line.split("  ", 2);
      byte[] content = files.get(parts[1]);
      String actual = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
      if (!actual.equals(parts[0])) {
        return false;
      }
    }
    return true;
  }

  private String openssl(String... arguments) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
