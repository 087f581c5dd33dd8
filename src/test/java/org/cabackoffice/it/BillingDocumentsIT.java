package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cabackoffice.application.Applications;
import org.cabackoffice.application.RejectionReason;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.testsupport.CsrFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14 over HTTP: the documents of a sale as the storefront links to them, read back by
 * pdfbox and by poppler's pdftotext (a reader that is not the writer's own library), and coupons
 * paying an application as a matched transfer does, used once even when redeemed at the same time.
 */
class BillingDocumentsIT extends BackOfficeIT {

  @Autowired Applications applications;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  static void registry() {
    for (int i = 1; i <= 4; i++) {
      WHOIS.answer("sample-billing" + i + ".jp", jprsRecord("sample-billing" + i + ".jp", "Sample K.K.", "hostmaster@sample.co.jp"));
    }
  }

  @Test
  void theDocumentsAppearAsTheSaleProceedsAndOnlyForItsCustomerAndStaff() throws Exception {
    long id = submit(1, "SECURE_SERVER_ID");

    // Right after applying (guide [2-1] 3.): the quote and the invoice, no receipt or delivery note yet.
    ResponseEntity<byte[]> quote = pdf(customer(), "/api/applications/" + id + "/quote.pdf");
    assertThat(quote.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(text(quote.getBody())).contains("御見積書", "セキュア・サーバ ID", "サンプル株式会社 御中");
    assertThat(pdf(customer(), "/api/applications/" + id + "/invoice.pdf").getStatusCode()).isEqualTo(HttpStatus.OK);
    for (String document : List.of("receipt", "delivery-note")) {
      ResponseEntity<String> notYet = problem(customer(), "/api/applications/" + id + "/" + document + ".pdf");
      assertThat(notYet.getStatusCode()).as(document).isEqualTo(HttpStatus.CONFLICT);
      assertThat(notYet.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
      assertThat(notYet.getBody()).contains("NOT_YET_ISSUED");
    }

    toPayment(id);
    @SuppressWarnings("unchecked")
    Map<String, Object> invoice = as("officer", "officer").getForObject("/api/applications/" + id + "/invoice", Map.class);
    String account = (String) invoice.get("accountNumber");

    ResponseEntity<byte[]> pdf = pdf(customer(), "/api/applications/" + id + "/invoice.pdf");
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(pdf.getHeaders().getCacheControl()).contains("no-store");
    assertThat(pdf.getHeaders().getContentDisposition().getFilename()).matches("invoice-\\d{6}\\.pdf");
    String number = pdf.getHeaders().getContentDisposition().getFilename().substring(8, 14);
    String today = LocalDate.now(BusinessCalendar.ZONE).format(java.time.format.DateTimeFormatter.ofPattern("uuuu年M月d日"));
    for (String text : List.of(text(pdf.getBody()), pdftotext(pdf.getBody()))) {
      assertThat(text)
          .contains("請求書", "適格請求書", "登録番号 T0000000000000", "請求書番号", number)
          .contains("発行日", today, "お支払期限")
          .contains("サンプル株式会社 御中", "セキュア・サーバ ID")
          .contains("10%対象 (税抜)", "¥81,000", "消費税 (10%)", "¥8,100", "¥89,100")
          .contains("普通預金 " + account);
    }
    png(pdf.getBody(), "it-invoice");

    // Staff on the case read it too; another customer's answer is that no such application exists.
    assertThat(pdf(as("auditor", "auditor"), "/api/applications/" + id + "/invoice.pdf").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf(as("senior", "senior"), "/api/applications/" + id + "/invoice.pdf").getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> others = problem(as(AGENCY, "customer"), "/api/applications/" + id + "/invoice.pdf");
    assertThat(others.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(others.getBody()).doesNotContain("サンプル");
    assertThat(problem(as("operator", "operator"), "/api/applications/" + id + "/invoice.pdf").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // A coupon pays it, and the payment stage continues as after a matched transfer.
    String code = issueCoupons("SECURE_SERVER_ID", 1, LocalDate.now(BusinessCalendar.ZONE).plusDays(30)).get(0);
    ResponseEntity<Map> paid = redeem(customer(), id, code.toLowerCase().replace("-", " "));
    assertThat(paid.getStatusCode()).as(String.valueOf(paid.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(paid.getBody().get("processNotified")).isEqualTo(true);
    assertThat(((Number) paid.getBody().get("amountYen")).longValue()).isEqualTo(89_100L);
    runJobs();
    assertThat(stage(id)).containsExactly("Verify responsible person by phone");
    assertThat(as("officer", "officer").getForObject("/api/applications/" + id + "/invoice", Map.class).get("status")).isEqualTo("PAID");
    assertThat(as("officer", "officer").getForObject("/api/applications/" + id + "/timeline", String.class))
        .contains("with coupon " + code);
    assertThat(jdbc.queryForList("select kind from audit_log where details like ?", String.class, "%" + code + "%"))
        .as("the coupon's issue and the payment it made, in the audit log")
        .contains("Coupon.recorded", "Payment.recorded");
    assertThat(jdbc.queryForObject(
            "select count(*) from audit_log where kind like 'Coupon.%' and details like ?", Integer.class, "%\"usedByApplication\":" + id + "%"))
        .as("the coupon's use in the audit log")
        .isEqualTo(1);

    ResponseEntity<byte[]> receipt = pdf(customer(), "/api/applications/" + id + "/receipt.pdf");
    assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdftotext(receipt.getBody())).contains("領収書", "R-" + number, "¥89,100", "クーポン (" + code + ")", "登録番号 T0000000000000");
    png(receipt.getBody(), "it-receipt");

    // The certificate is issued: the delivery note names it.
    confirmByPhone(id, "officer");
    completeTask(id, "approve-issuance", "senior", Map.of("issuanceDecision", "APPROVE", "approvalNote", "all checks recorded"));
    assertThat(customer().getForObject("/api/applications/" + id, Map.class).get("status")).isEqualTo("ISSUED");
    ResponseEntity<byte[]> delivery = pdf(customer(), "/api/applications/" + id + "/delivery-note.pdf");
    assertThat(delivery.getStatusCode()).isEqualTo(HttpStatus.OK);
    String serial = (String) customer().getForObject("/api/applications/" + id, Map.class).get("serial");
    assertThat(pdftotext(delivery.getBody())).contains("納品書", "D-" + number, "www.sample-billing1.jp", serial);
    png(delivery.getBody(), "it-delivery-note");
  }

  @Test
  void aQuoteBeforeApplyingPricesLicencesAndExpress() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<byte[]> quote =
        customer()
            .exchange(
                "/api/quotes",
                HttpMethod.POST,
                new HttpEntity<>(Map.of("product", "GLOBAL_SERVER_ID", "licences", 2, "express", true, "paymentMethod", "COUPON"), headers),
                byte[].class);
    assertThat(quote.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(quote.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    // 2 × 149,000 + 30,000 express = 328,000; tax 32,800.
    assertThat(pdftotext(quote.getBody()))
        .contains("御見積書", "グローバル・サーバ ID", "¥298,000", "¥30,000", "¥328,000", "¥32,800", "¥360,800", "クーポン");
    png(quote.getBody(), "it-quote");

    ResponseEntity<String> bad =
        customer()
            .exchange(
                "/api/quotes",
                HttpMethod.POST,
                new HttpEntity<>(Map.of("product", "PLATINUM", "licences", 2, "express", true, "paymentMethod", "COUPON"), headers),
                String.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("INVALID_ORDER", "product must be one of");
    ResponseEntity<String> none =
        customer()
            .exchange(
                "/api/quotes",
                HttpMethod.POST,
                new HttpEntity<>(Map.of("product", "EV", "licences", 0, "express", false, "paymentMethod", "BANK_TRANSFER"), headers),
                String.class);
    assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(none.getBody()).contains("licences");
  }

  @Test
  void aCouponPaysOnceEvenWhenTwoApplicationsRedeemItAtOnceAndWrongCodesAreRefusedWithTheirReason() throws Exception {
    long first = submit(2, "SECURE_SERVER_ID");
    long second = submit(3, "SECURE_SERVER_ID");
    toPayment(first);
    toPayment(second);
    LocalDate today = LocalDate.now(BusinessCalendar.ZONE);

    // Operations issue; auditors read; nobody else issues.
    List<String> codes = issueCoupons("SECURE_SERVER_ID", 2, today.plusDays(7));
    String ev = issueCoupons("EV", 1, today).get(0);
    assertThat(codes).hasSize(2).allMatch(c -> c.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
    String listed = as("auditor", "auditor").getForObject("/api/coupons?product=SECURE_SERVER_ID", String.class);
    assertThat(listed).contains(codes.get(0), codes.get(1)).doesNotContain(ev);
    ResponseEntity<String> byOfficer =
        as("officer", "officer").postForEntity("/api/coupons", Map.of("product", "EV", "count", 1, "expiresOn", today.toString()), String.class);
    assertThat(byOfficer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> past =
        as("operator", "operator").postForEntity("/api/coupons", Map.of("product", "EV", "count", 1, "expiresOn", today.minusDays(1).toString()), String.class);
    assertThat(past.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(past.getBody()).contains("INVALID_INPUT", "before today");

    // An expired coupon, as one issued weeks ago would be now.
    String expired = "EXPD-0000-0000-" + String.format("%04d", System.nanoTime() % 10_000).replace('-', '0');
    jdbc.update(
        "insert into coupon (code, product, expires_on, issued_by, issued_at, version) values (?, 'SECURE_SERVER_ID', ?, 'operator', current_timestamp, 0)",
        expired, java.sql.Date.valueOf(today.minusDays(1)));

    assertRefused(redeem(customer(), first, ev), HttpStatus.UNPROCESSABLE_ENTITY, "COUPON_WRONG_PRODUCT");
    assertRefused(redeem(customer(), first, "ZZZZ-ZZZZ-ZZZZ-ZZZZ"), HttpStatus.UNPROCESSABLE_ENTITY, "COUPON_UNKNOWN");
    assertRefused(redeem(customer(), first, "not a code"), HttpStatus.UNPROCESSABLE_ENTITY, "COUPON_UNKNOWN");
    assertRefused(redeem(customer(), first, expired), HttpStatus.UNPROCESSABLE_ENTITY, "COUPON_EXPIRED");
    assertRefused(redeem(as(AGENCY, "customer"), first, codes.get(0)), HttpStatus.NOT_FOUND, null);

    // Both applications redeem the same code at the same moment: one pays, the other is told it is used.
    String contested = codes.get(0);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<ResponseEntity<Map>>> answers = new ArrayList<>();
      for (long application : List.of(first, second)) {
        answers.add(pool.submit(() -> {
          start.await();
          return redeem(customer(), application, contested);
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<ResponseEntity<Map>> answer : answers) {
        ResponseEntity<Map> got = answer.get(60, TimeUnit.SECONDS);
        statuses.add(got.getStatusCode().value());
        if (got.getStatusCode().value() != 201) {
          assertThat(String.valueOf(got.getBody())).contains("COUPON_USED");
        }
      }
      assertThat(statuses).containsExactlyInAnyOrder(201, 422);
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.queryForObject("select count(*) from payment where bank_reference = ?", Integer.class, "coupon " + contested))
        .isEqualTo(1);

    // The one left unpaid pays with the other code; a used code stays used.
    long unpaid =
        "PAID".equals(as("officer", "officer").getForObject("/api/applications/" + first + "/invoice", Map.class).get("status"))
            ? second
            : first;
    assertRefused(redeem(customer(), unpaid, contested), HttpStatus.UNPROCESSABLE_ENTITY, "COUPON_USED");
    assertThat(redeem(customer(), unpaid, codes.get(1)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertRefused(redeem(customer(), unpaid, codes.get(1)), HttpStatus.CONFLICT, "ALREADY_PAID");
    runJobs();
    assertThat(stage(first)).containsExactly("Verify responsible person by phone");
    assertThat(stage(second)).containsExactly("Verify responsible person by phone");
  }

  @Test
  void invoiceNumbersHaveNoGapsAndACancelledInvoiceKeepsItsNumber() throws Exception {
    long id = submit(4, "SECURE_SERVER_ID");
    // Invoiced on applying: a code is judged at once.
    assertRefused(redeem(customer(), id, "ZZZZ-ZZZZ-ZZZZ-ZZZZ"), HttpStatus.UNPROCESSABLE_ENTITY, "COUPON_UNKNOWN");
    // An application refused because its coupon cannot pay draws no invoice number.
    long counter = jdbc.queryForObject("select next_value from ca_counter where name = 'invoice-number'", Long.class);
    String csr = CsrFactory.pem(CsrFactory.p256(), "CN=www.sample-billing4.jp, O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of("www.sample-billing4.jp"));
    Map<String, Object> withCoupon = new java.util.HashMap<>(CertificateApplicationIT.form("SECURE_SERVER_ID", "NEW", "COUPON", csr, null));
    withCoupon.put("couponCode", "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    assertRefused(customer().postForEntity("/api/applications", withCoupon, Map.class), HttpStatus.UNPROCESSABLE_ENTITY, "COUPON_UNKNOWN");
    assertThat(jdbc.queryForObject("select next_value from ca_counter where name = 'invoice-number'", Long.class)).isEqualTo(counter);
    toPayment(id);
    String before = pdf(customer(), "/api/applications/" + id + "/invoice.pdf").getHeaders().getContentDisposition().getFilename();

    applications.reject(id, RejectionReason.values()[0], "withdrawn by the customer");

    ResponseEntity<byte[]> cancelled = pdf(customer(), "/api/applications/" + id + "/invoice.pdf");
    assertThat(cancelled.getHeaders().getContentDisposition().getFilename()).isEqualTo(before);
    assertThat(pdftotext(cancelled.getBody())).contains("取消 (CANCELLED)", before.substring(8, 14), "取り消されました");
    png(cancelled.getBody(), "it-invoice-cancelled");
    assertRefused(redeem(customer(), id, "ZZZZ-ZZZZ-ZZZZ-ZZZZ"), HttpStatus.CONFLICT, "INVOICE_CANCELLED");

    // One series for applications' invoices and ACME contracts' (both qualified invoices).
    List<Long> numbers = jdbc.queryForList(
        "select invoice_number from invoice union all select invoice_number from acme_contract order by 1", Long.class);
    for (int i = 0; i < numbers.size(); i++) {
      assertThat(numbers.get(i)).as("invoice number %d of %s", i + 1, numbers).isEqualTo(i + 1L);
    }
    assertThat(jdbc.queryForObject("select next_value from ca_counter where name = 'invoice-number'", Long.class))
        .isEqualTo(numbers.size() + 1L);
  }

  private long submit(int site, String product) throws Exception {
    KeyPair key = CsrFactory.p256();
    String name = "www.sample-billing" + site + ".jp";
    String csr = CsrFactory.pem(key, "CN=" + name + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of(name));
    ResponseEntity<Map> created =
        customer().postForEntity("/api/applications", CertificateApplicationIT.form(product, "NEW", "BANK_TRANSFER", csr, null), Map.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return ((Number) created.getBody().get("id")).longValue();
  }

  private void toPayment(long id) {
    runJobs();
    proveDomainControl(id);
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    assertThat(stage(id)).containsExactly("Wait for payment");
  }

  @SuppressWarnings("unchecked")
  private List<String> stage(long id) {
    return (List<String>) customer().getForObject("/api/applications/" + id, Map.class).get("stage");
  }

  @SuppressWarnings("unchecked")
  private List<String> issueCoupons(String product, int count, LocalDate expiresOn) {
    ResponseEntity<Map> issued =
        as("operator", "operator")
            .postForEntity("/api/coupons", Map.of("product", product, "count", count, "expiresOn", expiresOn.toString()), Map.class);
    assertThat(issued.getStatusCode()).as(String.valueOf(issued.getBody())).isEqualTo(HttpStatus.CREATED);
    return (List<String>) issued.getBody().get("codes");
  }

  private static ResponseEntity<Map> redeem(TestRestTemplate as, long id, String code) {
    return as.postForEntity("/api/applications/" + id + "/coupon", Map.of("code", code), Map.class);
  }

  private static void assertRefused(ResponseEntity<Map> answer, HttpStatus status, String reason) {
    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    if (reason != null) {
      assertThat(answer.getBody().get("reason")).isEqualTo(reason);
    }
  }

  /** As a browser asks for a PDF. */
  private static ResponseEntity<byte[]> pdf(TestRestTemplate as, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_PDF));
    return as.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  /** A refusal, asked for as a browser asks for the PDF: the answer is problem+json all the same. */
  private static ResponseEntity<String> problem(TestRestTemplate as, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_PDF));
    return as.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /** Poppler's pdftotext (Debian's poppler-utils; .ci/run installs it). */
  private static String pdftotext(byte[] pdf) throws Exception {
    Path file = Files.createTempFile("billing", ".pdf");
    try {
      Files.write(file, pdf);
      Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(true).start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      process.getInputStream().transferTo(out);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(out.toString(StandardCharsets.UTF_8)).isZero();
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void png(byte[] pdf, String name) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      Path dir = Path.of("target", "billing-documents");
      Files.createDirectories(dir);
      javax.imageio.ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 100), "png", dir.resolve(name + ".png").toFile());
    }
  }
}
