package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.cabackoffice.mail.CaughtMail;
import org.cabackoffice.testsupport.CsrFactory;
import org.cabackoffice.testsupport.HeadlessChromium;
import org.cabackoffice.testsupport.PreviousSystemCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The storefront as a customer uses it, in a real browser (Debian's chromium, headless, Japanese):
 * logs in with the user ID, sees the certificates and which may be renewed, is refused a renewal
 * outside its window, renews one inside it — a bad CSR's findings shown live in Japanese, then
 * two licences, express, IIS — sees the dedicated account and when the money is due, uploads the
 * documents an officer asked for, and once the back office has finished (driven through the
 * engine as the other ITs do) downloads the chain as PKCS#7 with its session and reads it with
 * Bouncy Castle. Screenshots of the main pages are kept in target/screenshots.
 */
class StorefrontBrowserIT extends BackOfficeIT {

  @RegisterExtension static final HeadlessChromium BROWSER = new HeadlessChromium("ja");

  @LocalServerPort int port;
  @org.springframework.beans.factory.annotation.Autowired org.cabackoffice.security.CustomerAccounts accounts;

  @BeforeAll
  static void registry() {
    WHOIS.answer("sample-store.jp", jprsRecord("sample-store.jp", "Sample K.K.", "hostmaster@sample.co.jp"));
  }

  @AfterAll
  static void closeBrowser() {
    BROWSER.close();
  }

  @Test
  void aCustomerRenewsFollowsTheApplicationAndDownloadsTheChain() throws Exception {
    Instant now = Instant.now();
    PreviousSystemCertificate.Issued due =
        PreviousSystemCertificate.issue("www.sample-store.jp", now.minus(300, ChronoUnit.DAYS), now.plus(60, ChronoUnit.DAYS));
    PreviousSystemCertificate.Issued recent =
        PreviousSystemCertificate.issue("shop.sample-store.jp", now.minus(5, ChronoUnit.DAYS), now.plus(190, ChronoUnit.DAYS));
    importCertificate(due.pem());
    importCertificate(recent.pem());
    String base = "http://127.0.0.1:" + port;
    WebDriver page = BROWSER.driver();

    // Not logged in: the storefront sends the browser to its login page, in Japanese.
    page.get(base + "/");
    assertThat(page.getCurrentUrl()).endsWith("/login");
    assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
    logIn(page, CUSTOMER, "wrong password");
    assertThat(page.findElement(By.id("login-error")).getText()).contains("正しくありません");
    assertThat(page.findElement(By.id("userId")).getAttribute("aria-describedby")).contains("login-error");
    BROWSER.screenshot("storefront-login-refused");
    logIn(page, CUSTOMER, "customer");

    // My certificates: both, and only the one past 30 days since issuance may be renewed.
    WebElement dueRow = page.findElement(By.id("certificate-" + due.serialHex()));
    WebElement recentRow = page.findElement(By.id("certificate-" + recent.serialHex()));
    assertThat(dueRow.getText()).contains("www.sample-store.jp", "有効");
    assertThat(recentRow.getText()).contains("shop.sample-store.jp", "から申請できます");
    assertThat(recentRow.findElements(By.cssSelector("a.renew"))).isEmpty();
    assertThat(dueRow.findElements(By.cssSelector("a[href$='/chain.p7b']"))).hasSize(1);
    BROWSER.screenshot("storefront-certificates");

    // Outside its window the renewal is refused before anything is typed.
    page.get(base + "/apply?renew=" + recent.serialHex());
    assertThat(page.findElement(By.id("notice")).getText()).contains("shop.sample-store.jp", "89 日後");

    // Inside: renew opens the application with the certificate and its CN.
    page.get(base + "/");
    HeadlessChromium.follow(page.findElement(By.id("certificate-" + due.serialHex())).findElement(By.cssSelector("a.renew")));
    assertThat(page.findElement(By.id("renewing")).getText()).contains(due.serialHex());
    assertThat(page.findElement(By.id("required-cn")).getText()).contains("www.sample-store.jp");
    assertThat(page.findElement(By.id("orgNameEn")).getAttribute("value")).isEqualTo(previousOrganization(due.pem()));

    // A CSR for another name: the live check says so in Japanese, as the customer types.
    String wrongName =
        CsrFactory.pem(CsrFactory.p256(), "CN=www.other-store.jp, O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of("www.other-store.jp"));
    paste(page, "csr", wrongName);
    WebElement findings =
        new WebDriverWait(page, Duration.ofSeconds(20))
            .until(d -> d.findElements(By.cssSelector("#csr-findings li.finding-ERROR")).stream().findFirst().orElse(null));
    assertThat(findings.getText()).containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    BROWSER.screenshot("storefront-csr-findings");

    // Two licences, express, IIS; the organization and the people.
    String csr =
        CsrFactory.pem(CsrFactory.p256(), "CN=www.sample-store.jp, O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of("www.sample-store.jp"));
    paste(page, "csr", csr);
    page.findElement(By.id("licences")).clear();
    page.findElement(By.id("licences")).sendKeys("2");
    page.findElement(By.id("express")).click();
    page.findElement(By.id("serverSoftware-MICROSOFT_IIS")).click();
    type(page, "orgNameEn", "Sample K.K.");
    type(page, "orgNameJa", "サンプル株式会社");
    type(page, "orgLocality", "Chuo-ku");
    type(page, "orgState", "Tokyo");
    type(page, "respName", "Ichiro Yamada");
    type(page, "respTitle", "General Manager");
    type(page, "respEmail", "yamada@sample.co.jp");
    type(page, "respPhone", "03-5555-0101");
    BROWSER.screenshot("storefront-apply");

    // Guide [2] オンライン見積り: the quote button prices what the form says, before applying.
    WebElement quoteButton = page.findElement(By.id("quote"));
    assertThat(quoteButton.getText()).contains("見積書");
    assertThat(quoteButton.getAttribute("formtarget")).isEqualTo("_blank");
    String quoteText = pdfText(submitInPage(page, "quote"));
    // 2 × 149,000 + one express surcharge of 30,000, 10% tax.
    assertThat(quoteText).contains("御見積書", "グローバル・サーバ ID", "¥298,000", "¥30,000", "¥360,800");
    assertThat(page.findElements(By.id("submitted"))).as("a quote applies for nothing").isEmpty();

    HeadlessChromium.follow(page.findElement(By.cssSelector("#apply button[value=apply]")));

    // The confirmation (guide [2-1] 3.): the dedicated account, the due date, the PDF invoice.
    assertThat(page.findElement(By.id("submitted")).getText()).contains("受け付けました");
    long id = Long.parseLong(page.getCurrentUrl().replaceAll(".*/applications/(\\d+).*", "$1"));
    assertThat(page.findElement(By.id("virtual-account")).getText()).matches("\\d{7}");
    // The invoice is issued on applying: its amount and its due date (invoice date + 14 days).
    String dueOn = java.time.LocalDate.now(org.cabackoffice.calendar.BusinessCalendar.ZONE).plusDays(14).toString();
    assertThat(page.findElement(By.id("amount")).getText()).isEqualTo("360,800 円");
    assertThat(page.findElement(By.id("due-date")).getText()).isEqualTo(dueOn);
    String invoiceLink = page.findElement(By.id("invoice-pdf")).getAttribute("href");
    assertThat(invoiceLink).endsWith("/api/applications/" + id + "/invoice.pdf");
    assertThat(page.findElement(By.id("licences")).getText()).isEqualTo("2");
    assertThat(page.findElement(By.id("express")).getText()).contains("あり");
    BROWSER.screenshot("storefront-confirmation");
    HttpResponse<byte[]> invoicePdf =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(invoiceLink))
                    .header("Cookie", "JSESSIONID=" + page.manage().getCookieNamed("JSESSIONID").getValue())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(invoicePdf.statusCode()).isEqualTo(200);
    assertThat(pdfText(invoicePdf.body()))
        .contains("請求書", "¥360,800", page.findElement(By.id("virtual-account")).getText());

    // Guide [2-1] 4.: the confirmation mail, the customer's copy of the application.
    String account = page.findElement(By.id("virtual-account")).getText();
    List<CaughtMail> confirmations =
        mailsTo(CUSTOMER).stream()
            .filter(m -> m.subject().startsWith("サーバ ID お申込み受付のお知らせ (申請番号 " + id + ")"))
            .toList();
    assertThat(confirmations).as("exactly one confirmation mail").hasSize(1);
    CaughtMail received = confirmations.get(0);
    assertThat(received.text())
        .contains("申請番号: " + id, "コモンネーム: www.sample-store.jp", "ライセンス数: 2", "360,800 円", "お振込み期限: " + dueOn, "口座番号: " + account, "今後の流れ")
        .contains("Common name: www.sample-store.jp", "Licences: 2", "JPY 360,800", "Due date: " + dueOn, "What happens next");
    assertThat(received.text().indexOf("今後の流れ")).isLessThan(received.text().indexOf("What happens next"));

    // The back office: domain control, then an officer asks for documents.
    runJobs();
    proveDomainControl(id);
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NEEDED", "documentsNote", "登記事項証明書"));
    page.get(base + "/applications");
    WebElement row = page.findElement(By.id("application-" + id));
    assertThat(row.getText()).contains("書類の提出待ち");
    BROWSER.screenshot("storefront-applications");
    HeadlessChromium.follow(row.findElement(By.cssSelector("a.upload")));
    Path pdf = Files.createTempFile("registry", ".pdf");
    Files.write(pdf, org.cabackoffice.documents.DocumentFixtures.pdf(1));
    page.findElement(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
    HeadlessChromium.follow(page.findElement(By.cssSelector("form button[type=submit]")));
    assertThat(page.getPageSource()).contains("registry");
    runJobs();
    completeTask(id, "review-documents", "officer2", Map.of("documentsReview", "ACCEPTED", "documentsReviewNote", "matches"));

    // The invoice counts both licences and one express surcharge.
    @SuppressWarnings("unchecked")
    Map<String, Object> invoice = as("officer", "officer").getForObject("/api/applications/" + id + "/invoice", Map.class);
    page.get(base + "/applications/" + id);
    assertThat(page.findElement(By.id("step")).getText()).contains("ご入金待ち");
    assertThat(page.findElement(By.id("amount")).getText().replace(",", "")).contains(String.valueOf(invoice.get("totalYen")));
    payInvoice(id);
    confirmByPhone(id, "officer");
    completeTask(id, "approve-issuance", "senior", Map.of("issuanceDecision", "APPROVE", "approvalNote", "renewal"));

    // Issued: the chain as PKCS#7, fetched with the storefront's session as the link does.
    page.get(base + "/applications/" + id);
    assertThat(page.findElement(By.id("step")).getText()).contains("発行済み");
    BROWSER.screenshot("storefront-issued");
    String p7bLink = page.findElement(By.id("chain-p7b")).getAttribute("href");
    Cookie session = page.manage().getCookieNamed("JSESSIONID");
    HttpResponse<byte[]> p7b =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(p7bLink)).header("Cookie", "JSESSIONID=" + session.getValue()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(p7b.statusCode()).isEqualTo(200);
    assertThat(p7b.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-pkcs7-certificates");
    CMSSignedData chain = new CMSSignedData(p7b.body());
    assertThat(chain.getSignerInfos().size()).isZero();
    List<X509Certificate> certificates =
        chain.getCertificates().getMatches(null).stream()
            .map(holder -> convert((X509CertificateHolder) holder))
            .toList();
    assertThat(certificates).hasSize(2);
    assertThat(certificates)
        .anySatisfy(c -> assertThat(c.getSubjectX500Principal().getName()).contains("CN=www.sample-store.jp"));
    // Without the session the same address is the API's: Basic login required.
    HttpResponse<String> stranger =
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(p7bLink)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(stranger.statusCode()).isEqualTo(401);

    // Guide [5-3]: the site seal and the public page it leads to, no login needed.
    String serial = p7bLink.replaceAll(".*/certificates/([0-9a-f]+)/chain.p7b", "$1");
    HttpResponse<String> seal =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(base + "/public/seals/" + serial + ".svg")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(seal.statusCode()).isEqualTo(200);
    assertThat(seal.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
    assertThat(seal.body()).contains("<svg", "Sample K.K.", "www.sample-store.jp");
    page.get(base + "/public/seals/" + serial);
    assertThat(page.findElement(By.id("seal-organization")).getText()).isEqualTo("Sample K.K.");
    assertThat(page.findElement(By.id("seal-domains")).getText()).contains("www.sample-store.jp");
    assertThat(page.findElement(By.id("seal-status")).getText()).contains("有効");
    BROWSER.screenshot("storefront-seal");

    // Guide [5-2]: for IIS the issuance mail carries the PKCS#7 too.
    CaughtMail issued =
        mailsTo(CUSTOMER).stream().filter(m -> m.subject().startsWith("サーバ ID 発行のお知らせ") && m.text().contains("www.sample-store.jp")).findFirst().orElseThrow();
    assertThat(issued.attachments()).contains("server.crt", "intermediate.crt", "server-chain.p7b");

    // Logging out ends the session: the page asks for the login again.
    page.get(base + "/");
    HeadlessChromium.follow(page.findElement(By.cssSelector("#logout button")));
    new WebDriverWait(page, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/login?logout"));
    page.get(base + "/applications");
    assertThat(page.getCurrentUrl()).endsWith("/login");
  }

  @Test
  void aCouponPaysAsTheCustomerAppliesAndACodeThatCannotPayIsNamedBesideTheField() throws Exception {
    String base = "http://127.0.0.1:" + port;
    String today = java.time.LocalDate.now(org.cabackoffice.calendar.BusinessCalendar.ZONE).toString();
    @SuppressWarnings("unchecked")
    List<String> codes =
        (List<String>)
            as("operator", "operator")
                .postForObject("/api/coupons", Map.of("product", "SECURE_SERVER_ID", "count", 2, "expiresOn", today), Map.class)
                .get("codes");
    @SuppressWarnings("unchecked")
    String evCode =
        ((List<String>)
                as("operator", "operator")
                    .postForObject("/api/coupons", Map.of("product", "EV", "count", 1, "expiresOn", today), Map.class)
                    .get("codes"))
            .get(0);
    WebDriver page = BROWSER.driver();
    page.manage().deleteAllCookies();
    page.get(base + "/login");
    logIn(page, CUSTOMER, "customer");
    page.get(base + "/apply");
    new org.openqa.selenium.support.ui.Select(page.findElement(By.id("product"))).selectByValue("SECURE_SERVER_ID");
    String name = "www" + (System.nanoTime() % 100_000) + ".sample-store.jp";
    applyAsSampleKk(page, name);
    page.findElement(By.id("paymentMethod-COUPON")).click();

    // A code no coupon has, then one for another product: each reason beside the field, in
    // Japanese, the form kept as typed, nothing applied for.
    type(page, "couponCode", "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    submitApplication(page);
    assertThat(page.findElement(By.id("couponCode-error")).getText()).contains("見つかりません");
    assertThat(page.findElement(By.id("couponCode")).getAttribute("aria-describedby")).contains("couponCode-error");
    assertThat(page.findElement(By.id("paymentMethod-COUPON")).isSelected()).isTrue();
    assertThat(page.findElement(By.id("csr")).getAttribute("value")).contains("BEGIN CERTIFICATE REQUEST");
    type(page, "couponCode", evCode);
    submitApplication(page);
    assertThat(page.findElement(By.id("couponCode-error")).getText()).contains("選択した製品には使えません");
    BROWSER.screenshot("storefront-coupon-refused");
    page.get(base + "/applications");
    assertThat(page.getPageSource()).doesNotContain(name);

    // A used code says so, also in English.
    page.get(base + "/apply?lang=en");
    new org.openqa.selenium.support.ui.Select(page.findElement(By.id("product"))).selectByValue("SECURE_SERVER_ID");
    applyAsSampleKk(page, name);
    page.findElement(By.id("paymentMethod-COUPON")).click();
    type(page, "couponCode", codes.get(0).toLowerCase());
    HeadlessChromium.follow(page.findElement(By.cssSelector("#apply button[value=apply]")));

    // The valid code (typed in lower case) paid as the application was accepted.
    assertThat(page.findElement(By.id("submitted")).getText()).isNotBlank();
    long id = Long.parseLong(page.getCurrentUrl().replaceAll(".*/applications/(\\d+).*", "$1"));
    assertThat(page.findElement(By.id("paid")).getText()).contains("Paid");
    assertThat(page.findElements(By.id("due-date"))).isEmpty();
    assertThat(page.findElement(By.id("amount")).getText()).isEqualTo("89,100 円");
    assertThat(page.findElements(By.id("receipt-pdf"))).hasSize(1);
    BROWSER.screenshot("storefront-paid-by-coupon");
    @SuppressWarnings("unchecked")
    Map<String, Object> invoice = as("officer", "officer").getForObject("/api/applications/" + id + "/invoice", Map.class);
    assertThat(invoice.get("status")).isEqualTo("PAID");
    CaughtMail confirmation =
        mailsTo(CUSTOMER).stream().filter(m -> m.subject().contains("(クーポン・申請番号 " + id + ")")).findFirst().orElseThrow();
    assertThat(confirmation.text()).contains("クーポンでお支払い済み", name, "paid by coupon");

    // The code is used now: another application with it is refused with that reason.
    page.get(base + "/apply?lang=en");
    page.findElement(By.id("paymentMethod-COUPON")).click();
    type(page, "couponCode", codes.get(0));
    new org.openqa.selenium.support.ui.Select(page.findElement(By.id("product"))).selectByValue("SECURE_SERVER_ID");
    applyAsSampleKk(page, name);
    submitApplication(page);
    assertThat(page.findElement(By.id("couponCode-error")).getText()).contains("used already");

    // That the process then does not wait for this money: CertificateRenewalProcessTest.
    page.get(base + "/");
    HeadlessChromium.follow(page.findElement(By.cssSelector("#logout button")));
    new WebDriverWait(page, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/login?logout"));
  }

  @Test
  void repeatedWrongPasswordsLockTheAccountAndEvenTheRightOneWaitsOutTheLock() throws Exception {
    String userId = "lockout-" + System.nanoTime() + "@sample.co.jp";
    accounts.register(userId, "Sample K.K.", "Lockout Test", "the right password");
    String base = "http://127.0.0.1:" + port;
    WebDriver page = BROWSER.driver();
    page.manage().deleteAllCookies();
    page.get(base + "/login");

    // Ten wrong passwords (backoffice.login.max-failures-per-account): each is refused as wrong.
    for (int attempt = 1; attempt <= 10; attempt++) {
      logIn(page, userId, "guess " + attempt);
      assertThat(page.findElement(By.id("login-error")).getText()).as("attempt %d", attempt).contains("正しくありません");
    }
    // Now the account is locked: the right password is refused too, and the page says why.
    logIn(page, userId, "the right password");
    assertThat(page.getCurrentUrl()).contains("/login");
    assertThat(page.findElement(By.id("login-error")).getText()).contains("ログインの失敗が続いたため", "しばらくの間ログインできません");
    assertThat(page.findElement(By.id("userId")).getAttribute("aria-describedby")).contains("login-error");
    BROWSER.screenshot("storefront-login-locked");
    page.get(base + "/applications");
    assertThat(page.getCurrentUrl()).as("no session was opened").endsWith("/login");

    // The lock ends after the cooling period (3 s in the tests), never for good.
    Thread.sleep(3_500);
    page.get(base + "/login");
    logIn(page, userId, "the right password");
    // Logged in: back to the page asked for while locked out.
    assertThat(page.getCurrentUrl()).startsWith(base + "/applications");
    assertThat(page.getPageSource()).contains(userId);
    HeadlessChromium.follow(page.findElement(By.cssSelector("#logout button")));
    new WebDriverWait(page, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/login?logout"));
  }

  @Test
  void aForgottenPasswordIsResetOnceThroughTheMailedLink() throws Exception {
    String userId = "reset-" + System.nanoTime() + "@sample.co.jp";
    accounts.register(userId, "Sample K.K.", "Reset Test", "the old password");
    String base = "http://127.0.0.1:" + port;
    WebDriver page = BROWSER.driver();
    page.manage().deleteAllCookies();

    page.get(base + "/login");
    HeadlessChromium.follow(page.findElement(By.id("forgot")));
    page.findElement(By.id("userId")).sendKeys(userId);
    HeadlessChromium.follow(page.findElement(By.cssSelector("#reset button[type=submit]")));
    assertThat(page.findElement(By.id("reset-sent")).getText()).contains("お送りしました");
    // An unknown user ID gets the same answer and no mail.
    page.get(base + "/password-reset");
    page.findElement(By.id("userId")).sendKeys("nobody-" + System.nanoTime() + "@sample.co.jp");
    HeadlessChromium.follow(page.findElement(By.cssSelector("#reset button[type=submit]")));
    assertThat(page.findElement(By.id("reset-sent")).getText()).contains("お送りしました");

    List<CaughtMail> mails = mailsTo(userId);
    assertThat(mails).hasSize(1);
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("(/password-reset/[A-Za-z0-9_-]{43})").matcher(mails.get(0).text());
    assertThat(link.find()).isTrue();
    page.get(base + link.group(1));
    type(page, "password", "a new long password");
    type(page, "repeated", "another long password");
    HeadlessChromium.follow(page.findElement(By.cssSelector("#new-password button[type=submit]")));
    assertThat(page.findElement(By.id("reset-error")).getText()).contains("一致しません");
    assertThat(page.findElement(By.id("password")).getAttribute("aria-describedby")).contains("reset-error");
    type(page, "password", "a new long password");
    type(page, "repeated", "a new long password");
    HeadlessChromium.follow(page.findElement(By.cssSelector("#new-password button[type=submit]")));
    assertThat(page.findElement(By.id("login-reset")).getText()).contains("新しいパスワード");

    logIn(page, userId, "a new long password");
    assertThat(page.getCurrentUrl()).isEqualTo(base + "/");
    assertThat(page.getPageSource()).contains(userId);
    // The link works once.
    page.get(base + link.group(1));
    assertThat(page.findElement(By.id("reset-error")).getText()).contains("使用済み");
    page.get(base + "/");
    HeadlessChromium.follow(page.findElement(By.cssSelector("#logout button")));
    new WebDriverWait(page, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/login?logout"));
  }

  /**
   * Sends the apply form as the named button would, from inside the page (its session and CSRF
   * token), and answers the response's bytes: what the browser would show in the new tab.
   */
  private static byte[] submitInPage(WebDriver page, String action) {
    Object base64 =
        ((org.openqa.selenium.JavascriptExecutor) page)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "var form = document.getElementById('apply');"
                    + "var data = new FormData(form); data.set('action', arguments[0]);"
                    // form.action would be the button named "action", not the attribute.
                    + "fetch(form.getAttribute('action'), {method: 'POST', body: data, credentials: 'same-origin'})"
                    + ".then(function (r) { if (r.headers.get('Content-Type').indexOf('application/pdf') !== 0) { throw new Error(r.status + ' ' + r.headers.get('Content-Type')); } return r.arrayBuffer(); })"
                    + ".then(function (b) { var s = ''; new Uint8Array(b).forEach(function (x) { s += String.fromCharCode(x); }); done(btoa(s)); })"
                    + ".catch(function (e) { done('error: ' + e.message); });",
                action);
    assertThat(String.valueOf(base64)).doesNotStartWith("error:");
    return java.util.Base64.getDecoder().decode(String.valueOf(base64));
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
    }
  }

  private static String previousOrganization(String pem) throws Exception {
    X509Certificate certificate =
        (X509Certificate)
            java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    return new javax.naming.ldap.LdapName(certificate.getSubjectX500Principal().getName()).getRdns().stream()
        .filter(r -> r.getType().equalsIgnoreCase("O"))
        .map(r -> r.getValue().toString())
        .findFirst()
        .orElse("");
  }

  private static X509Certificate convert(X509CertificateHolder holder) {
    try {
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (java.security.cert.CertificateException e) {
      throw new AssertionError(e);
    }
  }

  private void importCertificate(String pem) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.TEXT_PLAIN);
    ResponseEntity<String> imported =
        as("admin", "admin").postForEntity("/api/certificates/import?customer=" + CUSTOMER, new HttpEntity<>(pem, headers), String.class);
    assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  private static void logIn(WebDriver page, String userId, String password) {
    page.findElement(By.id("userId")).clear();
    page.findElement(By.id("userId")).sendKeys(userId);
    page.findElement(By.id("password")).sendKeys(password);
    // The next assertion must read the page the login led to, not the login form.
    HeadlessChromium.follow(page.findElement(By.cssSelector("#login button[type=submit]")));
  }

  /** The apply form's CSR for {@code name} and Sample K.K.'s organization and responsible person. */
  private static void applyAsSampleKk(WebDriver page, String name) throws Exception {
    paste(page, "csr", CsrFactory.pem(CsrFactory.p256(), "CN=" + name + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of(name)));
    type(page, "orgNameEn", "Sample K.K.");
    type(page, "orgNameJa", "サンプル株式会社");
    type(page, "orgLocality", "Chuo-ku");
    type(page, "orgState", "Tokyo");
    type(page, "respName", "Ichiro Yamada");
    type(page, "respEmail", "yamada@sample.co.jp");
  }

  /** Applies and waits for the answer page, so what follows reads it, not the form left behind. */
  private static void submitApplication(WebDriver page) {
    HeadlessChromium.follow(page.findElement(By.cssSelector("#apply button[value=apply]")));
  }

  private static void type(WebDriver page, String id, String text) {
    page.findElement(By.id(id)).clear();
    page.findElement(By.id(id)).sendKeys(text);
  }

  /** Pastes as a person does: the whole text at once (sendKeys of a PEM types it slowly). */
  private static void paste(WebDriver page, String id, String text) {
    WebElement field = page.findElement(By.id(id));
    ((org.openqa.selenium.JavascriptExecutor) page)
        .executeScript(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", field, text);
  }
}
