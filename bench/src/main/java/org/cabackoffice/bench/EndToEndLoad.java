package org.cabackoffice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The README walkthrough, N times, through the HTTP API of a running back office, with K drivers
 * at once: the customer applies ({@code POST /api/applications}), officers find and complete
 * their tasks through {@code /engine-rest} (claim, complete; the organization's record chosen from
 * the task's form variables as Tasklist shows them), an officer records the payment
 * ({@code POST /api/applications/{id}/payments}), a senior officer approves, and the driver waits
 * for {@code ISSUED}. Everything the process does in between (CSR check, WHOIS, invoice, signing,
 * mail to the outbox) runs in the server's job executor, as in production.
 *
 * <p>Prints applications per second and p50/p95 per API call, and writes them as JSON. Run with
 * {@code EngineFloor} for the ratio (README.md of this project).
 *
 * <p>Arguments: base URL, N, K, JSON output file.
 */
public final class EndToEndLoad {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FIRST_MATCH = Pattern.compile("#(\\d+) \\[MATCH");
  private static final String CUSTOMER = "web-admin@sample.co.jp:customer";
  private static final String OFFICER = "officer:officer";
  private static final String SENIOR = "senior:senior";

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
  private final Map<String, ConcurrentLinkedQueue<Long>> callNanos = new ConcurrentHashMap<>();

  private EndToEndLoad(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int k = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Path out = Path.of(args.length > 3 ? args[3] : "target/end-to-end.json");
    ObjectNode result = new EndToEndLoad(base).run(n, k);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    System.out.println("JSON: " + out);
  }

  static ObjectNode runAgainst(String base, int n, int k) throws Exception {
    return new EndToEndLoad(base).run(n, k);
  }

  /**
   * One application to ISSUED, untimed: its organization stage validates the customer's
   * organization, which ACME's EAB credentials need ({@link AcmeOrderLoad}).
   */
  static void applyOnce(String base) throws Exception {
    new EndToEndLoad(base).runOne(csr());
  }

  ObjectNode run(int n, int k) throws Exception {
    System.out.printf("making %d RSA-2048 CSRs (not timed)%n", n);
    List<String> csrs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      csrs.add(csr());
    }
    // Applications first, untimed: the server's first requests load classes and run in the
    // interpreter until the JIT has compiled them (-Dbench.warmup, default one).
    int warmup = Integer.getInteger("bench.warmup", 1);
    System.out.printf("warming up with %d application(s) (not timed)%n", warmup);
    for (int i = 0; i < warmup; i++) {
      runOne(csr());
    }
    callNanos.clear();

    AtomicInteger next = new AtomicInteger();
    List<Long> appMillis = new ArrayList<>();
    ExecutorService drivers = Executors.newFixedThreadPool(k);
    long start = System.nanoTime();
    List<Future<List<Long>>> done = new ArrayList<>();
    for (int d = 0; d < k; d++) {
      done.add(
          drivers.submit(
              () -> {
                List<Long> mine = new ArrayList<>();
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                  long t0 = System.nanoTime();
                  runOne(csrs.get(i));
                  mine.add((System.nanoTime() - t0) / 1_000_000);
                }
                return mine;
              }));
    }
    for (Future<List<Long>> f : done) {
      appMillis.addAll(f.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    drivers.shutdown();

    ObjectNode result = JSON.createObjectNode();
    result.put("baseUrl", base);
    result.put("applications", n);
    result.put("drivers", k);
    result.put("seconds", seconds);
    result.put("applicationsPerSecond", n / seconds);
    result.set("applicationMillis", percentiles(appMillis.stream().map(m -> m * 1_000_000L).toList()));
    ObjectNode calls = result.putObject("calls");
    callNanos.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> calls.set(e.getKey(), percentiles(new ArrayList<>(e.getValue()))));
    List<Long> all = new ArrayList<>();
    callNanos.values().forEach(all::addAll);
    result.set("allCalls", percentiles(all));
    System.out.printf(
        "%d applications, %d drivers: %.1f s, %.3f applications/s; all API calls p50 %.1f ms p95 %.1f ms%n",
        n, k, seconds, n / seconds, result.get("allCalls").get("p50Ms").asDouble(), result.get("allCalls").get("p95Ms").asDouble());
    calls.fields()
        .forEachRemaining(
            e ->
                System.out.printf(
                    "  %-45s n=%5d p50 %7.1f ms  p95 %7.1f ms%n",
                    e.getKey(), e.getValue().get("n").asInt(), e.getValue().get("p50Ms").asDouble(), e.getValue().get("p95Ms").asDouble()));
    return result;
  }

  /** One application from the customer's POST to ISSUED. */
  private void runOne(String csr) throws Exception {
    JsonNode created = call("POST /api/applications", "POST", "/api/applications", CUSTOMER, application(csr), 201);
    long id = created.get("id").asLong();
    boolean paid = false;
    boolean documentsDecided = false;
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode tasks =
          call("GET /engine-rest/task?processInstanceBusinessKey", "GET", "/engine-rest/task?processInstanceBusinessKey=" + id, OFFICER, null, 200);
      if (tasks.size() > 0) {
        for (JsonNode task : tasks) {
          documentsDecided |= complete(task);
        }
        continue;
      }
      if (documentsDecided && !paid) {
        HttpResponse<String> invoice = send("GET /api/applications/{id}/invoice", "GET", "/api/applications/" + id + "/invoice", OFFICER, null);
        if (invoice.statusCode() == 200) {
          long total = JSON.readTree(invoice.body()).get("totalYen").asLong();
          ObjectNode payment = JSON.createObjectNode();
          payment.put("amountYen", total);
          payment.put("valueDate", LocalDate.now(ZoneId.of("Asia/Tokyo")).toString());
          payment.put("reference", "BENCH " + id);
          call("POST /api/applications/{id}/payments", "POST", "/api/applications/" + id + "/payments", OFFICER, payment, 201);
          paid = true;
          continue;
        }
      }
      JsonNode application = call("GET /api/applications/{id}", "GET", "/api/applications/" + id, CUSTOMER, null, 200);
      String status = application.get("status").asText();
      if (status.equals("ISSUED")) {
        return;
      }
      if (!status.equals("IN_PROGRESS")) {
        throw new IllegalStateException("application " + id + " ended " + application);
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("application " + id + " not issued within 10 minutes");
  }

  /** Claims and completes one task as the README's walkthrough does; true for decide-documents. */
  private boolean complete(JsonNode task) throws Exception {
    String taskId = task.get("id").asText();
    String key = task.get("taskDefinitionKey").asText();
    String user = OFFICER;
    Map<String, Object> variables = new LinkedHashMap<>();
    switch (key) {
      case "confirm-organization" -> {
        JsonNode candidates =
            call("GET /engine-rest/task/{id}/form-variables", "GET", "/engine-rest/task/" + taskId + "/form-variables?variableNames=organizationCandidates", OFFICER, null, 200);
        Matcher first = FIRST_MATCH.matcher(candidates.path("organizationCandidates").path("value").asText());
        if (!first.find()) {
          throw new IllegalStateException("no directory record matches: " + candidates);
        }
        variables.put("organizationMatch", first.group(1));
        variables.put("organizationNote", "same name and address as the directory record");
      }
      case "decide-documents" -> {
        variables.put("documentsRequirement", "NOT_NEEDED");
        variables.put("documentsNote", "bench");
      }
      case "verify-by-phone" -> {
        variables.put("phoneOutcome", "CONFIRMED");
        variables.put("spokeWith", "Ichiro Yamada, General Manager");
        variables.put("productAndTypeConfirmed", true);
        variables.put("organizationAndCommonNameConfirmed", true);
        variables.put("technicalContactConfirmed", true);
        variables.put("intentConfirmed", true);
        variables.put("phoneNote", "called the main number");
      }
      case "approve-issuance" -> {
        user = SENIOR;
        variables.put("issuanceDecision", "APPROVE");
        variables.put("approvalNote", "all checks recorded");
      }
      default -> throw new IllegalStateException("the walkthrough has no task " + key);
    }
    String userId = user.substring(0, user.indexOf(':'));
    ObjectNode claim = JSON.createObjectNode().put("userId", userId);
    call("POST /engine-rest/task/{id}/claim", "POST", "/engine-rest/task/" + taskId + "/claim", user, claim, 204);
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    variables.forEach((name, value) -> vars.putObject(name).set("value", JSON.valueToTree(value)));
    call("POST /engine-rest/task/{id}/complete", "POST", "/engine-rest/task/" + taskId + "/complete", user, body, 204);
    return key.equals("decide-documents");
  }

  private JsonNode call(String name, String method, String path, String user, JsonNode body, int expected) throws Exception {
    HttpResponse<String> response = send(name, method, path, user, body);
    if (response.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }

  private HttpResponse<String> send(String name, String method, String path, String user, JsonNode body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)))
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    long t0 = System.nanoTime();
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    callNanos.computeIfAbsent(name, x -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t0);
    return response;
  }

  static ObjectNode percentiles(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    ObjectNode p = JSON.createObjectNode();
    p.put("n", sorted.size());
    if (!sorted.isEmpty()) {
      p.put("p50Ms", sorted.get((int) Math.min(sorted.size() - 1, Math.floor(sorted.size() * 0.50))) / 1e6);
      p.put("p95Ms", sorted.get((int) Math.min(sorted.size() - 1, Math.floor(sorted.size() * 0.95))) / 1e6);
      p.put("maxMs", sorted.get(sorted.size() - 1) / 1e6);
    }
    return p;
  }

  private static JsonNode application(String csr) {
    ObjectNode a = JSON.createObjectNode();
    a.put("product", "GLOBAL_SERVER_ID");
    a.put("applicationType", "NEW");
    a.put("express", false);
    a.put("paymentMethod", "BANK_TRANSFER");
    a.put("csr", csr);
    ObjectNode organization = a.putObject("organization");
    organization.put("nameEn", "Sample K.K.");
    organization.put("nameJa", "サンプル株式会社");
    organization.put("locality", "Chuo-ku");
    organization.put("stateOrProvince", "Tokyo");
    organization.put("country", "JP");
    ObjectNode responsible = a.putObject("responsiblePerson");
    responsible.put("name", "Ichiro Yamada");
    responsible.put("title", "General Manager");
    responsible.put("email", "yamada@sample.co.jp");
    responsible.put("phone", "03-5555-0101");
    ObjectNode contact = a.putObject("technicalContact");
    contact.put("company", "Sample K.K.");
    contact.put("name", "Hanako Web");
    contact.put("email", "web-admin@sample.co.jp");
    return a;
  }

  /** A fresh key each time: the CSR policy refuses a key certified before for another request. */
  static String csr() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    JcaPKCS10CertificationRequestBuilder builder =
        new JcaPKCS10CertificationRequestBuilder(
            new X500Name("C=JP,ST=Tokyo,L=Chuo-ku,O=Sample K.K.,CN=www.sample.co.jp"), pair.getPublic());
    ExtensionsGenerator extensions = new ExtensionsGenerator();
    extensions.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.dNSName, "www.sample.co.jp")));
    builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    }
    return out.toString();
  }
}
