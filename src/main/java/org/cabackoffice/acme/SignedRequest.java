package org.cabackoffice.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;

/**
 * A request whose JWS verified (RFC 8555 6.2): the payload (a missing node for POST-as-GET), and
 * either the account that signed it (kid) or the key that signed it (jwk, newAccount and
 * revocation by the certificate's key).
 */
public record SignedRequest(JsonNode payload, AcmeAccount account, JWK jwk, String url) {

  public boolean postAsGet() {
    return payload == null || payload.isMissingNode();
  }

  /** The payload as an object; anything else is malformed. */
  public JsonNode object() {
    if (payload == null || !payload.isObject()) {
      throw AcmeProblem.malformed("the payload must be a JSON object");
    }
    return payload;
  }
}
