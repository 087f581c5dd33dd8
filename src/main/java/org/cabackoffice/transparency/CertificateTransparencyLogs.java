package org.cabackoffice.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.cabackoffice.digest.Sha256;
import org.cabackoffice.issuance.Precertificates;
import org.cabackoffice.issuance.TransparencyLogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Submits precertificates to every configured log at once (RFC 6962 4.1, add-pre-chain), checks
 * each SCT's signature against its log's key (RFC 6962 3.2) and the set against the CT policies,
 * and encodes the list to embed. A log that fails is named with its error; enough SCTs from the
 * others still make a compliant certificate, too few stop issuance.
 */
@Component
public class CertificateTransparencyLogs implements TransparencyLogs {

  private static final Logger log = LoggerFactory.getLogger(CertificateTransparencyLogs.class);

  private final boolean enabled;
  private final List<CtLog> logs;
  private final CtPolicy policy;
  private final CtProperties properties;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public CertificateTransparencyLogs(CtProperties properties) {
    this.properties = properties;
    this.enabled = properties.enabled();
    this.logs = properties.logs().stream().map(CtLog::from).toList();
    this.policy = new CtPolicy(properties.minimumScts(), properties.minimumOperators());
    if (enabled) {
      // A configuration that can never satisfy the policy stops the start, not every issuance.
      long operators = logs.stream().map(CtLog::operator).distinct().count();
      if (logs.size() < policy.minimumScts() || operators < policy.minimumOperators()) {
        throw new IllegalStateException(
            "backoffice.ct.enabled is on but " + logs.size() + " log(s) of " + operators
                + " operator(s) are configured; at least " + policy.minimumScts() + " logs of "
                + policy.minimumOperators() + " distinct operators are needed (backoffice.ct.logs)");
      }
    }
    this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
  }

  @Override
  public boolean enabled() {
    return enabled;
  }

  @Override
  public Scts submit(X509Certificate precertificate, List<X509Certificate> chain) {
    X509Certificate issuer = chain.get(0);
    byte[] issuerKeyHash = Sha256.of(issuer.getPublicKey().getEncoded());
    byte[] tbs = Precertificates.tbsWithout(precertificate, Precertificates.POISON);
    String body = addPreChainBody(precertificate, chain);

    Map<CtLog, CompletableFuture<SignedCertificateTimestamp>> pending = new LinkedHashMap<>();
    for (CtLog ctLog : logs) {
      pending.put(ctLog, addPreChain(ctLog, body).thenApply(sct -> verified(ctLog, sct, issuerKeyHash, tbs)));
    }
    Map<CtLog, SignedCertificateTimestamp> answered = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    pending.forEach(
        (ctLog, answer) -> {
          try {
            answered.put(ctLog, answer.join());
          } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String reason = cause instanceof java.net.http.HttpTimeoutException
                ? "no answer within " + properties.timeout().toMillis() + " ms"
                : String.valueOf(cause.getMessage());
            failures.add("CT log " + ctLog.name() + " (" + ctLog.addPreChain() + "): " + reason);
          }
        });
    failures.forEach(failure -> log.warn("{}", failure));
    Optional<String> shortfall = policy.shortfall(precertificate, answered.keySet());
    if (shortfall.isPresent()) {
      throw new TransparencyFailure(
          "Certificate Transparency: " + shortfall.get()
              + (failures.isEmpty() ? "" : "; " + String.join("; ", failures))
              + "; no certificate signed, retry when the logs answer");
    }
    return new Scts(
        SignedCertificateTimestamp.list(List.copyOf(answered.values())),
        answered.keySet().stream().map(CtLog::name).toList());
  }

  private CompletableFuture<SignedCertificateTimestamp> addPreChain(CtLog ctLog, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(ctLog.addPreChain())
            .timeout(properties.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(
            response -> {
              if (response.statusCode() != 200) {
                throw new IllegalStateException(
                    "add-pre-chain answered HTTP " + response.statusCode() + " " + abbreviated(response.body()));
              }
              return parse(response.body());
            });
  }

  private SignedCertificateTimestamp parse(String body) {
    try {
      JsonNode answer = json.readTree(body);
      return SignedCertificateTimestamp.fromJson(
          answer.path("sct_version").asInt(-1),
          answer.path("id").asText(),
          answer.path("timestamp").asLong(),
          answer.path("extensions").asText(""),
          answer.path("signature").asText());
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new IllegalStateException("add-pre-chain answered no SCT: " + e.getMessage(), e);
    }
  }

  private static SignedCertificateTimestamp verified(
      CtLog ctLog, SignedCertificateTimestamp sct, byte[] issuerKeyHash, byte[] tbs) {
    if (!java.util.Arrays.equals(sct.logId(), ctLog.logId())) {
      throw new IllegalStateException(
          "the SCT names log id " + Base64.getEncoder().encodeToString(sct.logId()) + ", not the configured "
              + ctLog.logIdBase64());
    }
    if (!sct.verifies(ctLog.key(), issuerKeyHash, tbs)) {
      throw new IllegalStateException("the SCT's signature does not verify under the log's key (RFC 6962 3.2)");
    }
    return sct;
  }

  /** RFC 6962 4.1: {"chain": [base64 DER, …]}, the precertificate first, then the CA chain. */
  private String addPreChainBody(X509Certificate precertificate, List<X509Certificate> chain) {
    List<String> encoded = new ArrayList<>();
    try {
      encoded.add(Base64.getEncoder().encodeToString(precertificate.getEncoded()));
      for (X509Certificate certificate : chain) {
        encoded.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
      }
      return json.writeValueAsString(Map.of("chain", encoded));
    } catch (GeneralSecurityException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the precertificate chain does not encode", e);
    }
  }

  private static String abbreviated(String body) {
    String line = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    return line.length() <= 200 ? line : line.substring(0, 200) + "…";
  }
}
