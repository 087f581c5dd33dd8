package org.cabackoffice.automationtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * An ACME client (RFC 8555) as a subscriber runs one: directory, nonce, newAccount with external
 * account binding (7.3.4), newOrder, http-01 (8.3) through a responder of its own, finalize with a
 * fresh key's CSR, polling, download. It talks HTTP to whichever directory it is given and shares
 * nothing with the server's code, so it tests the protocol, not the server's internals.
 */
class AcmeRenewalClient {

  /** What a renewal produced. */
  record Renewed(X509Certificate certificate, String chainPem, KeyPair key, String accountUrl) {}

  /** A step that failed, with the server's problem document when there was one. */
  static class RenewalFailed extends Exception {
    private final String accountUrl;

    RenewalFailed(String message, String accountUrl) {
      super(message);
      this.accountUrl = accountUrl;
    }

    String accountUrl() {
      return accountUrl;
    }
  }

  /** Serves key authorizations at /.well-known/acme-challenge/{token} while the order is validated. */
  interface ChallengeResponder {
    void serve(String token, String keyAuthorization);
  }

  private static final Duration POLL = Duration.ofMillis(500);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
  private final ECKey accountKey;
  private String nonce;
  private String accountUrl;
  private JsonNode directory;

  AcmeRenewalClient() {
    try {
      accountKey = new ECKeyGenerator(Curve.P_256).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("no P-256 key generator", e);
    }
  }

  Renewed renew(URI directoryUrl, String domain, String eabKid, String eabHmacKey, ChallengeResponder responder,
      Instant deadline) throws RenewalFailed {
    try {
      directory = JSON.readTree(send(HttpRequest.newBuilder(directoryUrl).GET(), "directory").body());
      fetchNonce();
      register(eabKid, eabHmacKey);
      HttpResponse<String> created = post(text("newOrder"), order(domain), "newOrder");
      String orderUrl = location(created, "newOrder");
      JsonNode order = JSON.readTree(created.body());
      for (JsonNode authorization : order.path("authorizations")) {
        authorize(authorization.asText(), responder, deadline);
      }
      KeyPair key = p256();
      ObjectNode finalize = JSON.createObjectNode()
          .put("csr", Base64.getUrlEncoder().withoutPadding().encodeToString(csr(domain, key)));
      post(order.path("finalize").asText(), finalize.toString(), "finalize");
      order = pollUntilDone(orderUrl, java.util.Set.of("pending", "ready", "processing"), deadline, "order");
      if (!"valid".equals(order.path("status").asText())) {
        throw failed("the order ended " + order.path("status").asText() + problemOf(order.path("error")));
      }
      String chain = post(order.path("certificate").asText(), "", "certificate").body();
      X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(chain.getBytes(StandardCharsets.US_ASCII)))
          .iterator().next();
      return new Renewed(leaf, chain, key, accountUrl);
    } catch (IOException | GeneralSecurityException | OperatorCreationException | JOSEException e) {
      throw failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed("interrupted");
    }
  }

  private void register(String eabKid, String eabHmacKey)
      throws IOException, InterruptedException, JOSEException, RenewalFailed {
    String url = text("newAccount");
    JWSObject binding = new JWSObject(
        new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(eabKid).customParam("url", url).build(),
        new Payload(accountKey.toPublicJWK().toJSONString()));
    binding.sign(new MACSigner(Base64.getUrlDecoder().decode(eabHmacKey)));
    ObjectNode payload = JSON.createObjectNode().put("termsOfServiceAgreed", true);
    payload.set("externalAccountBinding", JSON.readTree(flattened(binding)));
    HttpResponse<String> response = post(url, payload.toString(), "newAccount");
    accountUrl = location(response, "newAccount");
  }

  /** RFC 8555 7.5.1: a pending authorization is answered by http-01 and polled until decided. */
  private void authorize(String url, ChallengeResponder responder, Instant deadline)
      throws IOException, InterruptedException, JOSEException, RenewalFailed {
    JsonNode authorization = JSON.readTree(post(url, "", "authorization").body());
    if ("valid".equals(authorization.path("status").asText())) {
      return;
    }
    JsonNode http01 = null;
    for (JsonNode challenge : authorization.path("challenges")) {
      if ("http-01".equals(challenge.path("type").asText())) {
        http01 = challenge;
      }
    }
    if (http01 == null) {
      throw failed("the authorization for " + authorization.path("identifier").path("value").asText()
          + " offers no http-01 challenge");
    }
    String token = http01.path("token").asText();
    responder.serve(token, token + "." + accountKey.computeThumbprint());
    post(http01.path("url").asText(), "{}", "challenge");
    authorization = pollUntilDone(url, java.util.Set.of("pending"), deadline, "authorization");
    if (!"valid".equals(authorization.path("status").asText())) {
      JsonNode error = null;
      for (JsonNode challenge : authorization.path("challenges")) {
        if (challenge.has("error")) {
          error = challenge.path("error");
        }
      }
      throw failed("the authorization for " + authorization.path("identifier").path("value").asText() + " ended "
          + authorization.path("status").asText() + (error == null ? "" : problemOf(error)));
    }
  }

  /** Asks for the resource until its status is none of {@code waiting} (RFC 8555 7.5.1, 7.4). */
  private JsonNode pollUntilDone(String url, java.util.Set<String> waiting, Instant deadline, String what)
      throws IOException, InterruptedException, JOSEException, RenewalFailed {
    while (true) {
      JsonNode resource = JSON.readTree(post(url, "", what).body());
      String status = resource.path("status").asText();
      if (!waiting.contains(status)) {
        return resource;
      }
      if (Instant.now().isAfter(deadline)) {
        throw failed("the " + what + " was still " + status + " when the attempt's time ran out");
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private static String order(String domain) {
    ObjectNode order = JSON.createObjectNode();
    order.putArray("identifiers").addObject().put("type", "dns").put("value", domain);
    return order.toString();
  }

  /** A fresh P-256 key for the certificate: the account key never signs a CSR. */
  private static KeyPair p256() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static byte[] csr(String domain, KeyPair key) throws IOException, OperatorCreationException {
    ExtensionsGenerator extensions = new ExtensionsGenerator();
    extensions.addExtension(Extension.subjectAlternativeName, false,
        new GeneralNames(new GeneralName(GeneralName.dNSName, domain)));
    return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + domain), key.getPublic())
        .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()))
        .getEncoded();
  }

  // --- JWS over HTTP (RFC 8555 6.2) ----------------------------------------------------------

  private HttpResponse<String> post(String url, String payload, String step)
      throws IOException, InterruptedException, JOSEException, RenewalFailed {
    for (int attempt = 0; ; attempt++) {
      JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES256)
          .customParam("nonce", nonce)
          .customParam("url", url);
      if (accountUrl == null) {
        header.jwk(accountKey.toPublicJWK());
      } else {
        header.keyID(accountUrl);
      }
      JWSObject jws = new JWSObject(header.build(), new Payload(payload));
      jws.sign(new ECDSASigner(accountKey));
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/jose+json")
              .POST(HttpRequest.BodyPublishers.ofString(flattened(jws)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      response.headers().firstValue("Replay-Nonce").ifPresent(n -> nonce = n);
      if (response.statusCode() < 300) {
        return response;
      }
      // RFC 8555 6.5: a badNonce is answered with a fresh nonce; the request may be sent again.
      if (attempt == 0 && response.body().contains("urn:ietf:params:acme:error:badNonce")) {
        continue;
      }
      throw failed(step + " answered " + response.statusCode() + problemOf(body(response)));
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String step)
      throws IOException, InterruptedException, RenewalFailed {
    HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw failed(step + " answered " + response.statusCode());
    }
    return response;
  }

  private void fetchNonce() throws IOException, InterruptedException, RenewalFailed {
    HttpResponse<String> response = send(
        HttpRequest.newBuilder(URI.create(text("newNonce"))).method("HEAD", HttpRequest.BodyPublishers.noBody()), "newNonce");
    nonce = response.headers().firstValue("Replay-Nonce")
        .orElseThrow(() -> failed("newNonce answered without a Replay-Nonce"));
  }

  private String text(String field) throws RenewalFailed {
    String value = directory.path(field).asText("");
    if (value.isEmpty()) {
      throw failed("the directory names no " + field);
    }
    return value;
  }

  private String location(HttpResponse<String> response, String step) throws RenewalFailed {
    return response.headers().firstValue("Location").orElseThrow(() -> failed(step + " answered without a Location"));
  }

  private static String flattened(JWSObject jws) {
    return JSON.createObjectNode()
        .put("protected", jws.getHeader().toBase64URL().toString())
        .put("payload", jws.getPayload().toBase64URL().toString())
        .put("signature", jws.getSignature().toString())
        .toString();
  }

  private static JsonNode body(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String problemOf(JsonNode problem) {
    if (problem == null || problem.isMissingNode() || !problem.has("type")) {
      return "";
    }
    return ": " + problem.path("type").asText() + " " + problem.path("detail").asText();
  }

  private RenewalFailed failed(String message) {
    return new RenewalFailed(message, accountUrl);
  }
}
