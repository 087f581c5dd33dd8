package org.cabackoffice.issuance;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/** Certificates as PEM text (RFC 7468) and back. */
public final class CertificatePem {

  private CertificatePem() {}

  public static String encode(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("certificate does not encode", e);
    }
  }

  /**
   * Parses every certificate in the PEM (or DER) text.
   *
   * @throws IllegalArgumentException when the text holds no parsable certificate
   */
  public static List<X509Certificate> parse(String pem) {
    if (pem == null || pem.isBlank()) {
      throw new IllegalArgumentException("no certificate given");
    }
    try {
      Collection<? extends java.security.cert.Certificate> parsed =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
      List<X509Certificate> certificates = new ArrayList<>();
      for (java.security.cert.Certificate certificate : parsed) {
        certificates.add((X509Certificate) certificate);
      }
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("no certificate found in the PEM text");
      }
      return certificates;
    } catch (CertificateException e) {
      throw new IllegalArgumentException("not a PEM certificate: " + e.getMessage(), e);
    }
  }

  /** SHA-256 of the certificate's DER SubjectPublicKeyInfo, lower-case hex. */
  static String spkiSha256(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
