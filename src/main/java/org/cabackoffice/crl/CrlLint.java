package org.cabackoffice.crl;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.TBSCertList;
import org.bouncycastle.cert.X509CRLHolder;
import org.cabackoffice.issuance.LintFinding;
import org.cabackoffice.issuance.SignatureAlgorithmEncodings;
import org.cabackoffice.issuance.LintFinding.Severity;

/**
 * Checks a CRL against the CRL profile of BR 7.2 (and RFC 5280 5, which it incorporates) before
 * it is published, the checks zlint's {@code RevocationListLint}s and pkilint's CRL validators
 * make. The candidate is the CRL signed with a throwaway key (the ARL: with the root key, as a
 * ceremony key is not duplicated), so everything but the signature value is what would be
 * published. Any {@link Severity#ERROR} stops publication; the code names the zlint lint where
 * one exists.
 */
final class CrlLint {

  /** BR 7.2 "nextUpdate": at most 10 days for CRLs covering subscriber certificates. */
  static final Duration SUBSCRIBER_CRL_MAX_VALIDITY = Duration.ofDays(10);

  /** BR 7.2 "nextUpdate": at most 12 months for other CRLs (the root's ARL); 365 days as zlint. */
  static final Duration CA_CRL_MAX_VALIDITY = Duration.ofDays(365);

  /** A CRL signed a moment ago may carry a thisUpdate a little ahead of this node's clock. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private static final BigInteger CRL_NUMBER_LIMIT = BigInteger.TWO.pow(159);

  /**
   * BR 7.2.2 "CRLReasons": keyCompromise, affiliationChanged, superseded, cessationOfOperation,
   * privilegeWithdrawn; unspecified is shown by leaving the reasonCode out, and certificateHold
   * never (BR 4.9.13: no suspension).
   */
  private static final Set<Integer> PERMITTED_REASONS = Set.of(1, 3, 4, 5, 9);

  /** BR 7.1.3.2, which 7.2 points to: the algorithms a CA may sign with; no SHA-1 (SC-097). */
  /** The PKCS#1 v1.5 algorithms BR 7.1.3.2.1 permits, each with NULL parameters. */
  private static final Set<ASN1ObjectIdentifier> RSA_SIGNATURES =
      Set.of(
          PKCSObjectIdentifiers.sha256WithRSAEncryption,
          PKCSObjectIdentifiers.sha384WithRSAEncryption,
          PKCSObjectIdentifiers.sha512WithRSAEncryption);

  /** BR 7.2.2 "CRL Extensions": the extensions a CRL carries and whether each is critical. */
  private static final java.util.Map<ASN1ObjectIdentifier, Boolean> EXTENSION_CRITICALITY =
      java.util.Map.of(
          Extension.authorityKeyIdentifier, false,
          Extension.cRLNumber, false,
          Extension.issuingDistributionPoint, true);

  /**
   * What the CRL is meant to be, besides its bytes.
   *
   * @param issuer the CA certificate whose key signs the CRL
   * @param subscriberCertificates whether the CRL covers subscriber certificates (10-day limit)
   * @param partition the URL the certificates of a partitioned CRL's shard name, empty for a full
   *     CRL
   * @param previousNumber the cRLNumber of the last CRL of the same scope, if any
   * @param now when the CRL is published
   */
  record Scope(
      X509Certificate issuer,
      boolean subscriberCertificates,
      Optional<String> partition,
      Optional<BigInteger> previousNumber,
      Instant now) {}

  private CrlLint() {}

  static List<LintFinding> check(X509CRLHolder crl, Scope scope) {
    List<LintFinding> findings = new ArrayList<>();
    TBSCertList tbs = crl.toASN1Structure().getTBSCertList();
    checkVersion(tbs, findings);
    checkSignatureAlgorithm(crl, tbs, scope.issuer(), findings);
    checkIssuer(crl, scope.issuer(), findings);
    checkDates(tbs, scope, findings);
    Extensions extensions = crl.getExtensions();
    if (extensions == null) {
      error(findings, "e_crl_missing_crl_number", "BR 7.2.2, RFC 5280 5.2.3", "the CRL has no extensions, so no cRLNumber");
      error(findings, "e_crl_has_authority_key_identifier", "BR 7.2.2, RFC 5280 5.2.1", "the CRL has no authorityKeyIdentifier");
    } else {
      checkExtensions(extensions, findings);
      checkNumber(extensions, scope, findings);
      checkAuthorityKeyIdentifier(extensions, scope.issuer(), findings);
      checkIssuingDistributionPoint(extensions, scope.partition(), findings);
    }
    checkEntries(tbs, findings);
    return findings;
  }

  private static void checkVersion(TBSCertList tbs, List<LintFinding> findings) {
    ASN1Integer version = tbs.getVersion();
    if (version == null || !version.hasValue(1)) {
      error(findings, "e_crl_version_not_v2", "BR 7.2.1, RFC 5280 5.1.2.1", "the CRL is not version 2");
    }
  }

  private static void checkSignatureAlgorithm(
      X509CRLHolder crl, TBSCertList tbs, X509Certificate issuer, List<LintFinding> findings) {
    AlgorithmIdentifier outer = crl.toASN1Structure().getSignatureAlgorithm();
    AlgorithmIdentifier inner = tbs.getSignature();
    if (!outer.equals(inner)) {
      error(findings, "e_crl_signature_algorithm_mismatch", "BR 7.2, RFC 5280 5.1.1.2",
          "signatureAlgorithm is not byte-for-byte the tbsCertList's signature");
    }
    // BR 7.1.3.2 lists encodings byte for byte; an RSA identifier without its NULL parameters
    // has its own finding (RFC 4055 5), anything else unlisted is not supported.
    boolean rsa = inner.getAlgorithm().on(PKCSObjectIdentifiers.pkcs_1);
    boolean nullParameters =
        inner.getParameters() != null && DERNull.INSTANCE.equals(inner.getParameters().toASN1Primitive());
    String encoding = SignatureAlgorithmEncodings.hex(inner);
    if (rsa && !nullParameters && RSA_SIGNATURES.contains(inner.getAlgorithm())) {
      error(findings, "e_crl_sigalgo_missing_null_params", "BR 7.1.3.2.1, RFC 4055 5",
          "an RSA PKCS#1 v1.5 signature algorithm must carry NULL parameters");
    } else if (!SignatureAlgorithmEncodings.permitted(encoding)) {
      error(findings, "e_crl_signature_algorithm_not_supported", "BR 7.1.3.2, ballot SC-097",
          "signature algorithm " + inner.getAlgorithm() + " (" + encoding + ") is none of the encodings BR 7.1.3.2 permits");
    } else if (!SignatureAlgorithmEncodings.permittedFor(issuer.getPublicKey(), encoding)) {
      error(findings, "e_crl_signature_algorithm_not_for_issuing_key", "BR 7.1.3.2.2",
          "signature algorithm " + encoding + " is not the one the issuing CA's "
              + issuer.getPublicKey().getAlgorithm() + " key signs with");
    }
  }

  private static void checkIssuer(X509CRLHolder crl, X509Certificate issuer, List<LintFinding> findings) {
    byte[] crlIssuer;
    try {
      crlIssuer = crl.getIssuer().getEncoded();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the CRL issuer does not encode", e);
    }
    if (!Arrays.equals(crlIssuer, issuer.getSubjectX500Principal().getEncoded())) {
      error(findings, "e_crl_issuer_mismatch", "BR 7.2",
          "issuer " + X500Name.getInstance(crlIssuer) + " is not byte-for-byte the CA's subject " + issuer.getSubjectX500Principal());
    }
  }

  private static void checkDates(TBSCertList tbs, Scope scope, List<LintFinding> findings) {
    Instant thisUpdate = tbs.getThisUpdate().getDate().toInstant();
    if (thisUpdate.isAfter(scope.now().plus(CLOCK_SKEW))) {
      error(findings, "e_crl_this_update_in_future", "BR 7.2, RFC 5280 5.1.2.4",
          "thisUpdate " + thisUpdate + " is in the future");
    }
    if (tbs.getNextUpdate() == null) {
      error(findings, "e_crl_has_next_update", "BR 7.2, RFC 5280 5.1.2.5", "the CRL has no nextUpdate");
      return;
    }
    Instant nextUpdate = tbs.getNextUpdate().getDate().toInstant();
    Duration limit = scope.subscriberCertificates() ? SUBSCRIBER_CRL_MAX_VALIDITY : CA_CRL_MAX_VALIDITY;
    if (!nextUpdate.isAfter(thisUpdate)) {
      error(findings, "e_crl_next_update_invalid", "BR 7.2, RFC 5280 5.1.2.5", "nextUpdate is not after thisUpdate");
    } else if (Duration.between(thisUpdate, nextUpdate).compareTo(limit) > 0) {
      error(findings, "e_crl_next_update_invalid", "BR 7.2, BR 4.9.7",
          "nextUpdate " + nextUpdate + " is more than " + limit.toDays() + " days after thisUpdate " + thisUpdate);
    }
  }

  private static void checkExtensions(Extensions extensions, List<LintFinding> findings) {
    for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
      Boolean critical = EXTENSION_CRITICALITY.get(oid);
      if (critical == null) {
        warning(findings, "w_crl_extensions_validity", "BR 7.2.2", "CRL extension " + oid + " is NOT RECOMMENDED");
      } else if (extensions.getExtension(oid).isCritical() != critical) {
        error(findings, "e_crl_extensions_validity", "BR 7.2.2",
            "CRL extension " + oid + " must " + (critical ? "" : "not ") + "be critical");
      }
    }
  }

  private static void checkNumber(Extensions extensions, Scope scope, List<LintFinding> findings) {
    Extension extension = extensions.getExtension(Extension.cRLNumber);
    if (extension == null) {
      error(findings, "e_crl_missing_crl_number", "BR 7.2.2, RFC 5280 5.2.3", "no cRLNumber");
      return;
    }
    BigInteger number = ASN1Integer.getInstance(extension.getParsedValue()).getValue();
    if (number.signum() < 0 || number.compareTo(CRL_NUMBER_LIMIT) >= 0) {
      error(findings, "e_crl_number_out_of_range", "BR 7.2.2", "cRLNumber " + number + " is not in [0, 2^159)");
    }
    scope.previousNumber()
        .filter(previous -> number.compareTo(previous) <= 0)
        .ifPresent(previous -> error(findings, "e_crl_number_not_increasing", "BR 7.2.2, RFC 5280 5.2.3",
            "cRLNumber " + number + " does not exceed the previous CRL's " + previous));
  }

  private static void checkAuthorityKeyIdentifier(Extensions extensions, X509Certificate issuer, List<LintFinding> findings) {
    AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(extensions);
    if (aki == null || aki.getKeyIdentifier() == null) {
      error(findings, "e_crl_has_authority_key_identifier", "BR 7.2.2, RFC 5280 5.2.1", "no authorityKeyIdentifier keyIdentifier");
      return;
    }
    if (aki.getAuthorityCertIssuer() != null || aki.getAuthorityCertSerialNumber() != null) {
      error(findings, "e_crl_auth_key_id_only_contains_keyid", "BR 7.2.2, BR 7.1.2.11.1",
          "authorityKeyIdentifier must hold the keyIdentifier only");
    }
    byte[] ski = issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (ski == null
        || !Arrays.equals(
            aki.getKeyIdentifier(),
            SubjectKeyIdentifier.getInstance(
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(ski).getOctets())
                .getKeyIdentifier())) {
      error(findings, "e_crl_aki_mismatch", "BR 7.1.2.11.1, RFC 5280 5.2.1",
          "authorityKeyIdentifier differs from the CA's subjectKeyIdentifier");
    }
  }

  /** BR 7.2.2.1: a partitioned CRL names its shard's URL, as its certificates do, byte for byte. */
  private static void checkIssuingDistributionPoint(
      Extensions extensions, Optional<String> partition, List<LintFinding> findings) {
    Extension extension = extensions.getExtension(Extension.issuingDistributionPoint);
    if (partition.isEmpty()) {
      if (extension != null) {
        warning(findings, "w_crl_idp_on_full_crl", "BR 7.2.2.1", "issuingDistributionPoint is NOT RECOMMENDED on a full CRL");
      }
      return;
    }
    if (extension == null) {
      error(findings, "e_crl_idp_missing_partitioned", "BR 7.2.2.1", "a partitioned CRL has no issuingDistributionPoint");
      return;
    }
    IssuingDistributionPoint idp = IssuingDistributionPoint.getInstance(extension.getParsedValue());
    DistributionPointName name = idp.getDistributionPoint();
    boolean fullName = name != null && name.getType() == DistributionPointName.FULL_NAME;
    GeneralName[] names = fullName ? GeneralNames.getInstance(name.getName()).getNames() : new GeneralName[0];
    if (!fullName) {
      error(findings, "e_crl_idp_no_full_name", "BR 7.2.2.1", "issuingDistributionPoint has no distributionPoint fullName");
    } else if (Arrays.stream(names).anyMatch(n -> n.getTagNo() != GeneralName.uniformResourceIdentifier)) {
      error(findings, "e_crl_idp_not_uri", "BR 7.2.2.1", "issuingDistributionPoint names something other than a URI");
    } else if (Arrays.stream(names).noneMatch(n -> n.getName().toString().equals(partition.get()))) {
      error(findings, "e_crl_idp_partition_mismatch", "BR 7.2.2.1",
          "issuingDistributionPoint does not name " + partition.get() + ", the URL its certificates name");
    }
    if (idp.isIndirectCRL() || idp.onlyContainsAttributeCerts()) {
      error(findings, "e_crl_idp_indirect_or_attribute", "BR 7.2.2.1, BR 7.2",
          "indirectCRL and onlyContainsAttributeCerts must not be asserted");
    }
    if (idp.onlyContainsUserCerts() && idp.onlyContainsCACerts()) {
      error(findings, "e_crl_idp_user_and_ca", "BR 7.2.2.1", "onlyContainsUserCerts and onlyContainsCACerts both asserted");
    }
    if (idp.getOnlySomeReasons() != null) {
      warning(findings, "w_crl_idp_only_some_reasons", "BR 7.2.2.1", "onlySomeReasons SHOULD NOT be included");
    }
  }

  private static void checkEntries(TBSCertList tbs, List<LintFinding> findings) {
    Instant thisUpdate = tbs.getThisUpdate().getDate().toInstant();
    Set<BigInteger> serials = new HashSet<>();
    for (TBSCertList.CRLEntry entry : tbs.getRevokedCertificates()) {
      BigInteger serial = entry.getUserCertificate().getValue();
      if (!serials.add(serial)) {
        error(findings, "e_crl_unique_revoked_certificate", "RFC 5280 5.1.2.6", "serial " + serial.toString(16) + " is listed twice");
      }
      if (entry.getRevocationDate().getDate().toInstant().isAfter(thisUpdate)) {
        error(findings, "e_crl_revocation_time_after_this_update", "RFC 5280 5.1.2.6",
            "serial " + serial.toString(16) + " is revoked after the CRL's thisUpdate");
      }
      Extensions extensions = entry.getExtensions();
      Extension reason = extensions == null ? null : extensions.getExtension(Extension.reasonCode);
      if (reason == null) {
        continue;
      }
      if (reason.isCritical()) {
        error(findings, "e_cab_crl_reason_code_not_critical", "BR 7.2.2", "serial " + serial.toString(16) + ": reasonCode is critical");
      }
      int code = ASN1Enumerated.getInstance(reason.getParsedValue()).intValueExact();
      if (code == 0) {
        error(findings, "e_crl_has_valid_reason_code", "BR 7.2.2, RFC 5280 5.3.1",
            "serial " + serial.toString(16) + ": unspecified is shown by leaving reasonCode out, not as 0");
      } else if (!PERMITTED_REASONS.contains(code)) {
        error(findings, "e_cab_crl_has_valid_reason_code", "BR 7.2.2, BR 4.9.13",
            "serial " + serial.toString(16) + ": reasonCode " + code + " is not one of 1, 3, 4, 5, 9");
      }
    }
  }

  static boolean hasErrors(List<LintFinding> findings) {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  private static void error(List<LintFinding> findings, String code, String citation, String message) {
    findings.add(new LintFinding(code, Severity.ERROR, citation, message));
  }

  private static void warning(List<LintFinding> findings, String code, String citation, String message) {
    findings.add(new LintFinding(code, Severity.WARNING, citation, message));
  }
}
