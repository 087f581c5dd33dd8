package org.cabackoffice.auditlog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * A signed statement that row {@code seq} of the log had hash {@code rowHash} at {@code signedAt}:
 * an ECDSA P-256 signature with SHA-256 (DER, base64) over {@link #signedText()}.
 */
public record AuditCheckpoint(long seq, String rowHash, Instant signedAt, String signature) {

  public static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

  /** The exact bytes signed; {@code printf} can rebuild them for {@code openssl dgst -verify}. */
  public static String signedText(long seq, String rowHash, Instant signedAt) {
    return "cabackoffice-audit-checkpoint-v1\nrow="
        + seq
        + "\nhash="
        + rowHash
        + "\ntime="
        + AuditChain.time(signedAt)
        + "\n";
  }

  /** In the JSON too, so an auditor can hand it to openssl as it is ({@code jq -j}). */
  @JsonProperty("signedText")
  public String signedText() {
    return signedText(seq, rowHash, signedAt);
  }

  public boolean verifiesWith(PublicKey key) {
    try {
      Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
      verifier.initVerify(key);
      verifier.update(signedText().getBytes(StandardCharsets.UTF_8));
      return verifier.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false; // a signature that is not even DER/base64 is as forged as a wrong one
    }
  }
}
