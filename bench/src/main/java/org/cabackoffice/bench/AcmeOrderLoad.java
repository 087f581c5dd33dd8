package org.cabackoffice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Issue 15's ACME leg: N orders for a validated organization through a running back office's
 * ACME server (RFC 8555), K clients at once, each order as a subscriber's client runs it: a new
 * account bound by EAB credentials, newOrder, the http-01 challenge answered by this driver's
 * responder, finalize with a fresh P-256 key's CSR, polling until the certificate is issued, and
 * the download. The server's {@code acme-order} process (identity reuse, payment stage, CAA,
 * lint, CT, signing) runs in its job executor between finalize and {@code valid}, as in production.
 *
 * <p>Its own small client rather than the application's {@code automationtest.AcmeRenewalClient}:
 * that one is package-private, polls every 500 ms (fine for a weekly renewal, but it would be most
 * of an order's time here) and times nothing; this one times each ACME call.
 *
 * <p>Before timing, untimed: the customer's organization is validated (when the officers'
 * {@code POST /api/acme/eab} answers 422, one application runs to {@code ISSUED} as
 * {@link EndToEndLoad} runs it, whose organization stage validates it), a paid contract covers
 * every order (otherwise each would wait at the officers' {@code approve-beyond-contract}), an
 * officer issues one EAB credential per order (they are single-use), and one order warms the
 * server up.
 *
 * <p>The node must reach the responder: start it with {@code
 * --backoffice.acme.http01-connect-address=127.0.0.1 --backoffice.acme.http01-port=PORT} and give
 * this driver the same PORT (README.md of this project).
 *
 * <p>Arguments: base URL, N orders, K clients, http-01 port, JSON output file.
 */
public final class AcmeOrderLoad {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CUSTOMER_EMAIL = "web-admin@sample.co.jp";
  private static final String OFFICER = "officer:officer";
  private static final String CHALLENGE_PATH = "/.well-known/acme-challenge/";
  /** Short, as EndToEndLoad's 20 ms: a long poll would be measured instead of the server. */
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration ORDER_DEADLINE = Duration.ofMinutes(10);

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .version(HttpClient.Version.HTTP_1_1)
          .build();
  private final Map<String, ConcurrentLinkedQueue<Long>> callNanos = new ConcurrentHashMap<>();
  private final Map<String, String> keyAuthorizations = new ConcurrentHashMap<>();
  private final String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
  private final AtomicInteger names = new AtomicInteger();
  private String organization;

  private AcmeOrderLoad(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int k = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    int port = args.length > 3 ? Integer.parseInt(args[3]) : 5002;
    Path out = Path.of(args.length > 4 ? args[4] : "target/acme-orders.json");
    ObjectNode result = runAgainst(base, n, k, port);
    result.put("machine", LoadRun.machine());
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    System.out.println("JSON: " + out);
  }

  static ObjectNode runAgainst(String base, int n, int k, int http01Port) throws Exception {
    return new AcmeOrderLoad(base).run(n, k, http01Port);
  }

  ObjectNode run(int n, int k, int http01Port) throws Exception {
    HttpServer responder = responder(http01Port);
    try {
      System.out.println("validated organization, paid contract, " + (n + 1) + " EAB credentials (not timed)");
      List<JsonNode> credentials = prepare(n + 1);
      System.out.println("warming up with one ACME order (not timed)");
      order(credentials.get(n));
      callNanos.clear();

      AtomicInteger next = new AtomicInteger();
      List<Long> orderNanos = new ArrayList<>();
      List<Long> issuanceNanos = new ArrayList<>();
      ExecutorService clients = Executors.newFixedThreadPool(k);
      long start = System.nanoTime();
      List<Future<List<long[]>>> done = new ArrayList<>();
      for (int c = 0; c < k; c++) {
        done.add(
            clients.submit(
                () -> {
                  List<long[]> mine = new ArrayList<>();
                  for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    long issuance = order(credentials.get(i));
                    mine.add(new long[] {System.nanoTime() - t0, issuance});
                  }
                  return mine;
                }));
      }
      for (Future<List<long[]>> f : done) {
        for (long[] o : f.get()) {
          orderNanos.add(o[0]);
          issuanceNanos.add(o[1]);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      clients.shutdown();

      ObjectNode result = JSON.createObjectNode();
      result.put("baseUrl", base);
      result.put("organization", organization);
      result.put("orders", n);
      result.put("clients", k);
      result.put("seconds", seconds);
      result.put("ordersPerSecond", n / seconds);
      result.set("orderMillis", EndToEndLoad.percentiles(orderNanos));
      result.set("finalizeToValidMillis", EndToEndLoad.percentiles(issuanceNanos));
      ObjectNode calls = result.putObject("calls");
      callNanos.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> calls.set(e.getKey(), EndToEndLoad.percentiles(new ArrayList<>(e.getValue()))));
      System.out.printf(
          "%d ACME orders, %d clients: %.1f s, %.3f orders/s; per order p50 %.1f ms p95 %.1f ms"
              + " (finalize to valid p50 %.1f ms p95 %.1f ms)%n",
          n, k, seconds, n / seconds,
          result.get("orderMillis").get("p50Ms").asDouble(), result.get("orderMillis").get("p95Ms").asDouble(),
          result.get("finalizeToValidMillis").get("p50Ms").asDouble(), result.get("finalizeToValidMillis").get("p95Ms").asDouble());
      calls.fields()
          .forEachRemaining(
              e ->
                  System.out.printf(
                      "  %-30s n=%5d p50 %7.1f ms  p95 %7.1f ms%n",
                      e.getKey(), e.getValue().get("n").asInt(), e.getValue().get("p50Ms").asDouble(), e.getValue().get("p95Ms").asDouble()));
      return result;
    } finally {
      responder.stop(0);
    }
  }

  // --- untimed preparation through the officers' API ------------------------------------------

  private List<JsonNode> prepare(int credentials) throws Exception {
    HttpResponse<String> eab = officer("POST", "/api/acme/eab", JSON.createObjectNode().put("customer", CUSTOMER_EMAIL));
    if (eab.statusCode() == 422) {
      System.out.println("the organization is not validated yet: one application to ISSUED first");
      EndToEndLoad.applyOnce(base);
      eab = officer("POST", "/api/acme/eab", JSON.createObjectNode().put("customer", CUSTOMER_EMAIL));
    }
    List<JsonNode> issued = new ArrayList<>();
    issued.add(expect(eab, 201, "POST /api/acme/eab"));
    organization = issued.get(0).get("organization").asText();
    ObjectNode contractRequest =
        JSON.createObjectNode().put("customer", CUSTOMER_EMAIL).put("unit", "CERTIFICATES").put("quantity", credentials);
    JsonNode contract = expect(officer("POST", "/api/acme/contracts", contractRequest), 201, "POST /api/acme/contracts");
    ObjectNode payment =
        JSON.createObjectNode()
            .put("amountYen", contract.get("totalYen").asLong())
            .put("valueDate", contract.get("invoicedOn").asText())
            .put("reference", "BENCH-ACME-" + contract.get("id").asLong());
    expect(officer("POST", "/api/acme/contracts/" + contract.get("id").asLong() + "/payment", payment), 200, "contract payment");
    while (issued.size() < credentials) {
      issued.add(expect(officer("POST", "/api/acme/eab", JSON.createObjectNode().put("customer", CUSTOMER_EMAIL)), 201, "POST /api/acme/eab"));
    }
    return issued;
  }

  private HttpResponse<String> officer(String method, String path, JsonNode body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(OFFICER.getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode expect(HttpResponse<String> response, int status, String what) throws Exception {
    if (response.statusCode() != status) {
      throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** The client's http-01 server (RFC 8555 8.3), one for all clients: tokens are unique. */
  private HttpServer responder(int port) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    server.createContext(CHALLENGE_PATH, exchange -> {
      String answer = keyAuthorizations.get(exchange.getRequestURI().getPath().substring(CHALLENGE_PATH.length()));
      byte[] body = answer == null ? new byte[0] : answer.getBytes(StandardCharsets.US_ASCII);
      exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      exchange.close();
    });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    return server;
  }

  // --- one order, timed -------------------------------------------------------------------------

  /** One order from the directory to the downloaded certificate; returns finalize → valid in ns. */
  private long order(JsonNode eab) throws Exception {
    Client client = new Client();
    String domain = "acme-bench-" + run + "-" + names.incrementAndGet() + ".sample.co.jp";
    JsonNode directory = JSON.readTree(client.get(base + "/acme/directory", "GET directory").body());
    client.newNonce(directory.get("newNonce").asText());
    client.newAccount(directory.get("newAccount").asText(), eab);

    ObjectNode orderRequest = JSON.createObjectNode();
    orderRequest.putArray("identifiers").addObject().put("type", "dns").put("value", domain);
    HttpResponse<String> created = client.post(directory.get("newOrder").asText(), orderRequest.toString(), "newOrder");
    String orderUrl = created.headers().firstValue("Location").orElseThrow();
    JsonNode order = JSON.readTree(created.body());

    for (JsonNode authorizationUrl : order.get("authorizations")) {
      JsonNode authorization = JSON.readTree(client.post(authorizationUrl.asText(), "", "authorization").body());
      if ("valid".equals(authorization.path("status").asText())) {
        continue;
      }
      JsonNode http01 = null;
      for (JsonNode challenge : authorization.get("challenges")) {
        if ("http-01".equals(challenge.path("type").asText())) {
          http01 = challenge;
        }
      }
      if (http01 == null) {
        throw new IllegalStateException("no http-01 challenge for " + domain + ": " + authorization);
      }
      String token = http01.get("token").asText();
      keyAuthorizations.put(token, token + "." + client.key.computeThumbprint());
      client.post(http01.get("url").asText(), "{}", "challenge");
      authorization = client.pollUntil(authorizationUrl.asText(), Set.of("pending"), "authorization (poll)");
      keyAuthorizations.remove(token);
      if (!"valid".equals(authorization.path("status").asText())) {
        throw new IllegalStateException("the authorization for " + domain + " ended " + authorization);
      }
    }
    order = client.pollUntil(orderUrl, Set.of("pending"), "order (poll until ready)");
    if (!"ready".equals(order.path("status").asText())) {
      throw new IllegalStateException("the order for " + domain + " is " + order + ", not ready");
    }

    ObjectNode finalize =
        JSON.createObjectNode().put("csr", Base64.getUrlEncoder().withoutPadding().encodeToString(csr(domain)));
    long t0 = System.nanoTime();
    client.post(order.get("finalize").asText(), finalize.toString(), "finalize");
    order = client.pollUntil(orderUrl, Set.of("ready", "processing"), "order (poll until valid)");
    long issuance = System.nanoTime() - t0;
    if (!"valid".equals(order.path("status").asText())) {
      throw new IllegalStateException("the order for " + domain + " ended " + order);
    }
    String chain = client.post(order.get("certificate").asText(), "", "certificate").body();
    X509Certificate leaf =
        (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(chain.getBytes(StandardCharsets.US_ASCII)))
            .iterator()
            .next();
    String subject = leaf.getSubjectX500Principal().getName(X500Principal.RFC2253);
    if (!subject.contains("CN=" + domain) || !subject.contains("O=" + organization)) {
      throw new IllegalStateException("the certificate for " + domain + " names " + subject);
    }
    return issuance;
  }

  /** A fresh P-256 key per certificate: the CSR policy refuses a key certified before. */
  private static byte[] csr(String domain) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair key = generator.generateKeyPair();
    ExtensionsGenerator extensions = new ExtensionsGenerator();
    extensions.addExtension(
        Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, domain)));
    return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + domain), key.getPublic())
        .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()))
        .getEncoded();
  }

  /** One subscriber's ACME client: its account key, its nonce, its account URL (RFC 8555 6.2). */
  private final class Client {
    final ECKey key;
    String nonce;
    String accountUrl;

    Client() throws Exception {
      key = new ECKeyGenerator(Curve.P_256).generate();
    }

    HttpResponse<String> get(String url, String name) throws Exception {
      HttpResponse<String> response = timed(name, HttpRequest.newBuilder(URI.create(url)).GET());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(name + " answered " + response.statusCode() + ": " + response.body());
      }
      return response;
    }

    void newNonce(String url) throws Exception {
      HttpResponse<String> response =
          timed("HEAD newNonce", HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
      nonce = response.headers().firstValue("Replay-Nonce").orElseThrow(() -> new IllegalStateException("no Replay-Nonce"));
    }

    /** RFC 8555 7.3.4: the account key's JWK, MACed with the EAB key, in the newAccount request. */
    void newAccount(String url, JsonNode eab) throws Exception {
      JWSObject binding =
          new JWSObject(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(eab.get("kid").asText()).customParam("url", url).build(),
              new Payload(key.toPublicJWK().toJSONString()));
      binding.sign(new MACSigner(Base64.getUrlDecoder().decode(eab.get("hmacKey").asText())));
      ObjectNode payload = JSON.createObjectNode().put("termsOfServiceAgreed", true);
      payload.set("externalAccountBinding", JSON.readTree(flattened(binding)));
      accountUrl = post(url, payload.toString(), "newAccount").headers().firstValue("Location").orElseThrow();
    }

    JsonNode pollUntil(String url, Set<String> waiting, String name) throws Exception {
      long deadline = System.nanoTime() + ORDER_DEADLINE.toNanos();
      while (true) {
        JsonNode resource = JSON.readTree(post(url, "", name).body());
        if (!waiting.contains(resource.path("status").asText())) {
          return resource;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(url + " still " + resource.path("status").asText() + " after " + ORDER_DEADLINE);
        }
        Thread.sleep(POLL.toMillis());
      }
    }

    HttpResponse<String> post(String url, String payload, String name) throws Exception {
      for (int attempt = 0; ; attempt++) {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES256).customParam("nonce", nonce).customParam("url", url);
        if (accountUrl == null) {
          header.jwk(key.toPublicJWK());
        } else {
          header.keyID(accountUrl);
        }
        JWSObject jws = new JWSObject(header.build(), new Payload(payload));
        jws.sign(new ECDSASigner(key));
        HttpResponse<String> response =
            timed(
                name,
                HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/jose+json")
                    .POST(HttpRequest.BodyPublishers.ofString(flattened(jws))));
        response.headers().firstValue("Replay-Nonce").ifPresent(n -> nonce = n);
        if (response.statusCode() < 300) {
          return response;
        }
        // RFC 8555 6.5: a badNonce comes with a fresh nonce; the request may be sent again.
        if (attempt == 0 && response.body().contains("urn:ietf:params:acme:error:badNonce")) {
          continue;
        }
        throw new IllegalStateException(name + " " + url + " answered " + response.statusCode() + ": " + response.body());
      }
    }

    private HttpResponse<String> timed(String name, HttpRequest.Builder request) throws Exception {
      long t0 = System.nanoTime();
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      callNanos.computeIfAbsent(name, x -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t0);
      return response;
    }
  }

  private static String flattened(JWSObject jws) {
    return JSON.createObjectNode()
        .put("protected", jws.getHeader().toBase64URL().toString())
        .put("payload", jws.getPayload().toBase64URL().toString())
        .put("signature", jws.getSignature().toString())
        .toString();
  }
}
