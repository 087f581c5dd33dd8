package org.cabackoffice.issuance;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.cabackoffice.digest.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Certificate Transparency's step in the issuance order (RFC 6962 3.1; Chrome's and Apple's CT
 * policies): the issuing CA itself signs a precertificate (SC-092: no separate precertificate
 * signing CA), the logs return SCTs for it, and the final TBS becomes the precertificate's TBS
 * with the poison extension replaced by the SCT list. The precertificate goes through the same
 * lint and record-before-sign as a certificate: root programs take a precertificate as evidence
 * that the certificate exists (Mozilla Root Store Policy; its profile is BR 7.1.2.9).
 */
@Component
public class Precertificates {

  private static final Logger log = LoggerFactory.getLogger(Precertificates.class);

  /** RFC 6962 3.1: critical, value ASN.1 NULL; no relying party accepts a certificate carrying it. */
  public static final ASN1ObjectIdentifier POISON = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.3");

  /** RFC 6962 3.3: OCTET STRING wrapping the TLS-encoded SignedCertificateTimestampList. */
  public static final ASN1ObjectIdentifier SCT_LIST = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");

  private final CertificateAuthority authority;
  private final PreIssuanceLint lint;
  private final PrecertificateSigningRepository signings;
  private final TransparencyLogs logs;
  private final TransactionOperations transactions;
  private final Clock clock;

  @Autowired
  public Precertificates(
      CertificateAuthority authority,
      PreIssuanceLint lint,
      PrecertificateSigningRepository signings,
      TransparencyLogs logs,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this(authority, lint, signings, logs, requiresNew(transactionManager), clock);
  }

  Precertificates(
      CertificateAuthority authority,
      PreIssuanceLint lint,
      PrecertificateSigningRepository signings,
      TransparencyLogs logs,
      TransactionOperations transactions,
      Clock clock) {
    this.authority = authority;
    this.lint = lint;
    this.signings = signings;
    this.logs = logs;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Issuance without logs, as the private CA runs: {@link #embedScts} leaves the TBS alone. */
  static Precertificates notLogged() {
    return new Precertificates(null, null, null, TransparencyLogs.OFF, TransactionOperations.withoutTransaction(), null);
  }

  private static TransactionOperations requiresNew(PlatformTransactionManager transactionManager) {
    TransactionTemplate template = new TransactionTemplate(transactionManager);
    template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return template;
  }

  /**
   * With logs on, turns the subscriber TBS into the final one: poison added, the precertificate
   * linted, recorded, signed by the CA key and logged, then the poison replaced by the verified
   * SCT list, and the result checked to be the precertificate's TBS without the poison plus the
   * SCT list, before the caller lints and signs it. With logs off, does nothing.
   *
   * @throws LintFailedException when lint finds an error in the precertificate; nothing is signed
   * @throws RuntimeException from the logs (naming the log) when too few SCTs came back; the
   *     signed precertificate stays on record, no certificate is signed
   */
  void embedScts(IssuanceRequest request, String serialHex, X509v3CertificateBuilder tbs) {
    if (!logs.enabled()) {
      return;
    }
    CertificateAuthority.add(tbs, POISON, true, DERNull.INSTANCE);
    X509Certificate linted = authority.signForLint(tbs);
    List<LintFinding> findings = lint.check(linted, authority.issuingCertificate(), request.profile());
    if (PreIssuanceLint.hasErrors(findings)) {
      log.info(
          "Pre-issuance lint refused the precertificate serial {} for application {}: {}",
          serialHex, request.applicationId(), findings);
      throw new LintFailedException(findings);
    }
    refuseOnCaErrors("precertificate serial " + serialHex, PrecertificateLint.checkPrecertificate(linted));

    String tbsSha256;
    try {
      tbsSha256 = Sha256.hex(linted.getTBSCertificate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the precertificate's TBS encoding is unavailable", e);
    }
    transactions.executeWithoutResult(
        tx -> signings.saveAndFlush(
            new PrecertificateSigning(serialHex, request.applicationId(), tbsSha256, clock.instant())));
    X509Certificate precertificate;
    try {
      precertificate = authority.sign(tbs);
      CertificateIssuer.confirmSignedAsLinted(precertificate, linted, authority);
    } catch (RuntimeException e) {
      transactions.executeWithoutResult(tx -> record(serialHex).failed(String.valueOf(e.getMessage()), clock.instant()));
      throw e;
    }
    String pem = CertificatePem.encode(precertificate);
    transactions.executeWithoutResult(tx -> record(serialHex).signed(pem, clock.instant()));

    TransparencyLogs.Scts scts;
    try {
      scts = logs.submit(precertificate, authority.chain());
    } catch (RuntimeException e) {
      log.info("Precertificate serial {} for application {} not logged: {}", serialHex, request.applicationId(), e.getMessage());
      transactions.executeWithoutResult(tx -> record(serialHex).logged("not logged: " + e.getMessage()));
      throw e;
    }
    transactions.executeWithoutResult(tx -> record(serialHex).logged("SCTs from " + String.join(", ", scts.logs())));

    tbs.removeExtension(POISON);
    CertificateAuthority.add(tbs, SCT_LIST, false, new DEROctetString(scts.signedCertificateTimestampList()));
    confirmFinalMatchesPrecertificate(authority.signForLint(tbs), precertificate, scts);
    log.info("Precertificate serial {} logged; SCTs from {}", serialHex, scts.logs());
  }

  /**
   * RFC 6962 3.1 and 3.2: the SCTs sign the precertificate's TBS without the poison, and a relying
   * party rebuilds that from the final certificate by taking the SCT list out; the two must be
   * the same bytes, or every SCT in the certificate fails to verify.
   */
  static void confirmFinalMatchesPrecertificate(
      X509Certificate finalCertificate, X509Certificate precertificate, TransparencyLogs.Scts scts) {
    refuseOnCaErrors(
        "the final certificate serial " + CertificateSerial.hex(finalCertificate.getSerialNumber()),
        PrecertificateLint.checkFinalAgainstPrecertificate(
            finalCertificate, precertificate, scts.signedCertificateTimestampList()));
  }

  /**
   * RFC 6962 errors are the CA's doing, not the applicant's: an incident an operator retries once
   * the cause is fixed (the message names the lint), never a refused application.
   */
  private static void refuseOnCaErrors(String what, List<LintFinding> findings) {
    if (PreIssuanceLint.hasErrors(findings)) {
      throw new IllegalStateException(
          "pre-issuance lint refused " + what + " (RFC 6962), which is not signed: "
              + findings.stream().map(LintFinding::toString).collect(java.util.stream.Collectors.joining("; ")));
    }
  }

  /**
   * The TBSCertificate with one extension taken out and every other byte as it was: what a log
   * signs for a precertificate (the poison out, RFC 6962 3.2) and what a relying party verifies
   * an embedded SCT over (the SCT list out).
   */
  public static byte[] tbsWithout(X509Certificate certificate, ASN1ObjectIdentifier extension) {
    try {
      ASN1Sequence tbs = ASN1Sequence.getInstance(certificate.getTBSCertificate());
      ASN1EncodableVector fields = new ASN1EncodableVector();
      for (ASN1Encodable field : tbs) {
        if (field instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 3) {
          Extensions extensions = Extensions.getInstance(tagged.getExplicitBaseObject());
          List<Extension> kept = new ArrayList<>();
          for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
            if (!oid.equals(extension)) {
              kept.add(extensions.getExtension(oid));
            }
          }
          fields.add(new DERTaggedObject(true, 3, new Extensions(kept.toArray(Extension[]::new))));
        } else {
          fields.add(field);
        }
      }
      return new DERSequence(fields).getEncoded(ASN1Encoding.DER);
    } catch (java.io.IOException | java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("the TBS certificate does not re-encode", e);
    }
  }

  private PrecertificateSigning record(String serialHex) {
    PrecertificateSigning signing =
        signings
            .findBySerial(serialHex)
            .orElseThrow(() -> new IllegalStateException("no precertificate signing record for serial " + serialHex));
    // Saved again for stores that do not track entities (the tests' in-memory one); JPA merges.
    return signings.saveAndFlush(signing);
  }
}
