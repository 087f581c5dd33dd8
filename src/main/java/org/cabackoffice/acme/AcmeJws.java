package org.cabackoffice.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Reads and verifies the JWS of every ACME POST (RFC 8555 6.2-6.5): flattened JSON, a protected
 * header with alg (RS256 or ES256 here), nonce, url, and exactly one of jwk and kid. Whatever the
 * client sends, the answer is a problem document, never a server error.
 */
@Component
public class AcmeJws {

  /** The account key algorithms this server accepts (RFC 8555 6.2: RS256 MUST, ES256 SHOULD). */
  static final Set<JWSAlgorithm> ACCOUNT_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

  private static final int MIN_RSA_BITS = 2048;

  private final ObjectMapper json = new ObjectMapper();
  private final AcmeNonces nonces;

  public AcmeJws(AcmeNonces nonces) {
    this.nonces = nonces;
  }

  /** How the request must be signed: by an account key (kid) or by the key it carries (jwk). */
  public enum Signer {
    ACCOUNT,
    EMBEDDED_KEY,
    EITHER
  }

  /**
   * @param body the request body
   * @param url the URL the request was sent to, as the client must name it in the header
   * @param accounts finds an account by its URL (the kid)
   */
  public SignedRequest verify(byte[] body, String url, Signer signer, Function<String, Optional<AcmeAccount>> accounts) {
    JsonNode jws = readObject(body, "the request body must be a flattened JWS JSON object (RFC 8555 6.2)");
    JWSObject object = flattened(jws);
    JWSHeader header = object.getHeader();
    if (!ACCOUNT_ALGORITHMS.contains(header.getAlgorithm())) {
      throw new AcmeProblem(
          AcmeProblem.BAD_SIGNATURE_ALGORITHM, 400,
          "the JWS algorithm " + header.getAlgorithm() + " is not accepted; use RS256 or ES256");
    }
    Object nonce = header.getCustomParam("nonce");
    if (!(nonce instanceof String text) || !nonces.use(text)) {
      throw new AcmeProblem(AcmeProblem.BAD_NONCE, 400, "the nonce is missing, used or expired; take the Replay-Nonce of this answer");
    }
    Object headerUrl = header.getCustomParam("url");
    if (!(headerUrl instanceof String named) || !named.equals(url)) {
      throw AcmeProblem.unauthorized("the protected header's url must be the URL the request was sent to: " + url);
    }
    JWK jwk = header.getJWK();
    String kid = header.getKeyID();
    if ((jwk == null) == (kid == null)) {
      throw AcmeProblem.malformed("the protected header must carry exactly one of jwk and kid (RFC 8555 6.2)");
    }
    AcmeAccount account = null;
    JWK key;
    if (kid != null) {
      if (signer == Signer.EMBEDDED_KEY) {
        throw AcmeProblem.malformed("this request is signed with the key it carries (jwk), not an account's kid");
      }
      account =
          accounts.apply(kid)
              .orElseThrow(() -> new AcmeProblem(AcmeProblem.ACCOUNT_DOES_NOT_EXIST, 400, "no account at " + kid));
      if (!account.isValid()) {
        throw AcmeProblem.unauthorized("the account is " + account.getStatus());
      }
      key = parseJwk(account.getJwk());
    } else {
      if (signer == Signer.ACCOUNT) {
        throw AcmeProblem.malformed("this request is signed by an account: name its URL as kid, not a jwk");
      }
      key = jwk;
    }
    requireKeyFor(header.getAlgorithm(), key);
    if (!verifies(object, verifier(key))) {
      throw AcmeProblem.malformed("the JWS signature does not verify");
    }
    return new SignedRequest(payloadOf(object), account, key, url);
  }

  /**
   * Verifies the external account binding (RFC 8555 7.3.4): an HS256 JWS by the EAB key over the
   * account key, for the newAccount URL.
   *
   * @return the EAB key identifier the client named
   */
  public String eabKid(JsonNode binding, String url) {
    if (binding == null || !binding.isObject()) {
      throw AcmeProblem.malformed("externalAccountBinding must be a flattened JWS object");
    }
    JWSObject object = flattened(binding);
    JWSHeader header = object.getHeader();
    if (!JWSAlgorithm.HS256.equals(header.getAlgorithm())) {
      throw AcmeProblem.malformed("externalAccountBinding must be signed with HS256");
    }
    if (header.getCustomParam("nonce") != null) {
      throw AcmeProblem.malformed("externalAccountBinding must not carry a nonce (RFC 8555 7.3.4)");
    }
    if (!(header.getCustomParam("url") instanceof String named) || !named.equals(url)) {
      throw AcmeProblem.unauthorized("externalAccountBinding's url must be the newAccount URL " + url);
    }
    if (header.getKeyID() == null || header.getKeyID().isBlank()) {
      throw AcmeProblem.malformed("externalAccountBinding must name the EAB key identifier as kid");
    }
    return header.getKeyID();
  }

  /** Checks the EAB MAC with the key the CA issued, and that it binds exactly the account key. */
  public void verifyEab(JsonNode binding, byte[] hmacKey, JWK accountKey) {
    JWSObject object = flattened(binding);
    try {
      if (!object.verify(new MACVerifier(hmacKey))) {
        throw AcmeProblem.unauthorized("the external account binding's MAC does not verify");
      }
    } catch (JOSEException e) {
      throw AcmeProblem.unauthorized("the external account binding's MAC cannot be checked: " + e.getMessage());
    }
    JWK bound = parseJwk(object.getPayload().toString());
    if (!thumbprint(bound).equals(thumbprint(accountKey))) {
      throw AcmeProblem.unauthorized("the external account binding binds another key than the account's");
    }
  }

  /**
   * The new key of a keyChange (RFC 8555 7.3.5): the inner JWS is signed by the key it carries
   * as jwk, names the same url as the outer one and carries no nonce.
   */
  public JWK innerKey(JsonNode innerJws, String url) {
    JWSObject object = flattened(innerJws);
    JWSHeader header = object.getHeader();
    if (!ACCOUNT_ALGORITHMS.contains(header.getAlgorithm())) {
      throw new AcmeProblem(AcmeProblem.BAD_SIGNATURE_ALGORITHM, 400, "the inner JWS must use RS256 or ES256");
    }
    if (header.getCustomParam("nonce") != null || header.getKeyID() != null || header.getJWK() == null) {
      throw AcmeProblem.malformed("the inner JWS carries the new key as jwk, and no nonce or kid (RFC 8555 7.3.5)");
    }
    if (!(header.getCustomParam("url") instanceof String named) || !named.equals(url)) {
      throw AcmeProblem.malformed("the inner JWS's url must be the keyChange URL");
    }
    JWK key = header.getJWK();
    requireKeyFor(header.getAlgorithm(), key);
    if (!verifies(object, verifier(key))) {
      throw AcmeProblem.malformed("the inner JWS signature does not verify with the new key");
    }
    return key;
  }

  public JsonNode innerPayload(JsonNode innerJws) {
    JsonNode payload = payloadOf(flattened(innerJws));
    if (!payload.isObject()) {
      throw AcmeProblem.malformed("the inner payload must be a JSON object");
    }
    return payload;
  }

  /** RFC 7638 SHA-256 thumbprint of the public key, base64url. */
  public static String thumbprint(JWK key) {
    try {
      return key.toPublicJWK().computeThumbprint().toString();
    } catch (JOSEException e) {
      throw AcmeProblem.malformed("the key's thumbprint cannot be computed: " + e.getMessage());
    }
  }

  /** The JWK as stored: the public part only. */
  public static String publicJson(JWK key) {
    return key.toPublicJWK().toJSONString();
  }

  static JWK parseJwk(String text) {
    try {
      JWK key = JWK.parse(text);
      if (key.isPrivate()) {
        // A client that sent its private key has lost it; the CA must not keep it.
        throw new AcmeProblem(AcmeProblem.BAD_PUBLIC_KEY, 400, "the JWK holds a private key");
      }
      return key;
    } catch (ParseException | RuntimeException e) {
      if (e instanceof AcmeProblem problem) {
        throw problem;
      }
      throw new AcmeProblem(AcmeProblem.BAD_PUBLIC_KEY, 400, "the JWK is not a public key this server reads");
    }
  }

  JsonNode readObject(byte[] body, String what) {
    if (body == null || body.length == 0) {
      throw AcmeProblem.malformed(what);
    }
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw AcmeProblem.malformed(what);
      }
      return node;
    } catch (IOException e) {
      throw AcmeProblem.malformed(what);
    }
  }

  private static JWSObject flattened(JsonNode jws) {
    JsonNode protectedPart = jws.get("protected");
    JsonNode payload = jws.get("payload");
    JsonNode signature = jws.get("signature");
    if (protectedPart == null || !protectedPart.isTextual() || payload == null || !payload.isTextual()
        || signature == null || !signature.isTextual()) {
      throw AcmeProblem.malformed("a flattened JWS has the string members protected, payload and signature");
    }
    if (jws.has("header")) {
      // RFC 8555 6.2: the JWS Unprotected Header must not be used.
      throw AcmeProblem.malformed("the JWS must not have an unprotected header");
    }
    if (!isBase64Url(protectedPart.asText()) || !isBase64Url(payload.asText()) || !isBase64Url(signature.asText())) {
      throw AcmeProblem.malformed("protected, payload and signature must be base64url without padding");
    }
    try {
      return new JWSObject(
          new Base64URL(protectedPart.asText()), new Base64URL(payload.asText()), new Base64URL(signature.asText()));
    } catch (ParseException | RuntimeException e) {
      throw AcmeProblem.malformed("the JWS protected header does not parse");
    }
  }

  private static boolean isBase64Url(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
        return false;
      }
    }
    try {
      Base64.getUrlDecoder().decode(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private JsonNode payloadOf(JWSObject object) {
    String encoded = object.getPayload().toBase64URL().toString();
    if (encoded.isEmpty()) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    byte[] bytes = object.getPayload().toBytes();
    try {
      JsonNode node = json.readTree(new String(bytes, StandardCharsets.UTF_8));
      if (node == null) {
        throw AcmeProblem.malformed("the payload is not JSON");
      }
      return node;
    } catch (IOException e) {
      throw AcmeProblem.malformed("the payload is not JSON");
    }
  }

  private static void requireKeyFor(JWSAlgorithm algorithm, JWK key) {
    if (JWSAlgorithm.RS256.equals(algorithm)) {
      if (!(key instanceof RSAKey rsa)) {
        throw new AcmeProblem(AcmeProblem.BAD_PUBLIC_KEY, 400, "RS256 needs an RSA key");
      }
      if (rsa.size() < MIN_RSA_BITS) {
        throw new AcmeProblem(AcmeProblem.BAD_PUBLIC_KEY, 400, "an RSA account key has at least 2048 bits");
      }
    } else if (!(key instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
      throw new AcmeProblem(AcmeProblem.BAD_PUBLIC_KEY, 400, "ES256 needs an EC key on P-256");
    }
  }

  private static JWSVerifier verifier(JWK key) {
    try {
      if (key instanceof RSAKey rsa) {
        return new RSASSAVerifier(rsa);
      }
      return new ECDSAVerifier((ECKey) key);
    } catch (JOSEException | RuntimeException e) {
      throw new AcmeProblem(AcmeProblem.BAD_PUBLIC_KEY, 400, "the account key is not usable: " + e.getMessage());
    }
  }

  private static boolean verifies(JWSObject object, JWSVerifier verifier) {
    try {
      return object.verify(verifier);
    } catch (JOSEException | RuntimeException e) {
      return false;
    }
  }
}
