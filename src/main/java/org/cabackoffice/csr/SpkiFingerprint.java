package org.cabackoffice.csr;

import org.cabackoffice.digest.Sha256;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.cabackoffice.input.DerNesting;
import org.cabackoffice.input.DerRefused;

/**
 * The key fingerprint the CA files keys under: the lower-case hex SHA-256 of the DER
 * SubjectPublicKeyInfo, the value {@link CsrPublicKey#spkiSha256} and {@code
 * issued_certificate.spki_sha256} hold. Officers get a compromised key reported either as that
 * fingerprint or as the key itself in a certificate, a CSR or a public key file; all of them end
 * up here as the same 64 hex digits.
 */
final class SpkiFingerprint {

  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s:]");

  private SpkiFingerprint() {}

  /**
   * A fingerprint as tools print it: any case, optionally with colons or spaces between the bytes
   * (openssl's {@code -c} output).
   */
  static String ofHex(String text) {
    String hex = SEPARATORS.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
    if (!HEX_SHA256.matcher(hex).matches()) {
      throw new BlocklistEntryInvalidException(
          "key-blocklist.fingerprint-invalid",
          "spkiSha256 must be the SHA-256 of the DER SubjectPublicKeyInfo as 64 hexadecimal digits"
              + " (e.g. openssl pkey -pubin -outform DER | openssl dgst -sha256)");
    }
    return hex;
  }

  /**
   * The fingerprint of the one key in a PEM public key ({@code PUBLIC KEY}, {@code RSA PUBLIC
   * KEY}), certificate request or certificate.
   */
  static String ofPem(String pem) {
    checkNesting(pem);
    Object object;
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      object = parser.readObject();
      if (object != null && parser.readObject() != null) {
        // A chain or a bundle: which of its keys is compromised is the officer's call, not ours.
        throw invalidPem("the PEM text holds more than one object; send one key at a time");
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof BlocklistEntryInvalidException invalid) {
        throw invalid;
      }
      // Bouncy Castle's message names its classes; the officer needs what to send instead.
      throw invalidPem(
          "the PEM text cannot be read: its Base64 or its ASN.1 structure is not a PUBLIC KEY,"
              + " CERTIFICATE REQUEST or CERTIFICATE");
    }
    if (object == null) {
      throw invalidPem(
          "no PEM block found; send a PUBLIC KEY, CERTIFICATE REQUEST or CERTIFICATE in PEM");
    }
    SubjectPublicKeyInfo spki;
    if (object instanceof SubjectPublicKeyInfo publicKey) {
      spki = publicKey;
    } else if (object instanceof PKCS10CertificationRequest request) {
      spki = request.getSubjectPublicKeyInfo();
    } else if (object instanceof X509CertificateHolder certificate) {
      spki = certificate.getSubjectPublicKeyInfo();
    } else if (object instanceof PEMKeyPair
        || object instanceof PEMEncryptedKeyPair
        || object instanceof PrivateKeyInfo
        || object instanceof PKCS8EncryptedPrivateKeyInfo) {
      // The back office never takes private keys (CsrInput says the same to customers): a key
      // sent here would sit in request logs. The officer derives the public key instead.
      throw new BlocklistEntryInvalidException(
          "key-blocklist.private-key",
          "the PEM text is a private key; the CA does not take private keys. Send its public key"
              + " (openssl pkey -in key.pem -pubout) or its fingerprint");
    } else {
      throw invalidPem(
          "the PEM block names no public key; send a PUBLIC KEY,"
              + " CERTIFICATE REQUEST or CERTIFICATE");
    }
    try {
      return Sha256.hex(spki.getEncoded(ASN1Encoding.DER));
    } catch (IOException | RuntimeException e) {
      throw invalidPem("the public key in the PEM text cannot be encoded");
    }
  }

  /**
   * Every PEM block's DER is walked before PEMParser decodes it: Bouncy Castle recurses once per
   * nesting level and a deep one overflows the stack (issue 7, item 3).
   */
  private static void checkNesting(String pem) {
    try (PemReader reader = new PemReader(new StringReader(pem))) {
      PemObject block;
      while ((block = reader.readPemObject()) != null) {
        if (block.getContent().length > 0) {
          DerNesting.check(block.getContent());
        }
      }
    } catch (DerRefused e) {
      throw invalidPem("the PEM text cannot be read: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      throw invalidPem("the PEM text cannot be read: a BEGIN line has no END or the Base64 is broken");
    }
  }

  private static BlocklistEntryInvalidException invalidPem(String reason) {
    return new BlocklistEntryInvalidException("key-blocklist.pem-unreadable", reason);
  }
}
