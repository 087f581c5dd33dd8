package org.cabackoffice.it;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.cabackoffice.testsupport.Bounded;
import org.cabackoffice.testsupport.CsrFactory;
import org.cabackoffice.testsupport.Mutations;
import org.cabackoffice.input.CorporateNumber;
import org.cabackoffice.web.ParameterTextRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: the API's JSON and multipart endpoints fuzzed through the whole application (Spring
 * Security, the JSON rules, the handlers, the services, the database), as their owner roles: no
 * input makes one answer 5xx or throw past the error handling, none takes longer than a few
 * seconds, and every refusal is a 4xx {@code application/problem+json}. Inputs are mutations of
 * valid requests and generated ones (jqwik's generators, sampled here because the application
 * context is JUnit Jupiter's); a failure names the endpoint and prints the input.
 *
 * <p>Tries per endpoint: {@code -Dbackoffice.fuzz.tries=N} (default 40, under a minute in all on
 * a loaded CI machine). The body size caps are Tomcat's and are walked by MalformedRequestsIT.
 */
class ApiFuzzIT extends BackOfficeIT {

  private static final int TRIES = Integer.getInteger("backoffice.fuzz.tries", 40);
  private static final Duration LIMIT = Duration.ofSeconds(20);
  private static final String DOMAIN = "sample-fuzz.jp";

  @Autowired WebApplicationContext context;
  @Autowired ParameterTextRule parameterTextRule;

  private MockMvc mvc;
  private final List<String> failures = new ArrayList<>();

  @BeforeAll
  static void registry() {
    WHOIS.answer(DOMAIN, jprsRecord(DOMAIN, "Sample K.K.", "hostmaster@sample.co.jp"));
  }

  @BeforeEach
  void mockMvc() {
    mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .addFilters(parameterTextRule)
            .apply(springSecurity())
            .build();
  }

  @Test
  void applications() throws Exception {
    String csr =
        CsrFactory.pem(
            CsrFactory.p256(), "CN=www." + DOMAIN + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of("www." + DOMAIN));
    String valid =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writeValueAsString(CertificateApplicationIT.form("SECURE_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null));
    Arbitrary<byte[]> bodies =
        Arbitraries.oneOf(
            Mutations.of(List.of(valid.getBytes(StandardCharsets.UTF_8))),
            json(
                List.of("product", "applicationType", "express", "paymentMethod", "csr", "organization", "nameEn",
                    "nameJa", "country", "responsiblePerson", "technicalContact", "email", "renewedCertificateSerial"))
                .map(text -> text.getBytes(StandardCharsets.UTF_8)));
    fuzz("POST /api/applications", bodies, body -> post("/api/applications", CUSTOMER, "customer", MediaType.APPLICATION_JSON, body));
  }

  @Test
  void csrCheck() throws Exception {
    byte[] der = CsrFactory.pem(CsrFactory.p256(), "CN=www." + DOMAIN + ", O=Sample K.K., C=JP", List.of("www." + DOMAIN))
        .getBytes(StandardCharsets.US_ASCII);
    Arbitrary<byte[]> bodies = Arbitraries.oneOf(Mutations.of(List.of(der)), Arbitraries.bytes().array(byte[].class).ofMaxSize(1024));
    Arbitrary<String> types =
        Arbitraries.of("application/pkcs10", "text/plain", "application/octet-stream", "application/x-pem-file",
            "application/json", "text/plain;charset=Shift_JIS", "multipart/form-data");
    fuzz(
        "POST /api/csr/check",
        Combinators.combine(bodies, types).as(Sample::new),
        sample -> post("/api/csr/check", "officer", "officer", MediaType.parseMediaType(sample.type()), sample.body()));
  }

  @Test
  void paymentsAndCorrections() throws Exception {
    Arbitrary<byte[]> payments =
        json(List.of("amountYen", "valueDate", "reference", "note")).map(text -> text.getBytes(StandardCharsets.UTF_8));
    fuzz(
        "POST /api/applications/{id}/payments",
        payments,
        body -> post("/api/applications/987654321/payments", "officer", "officer", MediaType.APPLICATION_JSON, body));
    Arbitrary<byte[]> corrections =
        json(List.of("mainPhone", "nameEn", "nameJa", "stateOrProvince", "locality", "businessCategory",
                "corporateNumber", "closedOn", "source", "verifiedOn", "reason"))
            .map(text -> text.getBytes(StandardCharsets.UTF_8));
    fuzz(
        "POST /api/organization-directory/{id}/corrections",
        corrections,
        body -> post("/api/organization-directory/987654321/corrections", "officer", "officer", MediaType.APPLICATION_JSON, body));
  }

  @Test
  void saleDocumentsCouponsTradeNamesAndExternalAccountBinding() throws Exception {
    Arbitrary<byte[]> quotes =
        json(List.of("product", "licences", "express", "paymentMethod")).map(text -> text.getBytes(StandardCharsets.UTF_8));
    fuzz(
        "POST /api/quotes",
        quotes,
        body -> post("/api/quotes", CUSTOMER, "customer", MediaType.APPLICATION_JSON, body)
            .accept(MediaType.APPLICATION_PDF, MediaType.APPLICATION_PROBLEM_JSON));
    Arbitrary<byte[]> coupons =
        json(List.of("product", "count", "expiresOn")).map(text -> text.getBytes(StandardCharsets.UTF_8));
    fuzz("POST /api/coupons", coupons, body -> post("/api/coupons", "operator", "operator", MediaType.APPLICATION_JSON, body));
    Arbitrary<byte[]> codes = json(List.of("code")).map(text -> text.getBytes(StandardCharsets.UTF_8));
    fuzz(
        "POST /api/applications/{id}/coupon",
        codes,
        body -> post("/api/applications/987654321/coupon", CUSTOMER, "customer", MediaType.APPLICATION_JSON, body));
    Arbitrary<byte[]> tradeNames =
        json(List.of("name", "basis", "evidence")).map(text -> text.getBytes(StandardCharsets.UTF_8));
    fuzz(
        "POST /api/organization-directory/{id}/trade-names",
        tradeNames,
        body -> post("/api/organization-directory/1/trade-names", "officer", "officer", MediaType.APPLICATION_JSON, body));
    Arbitrary<byte[]> eab = json(List.of("customer")).map(text -> text.getBytes(StandardCharsets.UTF_8));
    fuzz("POST /api/acme/eab", eab, body -> post("/api/acme/eab", "officer", "officer", MediaType.APPLICATION_JSON, body));
  }

  /**
   * The browser forms that take files or free text: the storefront's application (multipart, with
   * the CSR as a file), its live CSR check, and the operations page's model upload. Pages answer
   * their refusals as pages, so here only a 5xx, an escape or a hang fails.
   */
  @Test
  void pageFormsWithFilesAndText() throws Exception {
    Arbitrary<String> text = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(60),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(5),
        Arbitraries.of("GLOBAL_SERVER_ID", "EV", "-1", "0", "2", "99999999999999999999", "true", "IIS", "DEFERRED", "\ud800"));
    Arbitrary<Map<String, String>> fields =
        Arbitraries.maps(
                Arbitraries.of("product", "licences", "express", "serverSoftware", "paymentMethod", "renewedCertificateSerial",
                    "csr", "nameEn", "nameJa", "locality", "stateOrProvince", "corporateNumber", "responsibleName",
                    "responsibleEmail", "technicalName", "technicalEmail", "action"),
                text)
            .ofMaxSize(8);
    Arbitrary<ApplyForm> forms = Combinators.combine(fields, Arbitraries.bytes().array(byte[].class).ofMaxSize(3000)).as(ApplyForm::new);
    pageFuzz("POST /apply (multipart)", forms, form -> {
      var request = MockMvcRequestBuilders.multipart("/apply")
          .file(new MockMultipartFile("csrFile", "server.csr", "application/pkcs10", form.file()));
      form.fields().forEach(request::param);
      return request.with(httpBasic(CUSTOMER, "customer")).with(csrf()).accept(MediaType.TEXT_HTML);
    });
    pageFuzz("POST /apply/csr-check", text, csr -> MockMvcRequestBuilders.post("/apply/csr-check")
        .with(httpBasic(CUSTOMER, "customer")).with(csrf())
        .contentType(MediaType.TEXT_PLAIN).content(csr).accept(MediaType.APPLICATION_JSON));
    Arbitrary<byte[]> models = Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
        Mutations.of(List.of(readModel())));
    // The token is one the operations chain accepts: an empty upload is refused for its content
    // (a page), not for CSRF (403), so the fuzzed uploads below reach the page's own checks.
    int emptyUpload = mvc.perform(MockMvcRequestBuilders.multipart("/operations/model-changes").param("purpose", "fuzz")
            .with(httpBasic("operator", "operator")).with(cookieCsrf()).accept(MediaType.TEXT_HTML))
        .andReturn().getResponse().getStatus();
    assertThat(emptyUpload).as("an upload with the cookie's token passes CSRF").isNotEqualTo(403).isLessThan(500);
    pageFuzz("POST /operations/model-changes (multipart)", models, model -> MockMvcRequestBuilders.multipart("/operations/model-changes")
        .file(new MockMultipartFile("files", "certificate-renewal.bpmn", "text/xml", model))
        .param("purpose", "fuzz")
        .with(httpBasic("operator", "operator")).with(cookieCsrf()).accept(MediaType.TEXT_HTML));
  }

  /**
   * A CSRF token the way a browser holds one for the staff pages: the XSRF-TOKEN cookie and the
   * form's masked copy of it. Spring Security's {@code csrf()} would do, but it swaps the chain's
   * token repository for a session-based test one for good, and later tests in this shared context
   * then see no XSRF-TOKEN cookie from the operations pages.
   */
  private static org.springframework.test.web.servlet.request.RequestPostProcessor cookieCsrf() {
    String raw = java.util.UUID.randomUUID().toString();
    byte[] token = raw.getBytes(StandardCharsets.UTF_8);
    // XorCsrfTokenRequestAttributeHandler's form: random bytes, then the token XOR those bytes;
    // with zeros for the random half the second half is the token itself.
    byte[] masked = new byte[2 * token.length];
    System.arraycopy(token, 0, masked, token.length, token.length);
    String formValue = java.util.Base64.getUrlEncoder().encodeToString(masked);
    return request -> {
      request.setCookies(new jakarta.servlet.http.Cookie("XSRF-TOKEN", raw));
      request.setParameter("_csrf", formValue);
      return request;
    };
  }

  record ApplyForm(Map<String, String> fields, byte[] file) {}

  private static byte[] readModel() {
    try {
      return java.nio.file.Files.readAllBytes(java.nio.file.Path.of("bpmn", "certificate-renewal.bpmn"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> void pageFuzz(String endpoint, Arbitrary<T> inputs, Function<T, MockHttpServletRequestBuilder> request) {
    long started = System.nanoTime();
    List<T> samples = inputs.sampleStream().limit(TRIES).toList();
    for (T input : samples) {
      String shown = input instanceof byte[] bytes ? bytes.length + " bytes: " + printable(bytes) : String.valueOf(input);
      try {
        MockHttpServletResponse answer =
            Bounded.call(LIMIT, endpoint + " with " + shown, () -> mvc.perform(request.apply(input)).andReturn().getResponse());
        if (answer.getStatus() >= 500) {
          failures.add(endpoint + " → " + answer.getStatus() + " for " + shown);
        }
      } catch (AssertionError hung) {
        failures.add(hung.getMessage());
      } catch (Exception escaped) {
        failures.add(endpoint + " threw past the error handling (a 500): " + escaped + " for " + shown);
      }
    }
    System.out.printf("FUZZ %s: %d inputs in %d ms%n", endpoint, samples.size(), (System.nanoTime() - started) / 1_000_000);
    assertThat(failures).as("fuzzed inputs the pages did not refuse cleanly").isEmpty();
  }

  @Test
  void keyBlocklistAndCertificateImport() throws Exception {
    byte[] pem = CsrFactory.pem(CsrFactory.p256(), "CN=x", List.of("x.example")).getBytes(StandardCharsets.US_ASCII);
    Arbitrary<byte[]> bodies = Arbitraries.oneOf(Mutations.of(List.of(pem)), Arbitraries.bytes().array(byte[].class).ofMaxSize(512));
    fuzz("POST /api/key-blocklist", bodies, body -> post("/api/key-blocklist", "officer", "officer", MediaType.TEXT_PLAIN, body));
    fuzz(
        "POST /api/certificates/import",
        bodies,
        body -> post("/api/certificates/import?customer=" + CUSTOMER, "admin", "admin", MediaType.TEXT_PLAIN, body));
  }

  @Test
  void bankStatements() throws Exception {
    // Accounts no invoice of any test has: a mutation that still reads records no payment.
    byte[] csv =
        "value_date,account_number,amount,payer,reference\n2026-11-26,999-9999990,\"163,900\",ｻﾝﾌﾟﾙ(ｶ,FUZZ-0001\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] zengin =
        new String(Files.readAllBytes(Path.of("examples", "furikomi-20261126.txt")), java.nio.charset.Charset.forName("Shift_JIS"))
            .replace("0000018", "9999990")
            .getBytes(java.nio.charset.Charset.forName("Shift_JIS"));
    fuzz(
        "POST /api/bank-statements (multipart)",
        Mutations.of(List.of(csv, zengin)),
        body -> multipart("/api/bank-statements", "officer", body));
  }

  @Test
  void directoryImports() throws Exception {
    String first = corporateNumber("999999900001");
    String second = corporateNumber("999999900002");
    byte[] vendor =
        ("corporate_number,name_ja,name_en,prefecture,city,main_phone,business_category,verified_on\n"
                + first + ",ファズ株式会社,Fuzz K.K.,Tokyo,Chuo-ku,03-5555-0900,Private Organization,2026-04-01\n"
                + second + ",\"ファズ商事,株式会社\",\"Fuzz Trading Co., Ltd.\",Osaka,Kita-ku,06-5555-0900,Business Entity,2026/04/01\n")
            .getBytes(StandardCharsets.UTF_8);
    fuzz(
        "POST /api/organization-directory/imports (multipart)",
        Mutations.of(List.of(vendor)),
        body -> multipart("/api/organization-directory/imports", "operator", body));
  }

  @Test
  void queryParameters() throws Exception {
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(40),
            Arbitraries.of("ALL", "ISSUED", "-1", "0", "101", "99999999999999999999", "submitted,desc", "id,sideways",
                "2026-02-30", "2026-11-26", "wait-for-payment", "%", "_", "'", "\\"));
    Arbitrary<String> name =
        Arbitraries.of("status", "product", "stage", "domain", "organization", "submittedFrom", "submittedTo", "page",
            "size", "sort");
    Arbitrary<Map<String, String>> query = Arbitraries.maps(name, value).ofMaxSize(5);
    fuzz(
        "GET /api/applications?…",
        query,
        parameters -> {
          MockHttpServletRequestBuilder get =
              MockMvcRequestBuilders.get("/api/applications").with(httpBasic("officer", "officer"));
          parameters.forEach(get::param);
          return get;
        });
    fuzz(
        "GET /api/organization-directory?…",
        query.map(parameters -> parameters.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().length() % 2 == 0 ? "name" : "corporateNumber", Map.Entry::getValue, (a, b) -> a))),
        parameters -> {
          MockHttpServletRequestBuilder get =
              MockMvcRequestBuilders.get("/api/organization-directory").with(httpBasic("auditor", "auditor"));
          parameters.forEach(get::param);
          return get;
        });
  }

  private record Sample(byte[] body, String type) {}

  /** JSON objects with the endpoint's field names and values of every type, nested a little. */
  private static Arbitrary<String> json(List<String> fields) {
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(30),
            Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(5),
            Arbitraries.of("\ud800", "\u202e", "GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", "2026-11-26", "JP", "a@b",
                "x".repeat(300)));
    Arbitrary<String> scalar =
        Arbitraries.oneOf(
            text.map(ApiFuzzIT::quoted),
            Arbitraries.of("null", "true", "false", "0", "-1", "1.5", "1e400", "163900", "99999999999999999999999", "[]", "{}"));
    Arbitrary<String> object =
        Arbitraries.maps(Arbitraries.of(fields), scalar).ofMaxSize(fields.size())
            .map(m -> "{" + m.entrySet().stream().map(e -> quoted(e.getKey()) + ":" + e.getValue()).collect(Collectors.joining(",")) + "}");
    Arbitrary<String> nested =
        Arbitraries.maps(Arbitraries.of(fields), Arbitraries.oneOf(scalar, object)).ofMaxSize(fields.size())
            .map(m -> "{" + m.entrySet().stream().map(e -> quoted(e.getKey()) + ":" + e.getValue()).collect(Collectors.joining(",")) + "}");
    return Arbitraries.oneOf(nested, nested.map(s -> s + "garbage"), nested.map(s -> "[" + s + "]"), scalar);
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static MockHttpServletRequestBuilder post(String path, String user, String password, MediaType type, byte[] body) {
    return MockMvcRequestBuilders.request(HttpMethod.POST, path)
        .with(httpBasic(user, password))
        .contentType(type)
        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
        .content(body);
  }

  private static MockHttpServletRequestBuilder multipart(String path, String user, byte[] content) {
    return MockMvcRequestBuilders.multipart(path)
        .file(new MockMultipartFile("file", "fuzz.csv", "text/csv", content))
        .with(httpBasic(user, user))
        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
  }

  private static String corporateNumber(String base) {
    for (int check = 1; check <= 9; check++) {
      if (CorporateNumber.isValid(check + base)) {
        return check + base;
      }
    }
    throw new IllegalStateException("no check digit makes " + base + " a corporate number");
  }

  private <T> void fuzz(String endpoint, Arbitrary<T> inputs, Function<T, MockHttpServletRequestBuilder> request) throws Exception {
    long started = System.nanoTime();
    List<T> samples = inputs.sampleStream().limit(TRIES).toList();
    for (T input : samples) {
      String shown = describe(input);
      MockHttpServletResponse answer;
      try {
        answer = Bounded.call(LIMIT, endpoint + " with " + shown, () -> mvc.perform(request.apply(input)).andReturn().getResponse());
      } catch (AssertionError hung) {
        failures.add(hung.getMessage());
        continue;
      } catch (Exception escaped) {
        failures.add(endpoint + " threw past the error handling (a 500): " + escaped + " for " + shown);
        continue;
      }
      int status = answer.getStatus();
      String type = answer.getContentType();
      if (status >= 500) {
        failures.add(endpoint + " → " + status + " " + answer.getContentAsString() + " for " + shown);
      } else if (status >= 400 && (type == null || !MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))) {
        failures.add(endpoint + " → " + status + " as " + type + ", not problem+json, for " + shown);
      }
    }
    System.out.printf("FUZZ %s: %d inputs in %d ms%n", endpoint, samples.size(), (System.nanoTime() - started) / 1_000_000);
    assertThat(failures).as("fuzzed inputs the API did not refuse cleanly").isEmpty();
  }

  private static String describe(Object input) {
    if (input instanceof byte[] bytes) {
      return bytes.length + " bytes: " + printable(bytes);
    }
    if (input instanceof Sample sample) {
      return sample.type() + ", " + sample.body().length + " bytes: " + printable(sample.body());
    }
    return String.valueOf(input);
  }

  private static String printable(byte[] bytes) {
    String text = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.UTF_8);
    return text.replaceAll("[\\p{Cntrl}]", "·");
  }
}
