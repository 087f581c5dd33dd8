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
 * An ACME client (RFC 8555) as a subscriber runs one: directory, nonce, the account of its key
 * (7.3.1: found again by the key; registered with external account binding, 7.3.4, only when the
 * key has none), newOrder, http-01 (8.3) through a responder of its own, finalize with a fresh
 * key's CSR, polling, download. It talks HTTP to whichever directory it is given and shares
 * nothing with the server's code, so it tests the protocol, not the server's internals; the
 * public-trust walkthrough (MultiPerspectiveCorroborationIT) orders through it too.
 */
public class AcmeRenewalClient {

  /** What a renewal produced. */
  public record Renewed(X509Certificate certificate, String chainPem, KeyPair key, String accountUrl, String orderUrl) {}

  /** EAB credentials (RFC 8555 7.3.4): a key identifier and its base64url HMAC key. */
  public record Credentials(String kid, String hmacKey) {}

  /** Where EAB credentials come from; asked only when the account key has no account yet. */
  public interface ExternalAccountBinding {
    Credentials issue();
  }

  /** A step that failed, with the server's problem document when there was one. */
  public static class RenewalFailed extends Exception {
    private final String accountUrl;

    RenewalFailed(String message, String accountUrl) {
      super(message);
      this.accountUrl = accountUrl;
    }

    public String accountUrl() {
      return accountUrl;
    }
  }

  /**
   * The key's account is deactivated (RFC 8555 7.3.6): the server accepts nothing more of it, and
   * the key cannot have another account; a new key can.
   */
  public static class AccountDeactivated extends RenewalFailed {
    AccountDeactivated(String message, String accountUrl) {
      super(message, accountUrl);
    }
  }

  /** Serves key authorizations at /.well-known/acme-challenge/{token} while the order is validated. */
  public interface ChallengeResponder {
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

  /** @param accountKey a P-256 key pair: the account's key, ES256 (RFC 7518 3.4) */
  public AcmeRenewalClient(KeyPair accountKey) {
    if (!(accountKey.getPublic() instanceof java.security.interfaces.ECPublicKey publicKey)) {
      throw new IllegalArgumentException("the ACME account key must be an EC P-256 key");
    }
    this.accountKey = new ECKey.Builder(Curve.P_256, publicKey).privateKey(accountKey.getPrivate()).build();
  }

  /**
   * One certificate for {@code domain}, from the account of the key (registered now with the
   * binding's credentials when it has none).
   *
   * @throws AccountDeactivated when the key's account was deactivated: nothing was ordered
   */
  public Renewed renew(URI directoryUrl, String domain, ExternalAccountBinding binding, ChallengeResponder responder,
      Instant deadline) throws RenewalFailed {
    try {
      directory = JSON.readTree(send(HttpRequest.newBuilder(directoryUrl).GET(), "directory").body());
      fetchNonce();
      account(binding);
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
      return new Renewed(leaf, chain, key, accountUrl, orderUrl);
    } catch (IOException | GeneralSecurityException | OperatorCreationException | JOSEException e) {
      throw failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed("interrupted");
    }
  }

  /**
   * The key's account (RFC 8555 7.3.1, onlyReturnExisting), or a new one bound by EAB credentials
   * asked for only now: one account serves every run, and no credentials go unused.
   */
  private void account(ExternalAccountBinding binding)
      throws IOException, InterruptedException, JOSEException, RenewalFailed {
    String url = text("newAccount");
    HttpResponse<String> found = exchange(url, "{\"onlyReturnExisting\":true}");
    if (found.statusCode() < 300) {
      String existing = location(found, "newAccount");
      String status = body(found).path("status").asText();
      if (!"valid".equals(status)) {
        throw new AccountDeactivated("the account " + existing + " is " + status, existing);
      }
      accountUrl = existing;
      return;
    }
    // Any other refusal (unauthorized among them: a wrong url, a proxy) fails the attempt for
    // operations to look at; only the server's own word that the account is gone replaces a key.
    if (!body(found).path("type").asText("").equals("urn:ietf:params:acme:error:accountDoesNotExist")) {
      throw failed("newAccount answered " + found.statusCode() + problemOf(body(found)));
    }
    register(url, binding.issue());
  }

  private void register(String url, Credentials eab)
      throws IOException, InterruptedException, JOSEException, RenewalFailed {
    JWSObject binding = new JWSObject(
        new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(eab.kid()).customParam("url", url).build(),
        new Payload(accountKey.toPublicJWK().toJSONString()));
    binding.sign(new MACSigner(Base64.getUrlDecoder().decode(eab.hmacKey())));
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
    HttpResponse<String> response = exchange(url, payload);
    if (response.statusCode() >= 300) {
      throw failed(step + " answered " + response.statusCode() + problemOf(body(response)));
    }
    return response;
  }

  /** The request signed by the account key, and the server's answer whatever it is. */
  private HttpResponse<String> exchange(String url, String payload)
      throws IOException, InterruptedException, JOSEException {
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
      // RFC 8555 6.5: a badNonce is answered with a fresh nonce; the request may be sent again.
      if (attempt == 0 && response.statusCode() >= 300 && response.body().contains("urn:ietf:params:acme:error:badNonce")) {
        continue;
      }
      return response;
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
