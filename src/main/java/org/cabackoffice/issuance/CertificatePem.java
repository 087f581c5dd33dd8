package org.cabackoffice.issuance;

import org.cabackoffice.digest.Sha256;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cabackoffice.input.DerNesting;
import org.cabackoffice.input.DerRefused;

/** Certificates as PEM text (RFC 7468) and back. */
public final class CertificatePem {

  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END ([A-Z0-9 ]+)-----");

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
    byte[] bytes = pem.strip().getBytes(StandardCharsets.ISO_8859_1);
    checkNesting(bytes);
    List<X509Certificate> certificates = new ArrayList<>();
    try {
      Collection<? extends java.security.cert.Certificate> parsed =
          CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
      for (java.security.cert.Certificate certificate : parsed) {
        certificates.add((X509Certificate) certificate);
      }
    } catch (CertificateException | RuntimeException e) {
      // The JDK's message names its parser's classes; the sender needs to know what to send.
      throw new IllegalArgumentException(
          "not a certificate: send the X.509 certificate as PEM (-----BEGIN CERTIFICATE-----) or"
              + " DER, exactly as it was issued",
          e);
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("no certificate found in the PEM text");
    }
    return certificates;
  }

  /**
   * The DER of every PEM block (or the DER sent as is) is walked before the JDK parses it, since
   * the parsers recurse once per nesting level (issue 7, item 3).
   */
  private static void checkNesting(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    try {
      if (!text.contains("-----BEGIN")) {
        DerNesting.check(bytes);
        return;
      }
      Matcher block = PEM_BLOCK.matcher(text);
      while (block.find()) {
        byte[] der;
        try {
          der = Base64.getMimeDecoder().decode(block.group(2));
        } catch (IllegalArgumentException notBase64) {
          throw new IllegalArgumentException(
              "not a certificate: the Base64 between the PEM BEGIN and END lines is broken");
        }
        if (der.length > 0) {
          DerNesting.check(der);
        }
      }
    } catch (DerRefused e) {
      throw new IllegalArgumentException("not a certificate: " + e.getMessage());
    }
  }

  /** SHA-256 of the certificate's DER SubjectPublicKeyInfo, lower-case hex. */
  static String spkiSha256(X509Certificate certificate) {
    return Sha256.hex(certificate.getPublicKey().getEncoded());
  }
}
