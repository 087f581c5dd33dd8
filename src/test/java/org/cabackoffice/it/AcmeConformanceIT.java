package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.cabackoffice.testsupport.CsrFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The ACME server's answers to a client that does each step right and to one that gets each
 * wrong (RFC 8555 6.7): badNonce, malformed, unauthorized, externalAccountRequired,
 * rejectedIdentifier, orderNotReady, badCSR, with the Replay-Nonce on every answer; key change,
 * deactivation, download, ARI and revocation by the certificate's key.
 */
class AcmeConformanceIT extends BackOfficeIT {

  /** The auditors' order page, looked at as a screenshot (target/screenshots). */
  @org.junit.jupiter.api.extension.RegisterExtension
  static final org.cabackoffice.testsupport.HeadlessChromium BROWSER = new org.cabackoffice.testsupport.HeadlessChromium("en");

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @org.junit.jupiter.api.AfterAll
  static void closeBrowser() {
    BROWSER.close();
  }

  static final ObjectMapper JSON = new ObjectMapper();
  static final MediaType JOSE = MediaType.parseMediaType("application/jose+json");
  static final String NAME = "www.acme-conformance.sample-direct.jp";

  String eabKid;
  String eabKey;

  @org.springframework.beans.factory.annotation.Autowired
  org.cabackoffice.acme.AcmeContracts acmeContracts;

  @BeforeAll
  static void registry() {
    WHOIS.answer("sample-direct.jp", jprsRecord("sample-direct.jp", "Sample K.K.", "hostmaster@sample.co.jp"));
  }

  @BeforeEach
  void validatedOrganization() throws Exception {
    ResponseEntity<Map> eab =
        as("officer", "officer").postForEntity("/api/acme/eab", Map.of("customer", CUSTOMER), Map.class);
    if (eab.getStatusCode().value() == 422) {
      // The officers validate the customer's organization in an application's organization stage
      // (after the domain stage, which a recent validation of the domain may have settled).
      String csr = CsrFactory.pem(
          CsrFactory.p256(), "CN=www.sample-direct.jp, O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of("www.sample-direct.jp"));
      ResponseEntity<Map> created = customer().postForEntity(
          "/api/applications", CertificateApplicationIT.form("SECURE_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null), Map.class);
      assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
      long id = ((Number) created.getBody().get("id")).longValue();
      runJobs();
      if (!dnsChallenges.challenges(id).isEmpty()) {
        proveDomainControl(id);
      }
      confirmOrganization(id);
      eab = as("officer", "officer").postForEntity("/api/acme/eab", Map.of("customer", CUSTOMER), Map.class);
    }
    assertThat(eab.getStatusCode().value()).as(String.valueOf(eab.getBody())).isEqualTo(201);
    eabKid = (String) eab.getBody().get("kid");
    eabKey = (String) eab.getBody().get("hmacKey");
    paidContract(as("officer", "officer"), CUSTOMER);
  }

  /**
   * A paid annual contract for the customer's validated organization (the one EAB credentials
   * issued just before were bound to), so its orders are signed without waiting for an officer.
   */
  static long paidContract(TestRestTemplate officer, String customer) {
    ResponseEntity<Map> created = officer.postForEntity("/api/acme/contracts",
        Map.of("customer", customer, "unit", "CERTIFICATES", "quantity", 20), Map.class);
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    long id = ((Number) created.getBody().get("id")).longValue();
    ResponseEntity<Map> paid = officer.postForEntity("/api/acme/contracts/" + id + "/payment",
        Map.of("amountYen", created.getBody().get("totalYen"), "valueDate", created.getBody().get("invoicedOn"),
            "reference", "ACME-CONTRACT-" + id), Map.class);
    assertThat(paid.getStatusCode().value()).as(String.valueOf(paid.getBody())).isEqualTo(200);
    return id;
  }

  /** Units the customer's contracts have given to orders, from the officers' list. */
  private int usedByCustomer() {
    ResponseEntity<List> list = as("officer", "officer").getForEntity("/api/acme/contracts", List.class);
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    return ((List<Map<String, Object>>) list.getBody()).stream()
        .filter(c -> CUSTOMER.equals(c.get("customer")))
        .mapToInt(c -> ((Number) c.get("used")).intValue())
        .sum();
  }

  @Test
  void contractsAreRecordedByOfficersAndOperationsAndPaidAsInvoicesAre() {
    Map<String, Object> request = Map.of("customer", CUSTOMER, "unit", "NAMES", "quantity", 3);
    assertThat(customer().postForEntity("/api/acme/contracts", request, String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(customer().getForEntity("/api/acme/contracts", String.class).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map> unknown = as("officer", "officer")
        .postForEntity("/api/acme/contracts", Map.of("customer", "nobody@example.jp", "unit", "NAMES", "quantity", 3), Map.class);
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody().get("code")).isEqualTo("acme.contract.unknown-customer");
    assertThat(as("officer", "officer").postForEntity("/api/acme/contracts",
        Map.of("customer", CUSTOMER, "unit", "SERVERS", "quantity", 3), Map.class).getStatusCode().value()).isEqualTo(400);
    assertThat(as("officer", "officer").postForEntity("/api/acme/contracts",
        Map.of("customer", CUSTOMER, "unit", "NAMES", "quantity", 0), Map.class).getStatusCode().value()).isEqualTo(400);

    ResponseEntity<Map> created = as("operator", "operator").postForEntity("/api/acme/contracts", request, Map.class);
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    Map<?, ?> contract = created.getBody();
    long id = ((Number) contract.get("id")).longValue();
    // Three names of the Global Server ID at its list price, the tax once on the subtotal.
    assertThat(((Number) contract.get("priceYen")).longValue()).isEqualTo(3 * ((Number) contract.get("unitPriceYen")).longValue());
    assertThat(((Number) contract.get("totalYen")).longValue())
        .isEqualTo(((Number) contract.get("priceYen")).longValue() + ((Number) contract.get("taxYen")).longValue());
    assertThat(contract.get("paid")).isEqualTo(false);
    assertThat(contract.get("endsOn")).isEqualTo(java.time.LocalDate.parse((String) contract.get("startsOn")).plusYears(1).toString());

    // Paid as an application's invoice is: exactly the total, by an officer, once.
    String payment = "/api/acme/contracts/" + id + "/payment";
    Map<String, Object> transfer = Map.of("amountYen", contract.get("totalYen"), "valueDate", contract.get("invoicedOn"), "reference", "KAWASE-1");
    assertThat(as("operator", "operator").postForEntity(payment, transfer, String.class).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map> partial = as("officer", "officer").postForEntity(payment,
        Map.of("amountYen", 1000, "valueDate", contract.get("invoicedOn"), "reference", "KAWASE-1"), Map.class);
    assertThat(partial.getStatusCode().value()).as(String.valueOf(partial.getBody())).isBetween(400, 499);
    assertThat(String.valueOf(partial.getBody())).contains("AMOUNT_MISMATCH");
    ResponseEntity<Map> paid = as("officer", "officer").postForEntity(payment, transfer, Map.class);
    assertThat(paid.getStatusCode().value()).isEqualTo(200);
    assertThat(paid.getBody().get("paid")).isEqualTo(true);
    assertThat(paid.getBody().get("paymentRecordedBy")).isEqualTo("officer");
    assertThat(as("officer", "officer").postForEntity(payment, transfer, Map.class).getStatusCode().value()).isEqualTo(409);
    assertThat(as("officer", "officer").postForEntity("/api/acme/contracts/999999999/payment", transfer, Map.class)
        .getStatusCode().value()).isEqualTo(404);

    ResponseEntity<List> list = as("auditor", "auditor").getForEntity("/api/acme/contracts", List.class);
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    assertThat((List<Map<String, Object>>) list.getBody()).filteredOn(c -> ((Number) c.get("id")).longValue() == id)
        .singleElement()
        .satisfies(c -> {
          assertThat(c.get("used")).isEqualTo(0);
          assertThat(c.get("remaining")).isEqualTo(3);
          assertThat(c.get("inForce")).isEqualTo(true);
        });
  }

  /**
   * A contract's invoice reaches the customer as an application's does: a mail with the PDF and
   * the dedicated account; the transfer on the day's bank statement pays it; the storefront shows
   * the contract, paid, with its invoice, to its customer only.
   */
  @Test
  @SuppressWarnings("unchecked")
  void aContractsInvoiceIsMailedPaidByTheBankStatementAndShownInTheStorefront() {
    ResponseEntity<Map> created = as("officer", "officer").postForEntity("/api/acme/contracts",
        Map.of("customer", CUSTOMER, "unit", "NAMES", "quantity", 7), Map.class);
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    long id = ((Number) created.getBody().get("id")).longValue();
    long total = ((Number) created.getBody().get("totalYen")).longValue();
    String number = String.format(java.util.Locale.ROOT, "%06d", ((Number) created.getBody().get("invoiceNumber")).longValue());

    org.cabackoffice.mail.CaughtMail mail = mailsTo(CUSTOMER).stream()
        .filter(m -> m.subject().contains("請求書番号 " + number)).findFirst().orElseThrow();
    assertThat(mail.text()).contains("契約番号: " + id).contains(String.format(java.util.Locale.ROOT, "%,d 円", total));
    assertThat(mail.attachments()).containsExactly("invoice-" + number + ".pdf");
    java.util.regex.Matcher account = java.util.regex.Pattern.compile("口座番号: (\\d{7})").matcher(mail.text());
    java.util.regex.Matcher branch = java.util.regex.Pattern.compile("支店番号 (\\d{3})").matcher(mail.text());
    assertThat(account.find() && branch.find()).isTrue();

    ResponseEntity<byte[]> pdf = as("auditor", "auditor").getForEntity("/api/acme/contracts/" + id + "/invoice.pdf", byte[].class);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);

    java.time.LocalDate today = java.time.LocalDate.now(org.cabackoffice.calendar.BusinessCalendar.ZONE);
    byte[] statement = org.cabackoffice.payment.ZenginFixture.withCrLf()
        .header(branch.group(1), account.group(1), today)
        .deposit(80_000 + (int) (id % 10_000), today, total, "ｻﾝﾌﾟﾙ(ｶ")
        .trailer(1, total)
        .end()
        .build();
    HttpHeaders octets = new HttpHeaders();
    octets.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    ResponseEntity<Map> report = as("officer", "officer")
        .postForEntity("/api/bank-statements?fileName=contract-" + id + ".txt", new HttpEntity<>(statement, octets), Map.class);
    assertThat(report.getStatusCode().value()).as(String.valueOf(report.getBody())).isEqualTo(201);
    assertThat((List<Map<String, Object>>) report.getBody().get("matched")).singleElement().satisfies(m -> {
      assertThat(((Number) m.get("acmeContractId")).longValue()).isEqualTo(id);
      assertThat(m.get("applicationId")).isNull();
    });
    assertThat((List<Map<String, Object>>) as("officer", "officer").getForObject("/api/acme/contracts", List.class))
        .filteredOn(c -> ((Number) c.get("id")).longValue() == id)
        .singleElement()
        .satisfies(c -> {
          assertThat(c.get("paid")).isEqualTo(true);
          assertThat(c.get("paymentValueDate")).isEqualTo(today.toString());
          assertThat((String) c.get("paymentRecordedBy")).startsWith("bank-statement:");
        });

    HttpHeaders html = new HttpHeaders();
    html.setAccept(List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> page = customer().exchange("/contracts?lang=ja", HttpMethod.GET, new HttpEntity<>(html), String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody())
        .contains("id=\"contract-" + id + "\"")
        .contains("FQDN 0 / 7 件 (残り 7 件)")
        .contains("入金済み (" + today + ")")
        .contains("/contracts/" + id + "/invoice.pdf");
    ResponseEntity<String> english = customer().exchange("/contracts?lang=en", HttpMethod.GET, new HttpEntity<>(html), String.class);
    assertThat(english.getBody()).contains("0 of 7 names (FQDNs) used (7 left)").contains("Paid (" + today + ")");
    assertThat(customer().getForEntity("/contracts/" + id + "/invoice.pdf", byte[].class).getStatusCode().value()).isEqualTo(200);
    assertThat(as(AGENCY, "customer").getForEntity("/contracts/" + id + "/invoice.pdf", String.class).getStatusCode().value())
        .isEqualTo(404);
  }

  /**
   * Concurrent orders (and a retried step racing its first run) consume from the contract once
   * each: no unit lost to a lost update, none taken twice for one order.
   */
  @Test
  void concurrentOrdersConsumeFromTheContractExactlyOnceEach() throws Exception {
    JsonNode directory = JSON.readTree(http.getForEntity("/acme/directory", String.class).getBody());
    Client client = new Client(directory);
    String newAccount = directory.path("newAccount").asText();
    ResponseEntity<String> account = client.post(newAccount, client.accountPayload(eabKid, eabKey, newAccount), null);
    assertThat(account.getStatusCode().value()).as(account.getBody()).isEqualTo(201);
    client.kid = account.getHeaders().getLocation().toString();
    List<Long> orderIds = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ResponseEntity<String> created =
          client.post(directory.path("newOrder").asText(), order("c" + i + ".acme-contract.sample-direct.jp"), client.kid);
      assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
      String location = created.getHeaders().getLocation().toString();
      orderIds.add(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
    }
    int before = usedByCustomer();

    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (long orderId : orderIds) {
        for (int twice = 0; twice < 2; twice++) {
          results.add(pool.submit(() -> consumeAsTheJobWould(orderId)));
        }
      }
      for (java.util.concurrent.Future<Boolean> result : results) {
        assertThat(result.get(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(usedByCustomer() - before).isEqualTo(orderIds.size());
    for (long orderId : orderIds) {
      assertThat(acmeContracts.useOf(orderId)).as("order " + orderId).isPresent();
    }
  }

  /** The step as the job executor runs it: a failed attempt rolls back and is retried. */
  private boolean consumeAsTheJobWould(long orderId) throws InterruptedException {
    RuntimeException last = null;
    for (int attempt = 0; attempt < 10; attempt++) {
      try {
        return acmeContracts.consume(orderId).covered();
      } catch (RuntimeException e) {
        last = e;
        Thread.sleep(50);
      }
    }
    throw last;
  }


  @Test
  void eabCredentialsAreForOfficersAndForValidatedOrganizationsOnly() {
    assertThat(customer().postForEntity("/api/acme/eab", Map.of("customer", CUSTOMER), String.class).getStatusCode().value())
        .isEqualTo(403);
    ResponseEntity<String> unknown =
        as("officer", "officer").postForEntity("/api/acme/eab", Map.of("customer", "nobody@example.jp"), String.class);
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void everyStepRightAndEachWrongAnsweredWithItsProblem() throws Exception {
    JsonNode directory = JSON.readTree(http.getForEntity("/acme/directory", String.class).getBody());
    assertThat(directory.path("meta").path("externalAccountRequired").asBoolean()).isTrue();
    Client client = new Client(directory);
    String newAccount = directory.path("newAccount").asText();

    // Not JSON, not a JWS, a made-up nonce, a url that is not where it was sent.
    assertProblem(client.raw(newAccount, "not json"), 400, "malformed");
    assertProblem(client.post(newAccount, "{}", null, "made-up-nonce", newAccount), 400, "badNonce");
    assertProblem(client.post(newAccount, "{}", null, client.nonce(), newAccount + "/elsewhere"), 403, "unauthorized");
    // RFC 8555 7.3.4: no binding, a binding by another key, a binding for someone else's kid.
    assertProblem(client.post(newAccount, "{\"termsOfServiceAgreed\":true}", null), 403, "externalAccountRequired");
    assertProblem(client.post(newAccount, client.accountPayload(eabKid, Base64.getUrlEncoder().withoutPadding()
        .encodeToString(new byte[32]), newAccount), null), 403, "unauthorized");
    assertProblem(client.post(newAccount, client.accountPayload("eab-nobody", eabKey, newAccount), null), 403, "unauthorized");

    ResponseEntity<String> account = client.post(newAccount, client.accountPayload(eabKid, eabKey, newAccount), null);
    assertThat(account.getStatusCode().value()).as(account.getBody()).isEqualTo(201);
    client.kid = account.getHeaders().getLocation().toString();
    assertThat(client.post(newAccount, client.accountPayload(eabKid, eabKey, newAccount), null).getStatusCode().value())
        .as("the same key again: the account it has").isEqualTo(200);
    Client other = new Client(directory);
    assertProblem(other.post(newAccount, other.accountPayload(eabKid, eabKey, newAccount), null), 403, "unauthorized");

    String newOrder = directory.path("newOrder").asText();
    assertProblem(client.post(newOrder, order("*.sample-direct.jp"), client.kid), 400, "rejectedIdentifier");
    assertProblem(client.post(newOrder, order("not..a.name"), client.kid), 400, "rejectedIdentifier");
    ResponseEntity<String> created = client.post(newOrder, order(NAME), client.kid);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    String orderUrl = created.getHeaders().getLocation().toString();
    JsonNode order = JSON.readTree(created.getBody());
    assertThat(order.path("status").asText()).isEqualTo("pending");
    String finalize = order.path("finalize").asText();
    KeyPair key = CsrFactory.p256();
    assertProblem(client.post(finalize, csr(key, NAME), client.kid), 403, "orderNotReady");

    // http-01 (RFC 8555 8.3): the key authorization at the well-known path of the name.
    JsonNode authorization = JSON.readTree(client.post(order.path("authorizations").get(0).asText(), "", client.kid).getBody());
    JsonNode http01 = null;
    for (JsonNode challenge : authorization.path("challenges")) {
      if (challenge.path("type").asText().equals("http-01")) {
        http01 = challenge;
      }
    }
    String token = http01.path("token").asText();
    String keyAuthorization = token + "." + client.key.toPublicJWK().computeThumbprint();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", ACME_HTTP01_PORT), 0);
    server.createContext("/.well-known/acme-challenge/" + token, exchange -> {
      byte[] body = keyAuthorization.getBytes(StandardCharsets.US_ASCII);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      ResponseEntity<String> answered = client.post(http01.path("url").asText(), "{}", client.kid);
      assertThat(JSON.readTree(answered.getBody()).path("status").asText()).as(answered.getBody()).isEqualTo("valid");
    } finally {
      server.stop(0);
    }
    assertThat(JSON.readTree(client.post(orderUrl, "", client.kid).getBody()).path("status").asText()).isEqualTo("ready");
    // Another account of the same customer may not read this account's order.
    Map<?, ?> second = as("officer", "officer").postForEntity("/api/acme/eab", Map.of("customer", CUSTOMER), Map.class).getBody();
    ResponseEntity<String> otherAccount =
        other.post(newAccount, other.accountPayload((String) second.get("kid"), (String) second.get("hmacKey"), newAccount), null);
    other.kid = otherAccount.getHeaders().getLocation().toString();
    assertProblem(other.post(orderUrl, "", other.kid), 403, "unauthorized");
    assertProblem(other.post(orderUrl, "", client.kid), 400, "malformed");

    // badCSR: not a CSR, another name than ordered.
    assertProblem(client.post(finalize, "{\"csr\":\"AAAA\"}", client.kid), 400, "badCSR");
    assertProblem(client.post(finalize, csr(key, "www.other.sample-direct.jp"), client.kid), 400, "badCSR");
    int usedBefore = usedByCustomer();
    ResponseEntity<String> finalized = client.post(finalize, csr(key, NAME), client.kid);
    assertThat(JSON.readTree(finalized.getBody()).path("status").asText()).as(finalized.getBody()).isEqualTo("processing");
    runJobs();
    JsonNode valid = JSON.readTree(client.post(orderUrl, "", client.kid).getBody());
    assertThat(valid.path("status").asText()).as(valid.toString()).isEqualTo("valid");
    // Paid by the customer's contract: one certificate taken, once, however often the step runs.
    assertThat(usedByCustomer()).isEqualTo(usedBefore + 1);
    long orderId = Long.parseLong(orderUrl.substring(orderUrl.lastIndexOf('/') + 1));
    assertThat(acmeContracts.consume(orderId).covered()).isTrue();
    assertThat(usedByCustomer()).isEqualTo(usedBefore + 1);

    ResponseEntity<String> download = client.post(valid.path("certificate").asText(), "", client.kid);
    assertThat(download.getHeaders().getContentType().toString()).isEqualTo("application/pem-certificate-chain");
    List<X509Certificate> chain = CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(download.getBody().getBytes(StandardCharsets.US_ASCII))).stream()
        .map(c -> (X509Certificate) c).toList();
    assertThat(chain).hasSize(2);
    X509Certificate leaf = chain.get(0);
    assertThat(leaf.getSubjectX500Principal().getName()).contains("O=" + second.get("organization")).contains("CN=" + NAME);

    // ARI (RFC 9773 4.1): the certID of AKI and serial.
    byte[] aki = AuthorityKeyIdentifier.getInstance(
        ASN1OctetString.getInstance(leaf.getExtensionValue(Extension.authorityKeyIdentifier.getId())).getOctets()).getKeyIdentifier();
    String certId = Base64.getUrlEncoder().withoutPadding().encodeToString(aki) + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(leaf.getSerialNumber().toByteArray());
    JsonNode window = JSON.readTree(http.getForEntity(directory.path("renewalInfo").asText() + "/" + certId, String.class).getBody());
    Instant start = Instant.parse(window.path("suggestedWindow").path("start").asText());
    Instant end = Instant.parse(window.path("suggestedWindow").path("end").asText());
    assertThat(start).isAfter(leaf.getNotBefore().toInstant()).isBefore(end);
    assertThat(end).isBefore(leaf.getNotAfter().toInstant());
    assertThat(http.getForEntity(directory.path("renewalInfo").asText() + "/AAAA.AQ", String.class).getStatusCode().value()).isEqualTo(404);

    // revokeCert by the certificate's own key (RFC 8555 7.6), a reason BR 7.2.2 allows.
    Client holder = new Client(directory);
    holder.key = new ECKey.Builder(Curve.P_256, (java.security.interfaces.ECPublicKey) key.getPublic())
        .privateKey((java.security.interfaces.ECPrivateKey) key.getPrivate()).build();
    String revoke = directory.path("revokeCert").asText();
    String der = Base64.getUrlEncoder().withoutPadding().encodeToString(leaf.getEncoded());
    assertProblem(holder.post(revoke, "{\"certificate\":\"" + der + "\"}", null), 400, "badRevocationReason");
    assertThat(holder.post(revoke, "{\"certificate\":\"" + der + "\",\"reason\":4}", null).getStatusCode().value()).isEqualTo(200);
    assertProblem(holder.post(revoke, "{\"certificate\":\"" + der + "\",\"reason\":4}", null), 400, "alreadyRevoked");

    // Issue 15: the order is a process auditors open, with its evidence, in JST.
    ResponseEntity<String> found = as("auditor", "auditor").getForEntity("/audit/acme-orders?lang=en&status=valid&domain=" + NAME, String.class);
    assertThat(found.getStatusCode().value()).isEqualTo(200);
    assertThat(found.getBody()).contains("data-order=\"" + orderId + "\"", String.valueOf(second.get("organization")));
    assertThat(as("auditor", "auditor").getForEntity("/audit/acme-orders?status=nonsense", String.class).getStatusCode().value()).isEqualTo(400);
    assertThat(as("officer", "officer").getForEntity("/audit/acme-orders/" + orderId, String.class).getStatusCode().value()).isEqualTo(403);
    BROWSER.basicLogin("auditor", "auditor");
    org.openqa.selenium.WebDriver page = BROWSER.driver();
    page.get("http://127.0.0.1:" + port + "/audit/acme-orders/" + orderId + "?lang=en");
    BROWSER.screenshot("audit-acme-order");
    assertThat(page.findElement(org.openqa.selenium.By.id("status")).getText()).isEqualTo("valid");
    assertThat(page.findElement(org.openqa.selenium.By.id("identity-decision")).getText()).startsWith("reused");
    assertThat(page.findElement(org.openqa.selenium.By.cssSelector("#authorizations tr[data-type=http-01]")).getText())
        .contains(NAME, "valid", "JST");
    String timeline = page.findElement(org.openqa.selenium.By.id("timeline")).getText();
    assertThat(timeline).contains("ACME_ORDER_PLACED", "Check reuse of the organization's validation",
        "Check CAA (RFC 8657 accounturi, validationmethods)", "Lint, log to CT and sign", "CERTIFICATE_ISSUED", "CERTIFICATE_REVOKED", "JST");
    // Multi-perspective corroboration is off here (a private CA): the order's CAA corroboration says so.
    assertThat(page.findElement(org.openqa.selenium.By.cssSelector(".caa-corroboration .outcome")).getText())
        .isEqualTo("not corroborated, multi-perspective corroboration is off (private CA)");
    assertThat(timeline).contains("Multi-perspective corroboration of CAA for " + NAME + ": not corroborated");
    assertThat(page.findElement(org.openqa.selenium.By.id("revocation")).getText()).doesNotContain("not revoked");
    assertThat(page.findElement(org.openqa.selenium.By.id("certificate")).getText()).contains("BEGIN CERTIFICATE");
    ResponseEntity<String> csv = as("auditor", "auditor").getForEntity("/audit/acme-orders/" + orderId + "/timeline.csv", String.class);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getBody()).startsWith("at,kind,actor,summary,reference").contains("ACME_ORDER_PLACED", "Lint, log to CT and sign");

    // keyChange (RFC 8555 7.3.5), then the old key is no one's.
    ECKey newKey = new ECKeyGenerator(Curve.P_256).generate();
    String keyChange = directory.path("keyChange").asText();
    String inner = client.flattened(newKey, keyChange,
        "{\"account\":\"" + client.kid + "\",\"oldKey\":" + client.key.toPublicJWK().toJSONString() + "}", null, null, true);
    assertThat(client.post(keyChange, inner, client.kid).getStatusCode().value()).isEqualTo(200);
    assertProblem(client.post(orderUrl, "", client.kid), 400, "malformed");
    client.key = newKey;
    assertThat(client.post(orderUrl, "", client.kid).getStatusCode().value()).isEqualTo(200);

    // Deactivation (RFC 8555 7.3.6): nothing more is accepted from the account.
    assertThat(client.post(client.kid, "{\"status\":\"deactivated\"}", client.kid).getStatusCode().value()).isEqualTo(200);
    assertProblem(client.post(newOrder, order(NAME), client.kid), 403, "unauthorized");
  }

  private static String order(String name) {
    return "{\"identifiers\":[{\"type\":\"dns\",\"value\":\"" + name + "\"}]}";
  }

  private static String csr(KeyPair key, String name) throws Exception {
    String pem = CsrFactory.pem(key, "CN=" + name, List.of(name));
    String base64 = pem.replaceAll("-----[^-]+-----", "").replaceAll("\\s", "");
    byte[] der = Base64.getDecoder().decode(base64);
    return "{\"csr\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(der) + "\"}";
  }

  private static void assertProblem(ResponseEntity<String> answer, int status, String type) throws Exception {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(JSON.readTree(answer.getBody()).path("type").asText()).isEqualTo("urn:ietf:params:acme:error:" + type);
    assertThat(answer.getHeaders().getFirst("Replay-Nonce")).as("a nonce with every answer").isNotBlank();
  }

  /** A minimal ACME client: ES256 account key, flattened JWS. */
  class Client {
    final JsonNode directory;
    ECKey key;
    String kid;

    Client(JsonNode directory) throws Exception {
      this.directory = directory;
      this.key = new ECKeyGenerator(Curve.P_256).generate();
    }

    String nonce() {
      ResponseEntity<Void> answer =
          http.exchange(directory.path("newNonce").asText(), HttpMethod.HEAD, HttpEntity.EMPTY, Void.class);
      return answer.getHeaders().getFirst("Replay-Nonce");
    }

    String accountPayload(String eabKid, String hmacKey, String url) throws Exception {
      JWSObject eab = new JWSObject(
          new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(eabKid).customParam("url", url).build(),
          new Payload(key.toPublicJWK().toJSONString()));
      eab.sign(new MACSigner(Base64.getUrlDecoder().decode(hmacKey)));
      return "{\"termsOfServiceAgreed\":true,\"externalAccountBinding\":" + serialize(eab) + "}";
    }

    ResponseEntity<String> post(String url, String payload, String kid) throws Exception {
      return post(url, payload, kid, nonce(), url);
    }

    ResponseEntity<String> post(String url, String payload, String kid, String nonce, String headerUrl) throws Exception {
      return raw(url, flattened(key, headerUrl, payload, kid, nonce, kid == null));
    }

    String flattened(ECKey signer, String url, String payload, String kid, String nonce, boolean embedKey) throws Exception {
      JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES256).customParam("url", url);
      if (nonce != null) {
        header.customParam("nonce", nonce);
      }
      if (embedKey) {
        header.jwk(signer.toPublicJWK());
      } else {
        header.keyID(kid);
      }
      JWSObject jws = new JWSObject(header.build(), new Payload(payload));
      JWSSigner jwsSigner = new ECDSASigner(signer);
      jws.sign(jwsSigner);
      return serialize(jws);
    }

    ResponseEntity<String> raw(String url, String body) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(JOSE);
      return http.exchange(url, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
  }

  static String serialize(JWSObject jws) {
    return "{\"protected\":\"" + jws.getHeader().toBase64URL() + "\",\"payload\":\"" + jws.getPayload().toBase64URL()
        + "\",\"signature\":\"" + jws.getSignature() + "\"}";
  }
}
