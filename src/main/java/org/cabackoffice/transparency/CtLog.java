package org.cabackoffice.transparency;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.cabackoffice.digest.Sha256;

/**
 * A configured log with its key parsed and its id derived (RFC 6962 3.2: the LogID is the SHA-256
 * of the log's DER SubjectPublicKeyInfo), so a misconfigured log stops the start, not an issuance.
 */
record CtLog(String name, URI addPreChain, String operator, PublicKey key, byte[] logId) {

  static CtLog from(CtProperties.Log log) {
    String name = required(log.name(), "name", "?");
    String operator = required(log.operator(), "operator", name);
    String url = required(log.url(), "url", name);
    byte[] der;
    try {
      der = Base64.getDecoder().decode(required(log.publicKey(), "public-key", name).replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("CT log " + name + ": public-key is not base64", e);
    }
    PublicKey key = null;
    for (String algorithm : new String[] {"EC", "RSA"}) {
      try {
        key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        break;
      } catch (GeneralSecurityException e) {
        // not this algorithm; the next one, or the error below
      }
    }
    if (key == null) {
      throw new IllegalStateException("CT log " + name + ": public-key is no EC or RSA SubjectPublicKeyInfo");
    }
    URI base = URI.create(url.endsWith("/") ? url : url + "/");
    return new CtLog(name, base.resolve("ct/v1/add-pre-chain"), operator, key, Sha256.of(der));
  }

  String logIdBase64() {
    return Base64.getEncoder().encodeToString(logId);
  }

  private static String required(String value, String field, String log) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("CT log " + log + ": " + field + " is required");
    }
    return value.strip();
  }
}
