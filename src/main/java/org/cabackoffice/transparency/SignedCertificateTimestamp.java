package org.cabackoffice.transparency;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * One SCT as RFC 6962 3.2 defines it, with its TLS encoding (RFC 5246 4) and the check of its
 * signature over a precertificate entry. Only v1 SCTs with SHA-256 signatures exist in the logs
 * browsers accept, so anything else is refused rather than guessed at.
 *
 * @param logId SHA-256 of the log's public key (RFC 6962 3.2, LogID)
 * @param timestamp milliseconds since the epoch, as the log says
 * @param extensions CtExtensions, empty in every log today
 * @param signature the DigitallySigned struct: hash and signature algorithm, then the signature
 */
public record SignedCertificateTimestamp(byte[] logId, long timestamp, byte[] extensions, byte[] signature) {

  static final int VERSION_V1 = 0;
  static final int SIGNATURE_TYPE_CERTIFICATE_TIMESTAMP = 0;
  static final int ENTRY_TYPE_PRECERT = 1;
  static final int HASH_SHA256 = 4;
  static final int SIGNATURE_RSA = 1;
  static final int SIGNATURE_ECDSA = 3;

  public SignedCertificateTimestamp {
    if (logId.length != 32) {
      throw new IllegalArgumentException("an SCT's log id is 32 bytes, not " + logId.length);
    }
    if (extensions.length > 0xFFFF) {
      throw new IllegalArgumentException("SCT extensions longer than 65535 bytes");
    }
    if (signature.length < 4 || (((signature[2] & 0xFF) << 8) | (signature[3] & 0xFF)) != signature.length - 4) {
      throw new IllegalArgumentException("an SCT's signature is not a DigitallySigned struct");
    }
  }

  /** An add-pre-chain answer's fields (RFC 6962 4.1), base64 as the log sends them. */
  static SignedCertificateTimestamp fromJson(int version, String id, long timestamp, String extensions, String signature) {
    if (version != VERSION_V1) {
      throw new IllegalArgumentException("SCT version " + version + " is not v1");
    }
    Base64.Decoder base64 = Base64.getDecoder();
    return new SignedCertificateTimestamp(
        base64.decode(id), timestamp, base64.decode(extensions == null ? "" : extensions), base64.decode(signature));
  }

  /** The SCT's TLS encoding (RFC 6962 3.2), one SerializedSCT of the list. */
  public byte[] encoded() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(VERSION_V1);
    out.writeBytes(logId);
    writeUint(out, timestamp, 8);
    writeUint(out, extensions.length, 2);
    out.writeBytes(extensions);
    out.writeBytes(signature);
    return out.toByteArray();
  }

  /**
   * SignedCertificateTimestampList (RFC 6962 3.3): each SCT with a two-byte length, the whole with
   * a two-byte length. What the certificate's SCT extension wraps in an OCTET STRING.
   */
  public static byte[] list(List<SignedCertificateTimestamp> scts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (SignedCertificateTimestamp sct : scts) {
      byte[] encoded = sct.encoded();
      writeUint(body, encoded.length, 2);
      body.writeBytes(encoded);
    }
    if (scts.isEmpty() || body.size() > 0xFFFF) {
      throw new IllegalArgumentException("an SCT list holds 1 to 65535 bytes of SCTs");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeUint(out, body.size(), 2);
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  /**
   * What the log signed for a precertificate entry (RFC 6962 3.2): version, signature type,
   * timestamp, entry type precert_entry, the issuer key hash (SHA-256 of the issuing CA's
   * SubjectPublicKeyInfo), the precertificate's TBS without the poison, and the extensions.
   */
  byte[] signedData(byte[] issuerKeyHash, byte[] tbsWithoutPoison) {
    if (issuerKeyHash.length != 32) {
      throw new IllegalArgumentException("the issuer key hash is 32 bytes");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(VERSION_V1);
    out.write(SIGNATURE_TYPE_CERTIFICATE_TIMESTAMP);
    writeUint(out, timestamp, 8);
    writeUint(out, ENTRY_TYPE_PRECERT, 2);
    out.writeBytes(issuerKeyHash);
    writeUint(out, tbsWithoutPoison.length, 3);
    out.writeBytes(tbsWithoutPoison);
    writeUint(out, extensions.length, 2);
    out.writeBytes(extensions);
    return out.toByteArray();
  }

  /** Whether the log with this key signed this SCT for this precertificate. */
  public boolean verifies(PublicKey logKey, byte[] issuerKeyHash, byte[] tbsWithoutPoison) {
    int hash = signature[0] & 0xFF;
    int algorithm = signature[1] & 0xFF;
    String jca;
    if (hash == HASH_SHA256 && algorithm == SIGNATURE_ECDSA && "EC".equals(logKey.getAlgorithm())) {
      jca = "SHA256withECDSA";
    } else if (hash == HASH_SHA256 && algorithm == SIGNATURE_RSA && "RSA".equals(logKey.getAlgorithm())) {
      jca = "SHA256withRSA";
    } else {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(jca);
      verifier.initVerify(logKey);
      verifier.update(signedData(issuerKeyHash, tbsWithoutPoison));
      return verifier.verify(Arrays.copyOfRange(signature, 4, signature.length));
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  static void writeUint(ByteArrayOutputStream out, long value, int bytes) {
    if (bytes < 8 && value >>> (8 * bytes) != 0) {
      throw new IllegalArgumentException(value + " does not fit in " + bytes + " bytes");
    }
    for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
      out.write((int) (value >>> shift) & 0xFF);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SignedCertificateTimestamp that && Arrays.equals(encoded(), that.encoded());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded());
  }

  @Override
  public String toString() {
    return "SCT[log " + Base64.getEncoder().encodeToString(logId) + ", " + timestamp + "]";
  }
}
