package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.cabackoffice.payment.ZenginFixture;
import org.cabackoffice.testsupport.CsrFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Guide [3-2] through the HTTP API: an application waits for its payment, the transfer to the
 * customer's virtual account arrives in the bank's Zengin 振込入金通知 file, an officer posts
 * the file, and the process moves on to the phone verification. Posted again, the file changes
 * nothing.
 */
class BankStatementIT extends BackOfficeIT {

  @BeforeAll
  static void registry() {
    WHOIS.answer("sample-bank.jp", jprsRecord("sample-bank.jp", "Sample K.K.", "hostmaster@sample.co.jp"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aDepositInTheZenginFilePaysTheInvoiceAndTheProcessMovesOn() {
    // EV: no other test of this customer leaves an open invoice with its total behind.
    long id = submit(CertificateApplicationIT.form("EV", "NEW", "BANK_TRANSFER", csr(), null));
    runJobs();
    proveDomainControl(id);
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    assertThat(stage(id)).containsExactly("Wait for payment");

    Map<String, Object> invoice = as("officer", "officer").getForObject("/api/applications/" + id + "/invoice", Map.class);
    String account = (String) invoice.get("accountNumber");
    long total = ((Number) invoice.get("totalYen")).longValue();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    byte[] file =
        ZenginFixture.withCrLf()
            .header((String) invoice.get("branchCode"), account, today)
            .deposit(4711, today, total, "ｻﾝﾌﾟﾙ(ｶ")
            .trailer(1, total)
            .header((String) invoice.get("branchCode"), "0000000", today)
            .deposit(4712, today, 5_000, "ｼﾗﾅｲ ｶｲｼｬ")
            .trailer(1, 5_000)
            .end()
            .build();

    ResponseEntity<Map> posted = postRaw(as("officer", "officer"), file, "furikomi-" + today + ".txt");

    assertThat(posted.getStatusCode()).as(String.valueOf(posted.getBody())).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> report = posted.getBody();
    long importId = ((Number) report.get("importId")).longValue();
    assertThat(posted.getHeaders().getLocation()).hasPath("/api/bank-statements/" + importId);
    assertThat(report.get("format")).isEqualTo("ZENGIN");
    List<Map<String, Object>> matched = (List<Map<String, Object>>) report.get("matched");
    assertThat(matched).singleElement().satisfies(m -> {
      assertThat(((Number) m.get("line")).longValue()).isEqualTo(2);
      assertThat(((Number) m.get("applicationId")).longValue()).isEqualTo(id);
      assertThat(((Number) m.get("amountYen")).longValue()).isEqualTo(total);
    });
    List<Map<String, Object>> unmatched = (List<Map<String, Object>>) report.get("unmatched");
    assertThat(unmatched).singleElement().satisfies(u -> {
      assertThat(((Number) u.get("line")).longValue()).isEqualTo(5);
      assertThat(u.get("accountNumber")).isEqualTo("0000000");
      assertThat(u.get("reasonCode")).isEqualTo("UNKNOWN_ACCOUNT");
    });
    assertThat((List<?>) report.get("duplicates")).isEmpty();
    assertThat((List<?>) report.get("errors")).isEmpty();

    runJobs();
    assertThat(stage(id)).containsExactly("Verify responsible person by phone");
    Map<String, Object> paid = as("officer", "officer").getForObject("/api/applications/" + id + "/invoice", Map.class);
    assertThat(paid.get("status")).isEqualTo("PAID");

    // Operations post the day's file again: nothing is recorded twice.
    ResponseEntity<Map> again = postMultipart(as("operator", "operator"), file, "furikomi-" + today + ".txt");
    assertThat(again.getStatusCode()).as(String.valueOf(again.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat((List<?>) again.getBody().get("matched")).isEmpty();
    assertThat((List<?>) again.getBody().get("unmatched")).isEmpty();
    assertThat((List<?>) again.getBody().get("errors")).isEmpty();
    assertThat((List<Map<String, Object>>) again.getBody().get("duplicates"))
        .extracting(d -> d.get("reference"))
        .containsExactly("004711", "004712");

    // Auditors read the imports; the unmatched deposit stays there for an officer.
    ResponseEntity<Map> read = as("auditor", "auditor").getForEntity("/api/bank-statements/" + importId, Map.class);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read.getBody().get("importedBy")).isEqualTo("officer");
    assertThat((List<?>) read.getBody().get("unmatched")).hasSize(1);
    ResponseEntity<List> list = as("auditor", "auditor").getForEntity("/api/bank-statements", List.class);
    assertThat((List<Map<String, Object>>) list.getBody())
        .anySatisfy(s -> {
          assertThat(((Number) s.get("importId")).longValue()).isEqualTo(importId);
          assertThat(((Number) s.get("matched")).longValue()).isEqualTo(1);
          assertThat(((Number) s.get("unmatched")).longValue()).isEqualTo(1);
        });
  }

  @Test
  @SuppressWarnings("unchecked")
  void twoPostingsOfTheSameLongFileAtOnceStoreEachDepositExactlyOnce() throws Exception {
    // More than two of the import's chunks (2,000 lines each), so both imports commit chunks
    // while the other inserts the same deposit keys.
    int deposits = 4_500;
    String run = java.util.UUID.randomUUID().toString().substring(0, 8);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    StringBuilder csv = new StringBuilder("value_date,account_number,amount,payer,reference\n");
    for (int i = 0; i < deposits; i++) {
      csv.append(today).append(",0000000,").append(1_000 + i).append(",ｼﾗﾅｲ ｶｲｼｬ,").append(run).append('-').append(i).append('\n');
    }
    byte[] file = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
    java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(2);
    try {
      java.util.concurrent.Future<ResponseEntity<Map>> officer =
          two.submit(() -> { ready.countDown(); ready.await(); return postRaw(as("officer", "officer"), file, run + ".csv"); });
      java.util.concurrent.Future<ResponseEntity<Map>> operator =
          two.submit(() -> { ready.countDown(); ready.await(); return postRaw(as("operator", "operator"), file, run + ".csv"); });
      ResponseEntity<Map> first = officer.get(5, java.util.concurrent.TimeUnit.MINUTES);
      ResponseEntity<Map> second = operator.get(5, java.util.concurrent.TimeUnit.MINUTES);
      assertThat(first.getStatusCode()).as(String.valueOf(first.getBody())).isEqualTo(HttpStatus.CREATED);
      assertThat(second.getStatusCode()).as(String.valueOf(second.getBody())).isEqualTo(HttpStatus.CREATED);
      Map<String, Object> a = first.getBody();
      Map<String, Object> b = second.getBody();

      // The reports list the first 1,000 lines of a kind and count all; the lines endpoint pages.
      List<Map<String, Object>> claimed = new java.util.ArrayList<>(lines(a, "UNMATCHED"));
      claimed.addAll(lines(b, "UNMATCHED"));
      // Each deposit is claimed by exactly one of the two imports and a duplicate in the other.
      assertThat(claimed).extracting(u -> u.get("reference")).doesNotHaveDuplicates().hasSize(deposits);
      assertThat(claimed).allSatisfy(u -> assertThat(u.get("reasonCode")).isEqualTo("UNKNOWN_ACCOUNT"));
      assertThat(((Number) a.get("unmatchedCount")).longValue() + ((Number) b.get("unmatchedCount")).longValue())
          .isEqualTo(deposits);
      assertThat(lines(a, "DUPLICATE").size() + lines(b, "DUPLICATE").size()).isEqualTo(deposits);
      assertThat(((Number) a.get("duplicateCount")).longValue() + ((Number) b.get("duplicateCount")).longValue())
          .isEqualTo(deposits);
      assertThat((List<?>) a.get("errors")).isEmpty();
      assertThat((List<?>) b.get("errors")).isEmpty();
    } finally {
      two.shutdownNow();
    }
  }

  @Test
  void filesThatCannotBeImportedAreRefusedWithTheReasonAndOnlyStaffMayPost() {
    ResponseEntity<String> empty = postRawText(as("officer", "officer"), new byte[0]);
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody()).contains("empty");

    ResponseEntity<String> neither = postRawText(as("officer", "officer"), "hello\n".getBytes());
    assertThat(neither.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(neither.getBody()).contains("neither");

    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    byte[] shortOfItsTotals =
        ZenginFixture.withCrLf()
            .header("123", "0000000", today)
            .deposit(1, today, 5_000, "ｱ")
            .trailer(2, 10_000)
            .end()
            .build();
    ResponseEntity<String> totals = postRawText(as("officer", "officer"), shortOfItsTotals);
    assertThat(totals.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(totals.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(totals.getBody()).contains("declares 2 transfers of 10,000 yen", "holds 1 transfers of 5,000 yen");

    assertThat(postRawText(customer(), "hello\n".getBytes()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(postRawText(as("auditor", "auditor"), "hello\n".getBytes()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(customer().getForEntity("/api/bank-statements", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("officer", "officer").getForEntity("/api/bank-statements/999999", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  // --- steps ---------------------------------------------------------------------------------

  private long submit(Map<String, Object> form) {
    ResponseEntity<Map> created = customer().postForEntity("/api/applications", form, Map.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return ((Number) created.getBody().get("id")).longValue();
  }

  private static String csr() {
    try {
      KeyPair key = CsrFactory.p256();
      return CsrFactory.pem(key, "CN=www.sample-bank.jp, O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of("www.sample-bank.jp"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private List<String> stage(long id) {
    return (List<String>) customer().getForObject("/api/applications/" + id, Map.class).get("stage");
  }

  /** Every line of a kind of an import, page by page as an auditor reads them. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> lines(Map<String, Object> report, String kind) {
    long importId = ((Number) report.get("importId")).longValue();
    List<Map<String, Object>> all = new java.util.ArrayList<>();
    Number after = 0;
    while (after != null) {
      Map<String, Object> page =
          as("auditor", "auditor")
              .getForObject(
                  "/api/bank-statements/" + importId + "/lines?kind=" + kind + "&afterLine=" + after, Map.class);
      all.addAll((List<Map<String, Object>>) page.get("lines"));
      after = (Number) page.get("nextAfterLine");
    }
    return all;
  }

  private static ResponseEntity<Map> postRaw(
      org.springframework.boot.test.web.client.TestRestTemplate as, byte[] file, String name) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    return as.postForEntity("/api/bank-statements?fileName=" + name, new HttpEntity<>(file, headers), Map.class);
  }

  private static ResponseEntity<String> postRawText(
      org.springframework.boot.test.web.client.TestRestTemplate as, byte[] file) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    return as.postForEntity("/api/bank-statements", new HttpEntity<>(file, headers), String.class);
  }

  private static ResponseEntity<Map> postMultipart(
      org.springframework.boot.test.web.client.TestRestTemplate as, byte[] file, String name) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add(
        "file",
        new ByteArrayResource(file) {
          @Override
          public String getFilename() {
            return name;
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return as.postForEntity("/api/bank-statements", new HttpEntity<>(body, headers), Map.class);
  }
}
