package org.cabackoffice.crl;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.access.FourEyes;
import org.cabackoffice.issuance.CertificateAuthority;
import org.cabackoffice.issuance.CertificatePem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of what the root key signed, and the revocation of a CA certificate among it. The
 * ceremony that decides a revocation happens outside (the root is offline in production); the back
 * office records it with four eyes (one person asks, a second confirms, as for issuance, EV
 * Guidelines 5.2.4) and then has the root's ARL list it within the 24 hours of BR 4.9.7: at once
 * when the root key is in this keystore, else the ARL is due at the next ceremony.
 */
@Service
public class RootSignedCertificates {

  private static final Logger log = LoggerFactory.getLogger(RootSignedCertificates.class);

  private final RootSignedCertificateRepository certificates;
  private final CertificateAuthority authority;
  private final CrlPublication publication;
  private final TransactionTemplate transactions;
  private final Clock clock;

  RootSignedCertificates(
      RootSignedCertificateRepository certificates,
      CertificateAuthority authority,
      CrlPublication publication,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.certificates = certificates;
    this.authority = authority;
    this.publication = publication;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** What came of confirming a revocation: the record, and the ARL that lists it if one was signed. */
  public record Revocation(RootSignedCertificate certificate, Optional<Long> arlNumber) {}

  /**
   * The issuing CA certificate in the keystore is one the root signed: on record from the first
   * start (two nodes starting at once record it once; the unique key decides).
   */
  @EventListener(ApplicationReadyEvent.class)
  void recordTheIssuingCa() {
    X509Certificate issuing = authority.issuingCertificate();
    if (find(serialHex(issuing)).isPresent()) {
      return;
    }
    try {
      record(issuing, RootSignedCertificate.Kind.ISSUING_CA, CrlPublication.SYSTEM);
      log.info("Recorded the issuing CA certificate serial {} as signed by the root", serialHex(issuing));
    } catch (DataIntegrityViolationException e) {
      log.debug("Another node recorded the issuing CA certificate first", e);
    } catch (CaCertificateRefused e) {
      log.warn("The issuing CA certificate is not on the root's record: {}", e.getMessage());
    }
  }

  /**
   * Records a certificate the root signed elsewhere (a ceremony: a new issuing CA, a
   * cross-certificate, a responder). Only what verifies under the root's key is taken.
   *
   * @throws CaCertificateRefused not PEM, not signed by this root, of the wrong kind, or recorded
   */
  public RootSignedCertificate record(String pem, RootSignedCertificate.Kind kind, String by) {
    if (kind == null) {
      throw refused(CaCertificateRefused.Ground.BAD_INPUT, "ca-certificate.kind-missing",
          "kind is one of ISSUING_CA, CROSS_CERTIFICATE, OCSP_RESPONDER");
    }
    List<X509Certificate> parsed;
    try {
      parsed = CertificatePem.parse(pem == null ? "" : pem);
    } catch (RuntimeException e) {
      throw refused(CaCertificateRefused.Ground.BAD_INPUT, "ca-certificate.not-pem", "the body holds no PEM certificate");
    }
    if (parsed.size() != 1) {
      throw refused(CaCertificateRefused.Ground.BAD_INPUT, "ca-certificate.not-one",
          "give exactly one PEM certificate (found " + parsed.size() + ")");
    }
    return record(parsed.get(0), kind, by);
  }

  private RootSignedCertificate record(X509Certificate certificate, RootSignedCertificate.Kind kind, String by) {
    X509Certificate root = authority.rootCertificate();
    if (!certificate.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
      throw refused(CaCertificateRefused.Ground.BAD_INPUT, "ca-certificate.other-issuer",
          "the certificate's issuer is " + certificate.getIssuerX500Principal() + ", not this root");
    }
    try {
      certificate.verify(root.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw refused(CaCertificateRefused.Ground.BAD_INPUT, "ca-certificate.not-signed-by-root",
          "the certificate's signature does not verify under this root's key");
    }
    boolean ca = certificate.getBasicConstraints() >= 0;
    if (kind == RootSignedCertificate.Kind.OCSP_RESPONDER ? ca : !ca) {
      throw refused(CaCertificateRefused.Ground.BAD_INPUT, "ca-certificate.kind-mismatch",
          kind == RootSignedCertificate.Kind.OCSP_RESPONDER
              ? "an OCSP responder certificate is no CA certificate (basicConstraints cA is set)"
              : kind + " is a CA certificate, but basicConstraints cA is not set");
    }
    String serial = serialHex(certificate);
    if (find(serial).isPresent()) {
      throw refused(CaCertificateRefused.Ground.CONFLICT, "ca-certificate.recorded", "serial " + serial + " is recorded already");
    }
    byte[] der;
    try {
      der = certificate.getEncoded();
    } catch (GeneralSecurityException e) {
      throw refused(CaCertificateRefused.Ground.BAD_INPUT, "ca-certificate.not-der", "the certificate does not encode");
    }
    RootSignedCertificate recorded =
        new RootSignedCertificate(
            rootKeyId(),
            serial,
            kind,
            certificate.getSubjectX500Principal().getName(),
            certificate.getNotBefore().toInstant(),
            certificate.getNotAfter().toInstant(),
            der,
            clock.instant(),
            by);
    return transactions.execute(tx -> certificates.saveAndFlush(recorded));
  }

  /** Every certificate the current root signed, as recorded, oldest first. */
  public List<RootSignedCertificate> all() {
    return transactions.execute(tx -> certificates.findByRootKeyIdOrderByIdAsc(rootKeyId()));
  }

  public Optional<RootSignedCertificate> find(String serial) {
    String normalized = normalize(serial);
    return transactions.execute(tx -> certificates.findByRootKeyIdAndSerial(rootKeyId(), normalized));
  }

  /** The revoked ones, for the ARL. */
  List<RootSignedCertificate> revoked() {
    return certificates.findByRootKeyIdAndStatusOrderByIdAsc(rootKeyId(), RootSignedCertificate.Status.REVOKED);
  }

  /**
   * The first person records the ceremony's decision to revoke.
   *
   * @param reason RFC 5280 name ({@code keyCompromise}) or enum name
   * @param comment the ceremony's reference and the evidence; required
   */
  public RootSignedCertificate requestRevocation(String serial, String reason, String comment, String by) {
    CaCertificateRevocationReason parsed =
        CaCertificateRevocationReason.parse(reason)
            .orElseThrow(() -> refused(CaCertificateRefused.Ground.BAD_INPUT, "ca-certificate.reason",
                "reason is one of keyCompromise, affiliationChanged, superseded, cessationOfOperation (BR 7.2.2: a compromised CA key is keyCompromise)"
                    + " (a CA certificate's ARL entry always carries one, BR 7.2.2)"));
    if (comment == null || comment.isBlank()) {
      throw refused(CaCertificateRefused.Ground.BAD_INPUT, "ca-certificate.comment",
          "comment is required: the ceremony's reference and the evidence for the auditor");
    }
    String note = comment.strip().length() <= 2000 ? comment.strip() : comment.strip().substring(0, 2000);
    return transactions.execute(
        tx -> {
          RootSignedCertificate certificate = existing(serial);
          if (certificate.status() != RootSignedCertificate.Status.ISSUED) {
            throw refused(CaCertificateRefused.Ground.CONFLICT, "ca-certificate.not-issued",
                "serial " + certificate.serial() + " is " + certificate.status() + " already");
          }
          certificate.revocationRequested(parsed, note, by, clock.instant());
          log.info("{} asked to revoke root-signed certificate serial {} ({}): {}",
              by, certificate.serial(), parsed.rfc5280Name(), note);
          return certificates.saveAndFlush(certificate);
        });
  }

  /**
   * The second person confirms: the certificate is revoked, and the root's ARL is signed at once
   * when the root key is here.
   */
  public Revocation confirmRevocation(String serial, String by) {
    RootSignedCertificate revoked =
        transactions.execute(
            tx -> {
              RootSignedCertificate certificate = requested(serial);
              if (!new FourEyes(certificate.revocationRequestedBy()).admits(by)) {
                throw refused(CaCertificateRefused.Ground.CONFLICT, "ca-certificate.four-eyes",
                    "a revocation is confirmed by someone other than who asked for it ("
                        + certificate.revocationRequestedBy() + ")");
              }
              certificate.revoked(by, clock.instant().truncatedTo(ChronoUnit.SECONDS));
              return certificates.saveAndFlush(certificate);
            });
    log.info("{} confirmed the revocation of root-signed certificate serial {} ({}), asked by {}",
        by, revoked.serial(), revoked.revocationReason().rfc5280Name(), revoked.revocationRequestedBy());
    Optional<Long> arl;
    try {
      arl = publication
          .publishArl(by, "CA certificate serial " + revoked.serial() + " revoked (" + revoked.revocationReason().rfc5280Name() + ")")
          .map(PublishedCrl::crlNumber);
    } catch (RuntimeException e) {
      // The revocation stands; CrlRenewal's next check signs the ARL (it is older than a revocation).
      log.warn("Signing the ARL after revoking {} failed; the next check retries: {}", revoked.serial(), e.toString());
      arl = Optional.empty();
    }
    if (arl.isEmpty()) {
      log.warn("The root key is not in this keystore: the ARL listing serial {} is due at the next ceremony (BR 4.9.7: within 24 hours)",
          revoked.serial());
    }
    return new Revocation(revoked, arl);
  }

  /** The second person declines, or the first withdraws: the certificate stands. */
  public RootSignedCertificate declineRevocation(String serial, String by) {
    return transactions.execute(
        tx -> {
          RootSignedCertificate certificate = requested(serial);
          log.info("{} declined the revocation of root-signed certificate serial {} asked by {}",
              by, certificate.serial(), certificate.revocationRequestedBy());
          certificate.revocationDeclined();
          return certificates.saveAndFlush(certificate);
        });
  }

  /** Whether a CA certificate was revoked after the ARL of {@code since}: then a new ARL is due. */
  boolean revokedAfter(java.time.Instant since) {
    return transactions.execute(tx -> revoked().stream().anyMatch(c -> c.revokedAt().isAfter(since)));
  }

  private RootSignedCertificate requested(String serial) {
    RootSignedCertificate certificate = existing(serial);
    if (certificate.status() != RootSignedCertificate.Status.REVOCATION_REQUESTED) {
      throw refused(CaCertificateRefused.Ground.CONFLICT, "ca-certificate.no-request",
          "serial " + certificate.serial() + " has no revocation request to decide (it is " + certificate.status() + ")");
    }
    return certificate;
  }

  private RootSignedCertificate existing(String serial) {
    return certificates
        .findByRootKeyIdAndSerial(rootKeyId(), normalize(serial))
        .orElseThrow(() -> refused(CaCertificateRefused.Ground.NOT_FOUND, "ca-certificate.unknown",
            "the root signed no recorded certificate with serial " + serial));
  }

  private String rootKeyId() {
    return CrlContent.keyIdentifierHex(authority.rootCertificate());
  }

  static String serialHex(X509Certificate certificate) {
    return certificate.getSerialNumber().toString(16);
  }

  /** Serials are compared as numbers written in lower-case hex without leading zeros or colons. */
  static String normalize(String serial) {
    if (serial == null || !serial.strip().replace(":", "").matches("[0-9a-fA-F]{1,42}")) {
      throw refused(CaCertificateRefused.Ground.BAD_INPUT, "ca-certificate.serial", "a serial is hexadecimal, at most 42 digits");
    }
    return new BigInteger(serial.strip().replace(":", ""), 16).toString(16);
  }

  private static CaCertificateRefused refused(CaCertificateRefused.Ground ground, String code, String message) {
    return new CaCertificateRefused(ground, code, message);
  }
}
