package org.cabackoffice.revocation;

import java.io.IOException;
import java.io.StringReader;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.cabackoffice.digest.Sha256;
import org.cabackoffice.input.DerNesting;
import org.cabackoffice.issuance.IssuedCertificate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proof that a reporter holds a certificate's private key (BR 4.9.3: the CA documents how a key
 * compromise is reported). The CA gives a fresh challenge for the certificate; the reporter makes
 * a PKCS#10 request with the compromised key whose subject is {@code CN=<challenge>}. Its
 * signature verifies only with the key's private half, and the challenge makes it new: a CSR the
 * subscriber once sent for issuance, or one posted anywhere, proves nothing about who holds the
 * key now.
 */
@Service
public class KeyCompromiseProofs {

  /** Long enough to make a CSR by hand the next day, short enough that a leak soon expires. */
  static final Duration VALIDITY = Duration.ofHours(24);

  /** A CSR is a few KiB even with an 8192-bit RSA key. */
  static final int MAX_CSR_CHARS = 16 * 1024;

  /** 24 bytes, 192 bits from a CSPRNG (DESIGN.md: random values carry at least 112 bits). */
  private static final int CHALLENGE_BYTES = 24;

  private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyCompromiseChallengeRepository challenges;
  private final Clock clock;

  public KeyCompromiseProofs(KeyCompromiseChallengeRepository challenges, Clock clock) {
    this.challenges = challenges;
    this.clock = clock;
  }

  /** A new challenge for the certificate, valid {@link #VALIDITY}. */
  @Transactional
  public KeyCompromiseChallenge issue(IssuedCertificate certificate) {
    byte[] random = new byte[CHALLENGE_BYTES];
    RANDOM.nextBytes(random);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Instant now = clock.instant();
    return challenges.save(new KeyCompromiseChallenge(certificate.serial(), value, now, now.plus(VALIDITY)));
  }

  /**
   * Checks the proof and answers the key's SPKI SHA-256 (the blocklist's name for it).
   *
   * @throws RevocationRefused naming what is wrong with the proof
   */
  @Transactional(readOnly = true)
  public String verify(IssuedCertificate certificate, String csrPem) {
    PKCS10CertificationRequest csr = parse(csrPem);
    String spki;
    try {
      spki = Sha256.hex(csr.getSubjectPublicKeyInfo().getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw refused("proof.unreadable", "the CSR's public key cannot be encoded");
    }
    if (!spki.equals(certificate.spkiSha256())) {
      throw refused(
          "proof.other-key",
          "the CSR is not made with the key of certificate " + certificate.serial() + "; sign it with that key");
    }
    if (!signatureValid(csr)) {
      throw refused(
          "proof.signature-invalid", "the CSR's signature does not verify with its public key: no proof of possession");
    }
    String challenge = commonName(csr);
    KeyCompromiseChallenge issued =
        challenges
            .findByChallenge(challenge)
            .filter(c -> c.serial().equals(certificate.serial()))
            .orElseThrow(
                () ->
                    refused(
                        "proof.challenge-unknown",
                        "the CSR's subject must be CN=<the challenge the CA gave for certificate "
                            + certificate.serial()
                            + ">; ask for a challenge first"));
    if (!clock.instant().isBefore(issued.expiresAt())) {
      throw refused("proof.challenge-expired", "the challenge has expired; ask for a new one");
    }
    return spki;
  }

  private static PKCS10CertificationRequest parse(String pem) {
    if (pem == null || pem.isBlank()) {
      throw refused("proof.missing", "no CSR given");
    }
    if (pem.length() > MAX_CSR_CHARS) {
      throw refused("proof.too-large", "the CSR has " + pem.length() + " characters; at most " + MAX_CSR_CHARS);
    }
    PemObject block;
    try (PemReader reader = new PemReader(new StringReader(pem))) {
      block = reader.readPemObject();
    } catch (IOException | RuntimeException e) {
      throw refused("proof.unreadable", "the CSR is not readable PEM (its Base64 or END line is broken)");
    }
    if (block == null || !block.getType().endsWith("CERTIFICATE REQUEST")) {
      throw refused("proof.unreadable", "send the CSR as PEM: -----BEGIN CERTIFICATE REQUEST-----");
    }
    try {
      // Bouncy Castle recurses per nesting level; a deep structure would overflow the stack.
      DerNesting.check(block.getContent());
      return new PKCS10CertificationRequest(block.getContent());
    } catch (IOException | RuntimeException e) {
      throw refused("proof.unreadable", "the PEM block is not a PKCS#10 certificate request");
    }
  }

  private static boolean signatureValid(PKCS10CertificationRequest csr) {
    try {
      return csr.isSignatureValid(
          new JcaContentVerifierProviderBuilder().setProvider(BOUNCY_CASTLE).build(csr.getSubjectPublicKeyInfo()));
    } catch (Exception e) {
      // A key that gives no verifier or a signature that cannot be decoded proves nothing.
      return false;
    }
  }

  private static String commonName(PKCS10CertificationRequest csr) {
    List<RDN> names = List.of(csr.getSubject().getRDNs(BCStyle.CN));
    if (names.size() != 1) {
      throw refused("proof.challenge-missing", "the CSR's subject must be exactly CN=<challenge>");
    }
    return IETFUtils.valueToString(names.get(0).getFirst().getValue());
  }

  private static RevocationRefused refused(String code, String message) {
    return RevocationRefused.badInput(code, message);
  }
}
