package org.cabackoffice.issuance;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.cabackoffice.issuance.LintFinding.Severity;
import org.springframework.stereotype.Component;

/**
 * Checks a to-be-signed subscriber certificate against the Baseline Requirements before the CA's
 * key touches it (BR 4.3.1.2, mandatory since 2025-03-15). The candidate is the TBS signed with a
 * throwaway key, so everything but the signature value is what would be issued. Each check
 * carries the rule it enforces; any {@link Severity#ERROR} stops issuance.
 */
@Component
public class PreIssuanceLint {

  // RFC 1034 3.5 preferred name syntax as BR 7.1.2.7.12 requires, with a wildcard only as the
  // whole leftmost label (BR 1.6.1 "Wildcard Domain Name").
  private static final Pattern DNS_NAME =
      Pattern.compile(
          "^(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$");
  private static final String SERVER_AUTH = KeyPurposeId.id_kp_serverAuth.getId();
  private static final BigInteger SERIAL_LIMIT = BigInteger.TWO.pow(159);
  private static final ASN1ObjectIdentifier JURISDICTION_COUNTRY = BCStyle.JURISDICTION_C;
  /**
   * Upper bounds of subject attributes, in characters: RFC 5280 Appendix A (ub-common-name 64,
   * ub-organization-name 64, ub-organizational-unit-name 64, ub-locality-name 128,
   * ub-state-name 128, ub-serial-number 64, ub-postal-code 16) and BR 7.1.4.2's table for the
   * rest (streetAddress, businessCategory and the EV jurisdiction names 128, the country codes 2);
   * where the two differ (postalCode: BR 40), the lower bound.
   */
  private static final Map<ASN1ObjectIdentifier, Integer> SUBJECT_UPPER_BOUNDS =
      Map.ofEntries(
          Map.entry(BCStyle.C, 2),
          Map.entry(BCStyle.ST, 128),
          Map.entry(BCStyle.L, 128),
          Map.entry(BCStyle.POSTAL_CODE, 16),
          Map.entry(BCStyle.STREET, 128),
          Map.entry(BCStyle.O, 64),
          Map.entry(BCStyle.SURNAME, 64),
          Map.entry(BCStyle.GIVENNAME, 64),
          Map.entry(BCStyle.OU, 64),
          Map.entry(BCStyle.CN, 64),
          Map.entry(BCStyle.BUSINESS_CATEGORY, 128),
          Map.entry(BCStyle.JURISDICTION_C, 2),
          Map.entry(BCStyle.JURISDICTION_ST, 128),
          Map.entry(BCStyle.JURISDICTION_L, 128),
          Map.entry(BCStyle.SERIALNUMBER, 64));

  /** ISO 3166-1 alpha-2 as the JDK knows it, and BR 7.1.2.7.4's user-assigned XX. */
  private static final Set<String> COUNTRY_CODES = countryCodes();

  private static final Set<String> RESERVED_POLICIES =
      Arrays.stream(CertificateProfile.values())
          .map(CertificateProfile::policyOid)
          .collect(Collectors.toSet());

  /** Lints {@code candidate} as a certificate of {@code profile} issued by {@code issuer}. */
  public List<LintFinding> check(
      X509Certificate candidate, X509Certificate issuer, CertificateProfile profile) {
    List<LintFinding> findings = new ArrayList<>();
    X509CertificateHolder holder = holder(candidate);
    Extensions extensions = holder.getExtensions();
    if (candidate.getVersion() != 3) {
      error(findings, "e_not_v3", "RFC 5280 4.1.2.1", "the certificate is not version 3");
    }
    checkSignatureAlgorithm(holder, issuer, findings);
    checkSubjectAttributes(holder.getSubject(), findings);
    checkExtensionsUnique(tbsOf(candidate), findings);
    if (extensions == null) {
      error(findings, "e_no_extensions", "BR 7.1.2.7.6", "the certificate has no extensions");
      return findings;
    }
    checkValidity(candidate, findings);
    checkSerial(candidate.getSerialNumber(), findings);
    checkIssuer(candidate, issuer, extensions, findings);
    checkNames(candidate, holder.getSubject(), profile, findings);
    checkBasicConstraints(candidate, findings);
    checkExtendedKeyUsage(candidate, findings);
    SubjectPublicKeyInfo spki = holder.getSubjectPublicKeyInfo();
    boolean rsa = checkSubjectKey(candidate, spki, findings);
    checkKeyUsage(candidate, rsa, findings);
    checkPolicies(extensions, profile, findings);
    checkAuthorityInformationAccess(extensions, findings);
    checkCrlDistributionPoints(extensions, findings);
    return findings;
  }

  /**
   * BR 7.1.3.2 on a certificate the CA's key has signed: its {@code signatureAlgorithm} and its
   * TBS's {@code signature} are one permitted encoding, the issuing key's. The linted TBS carries
   * the throwaway key's identifier; the signer of the real certificate (an HSM's) supplies its own
   * outer one, so the issuer checks that too before the certificate leaves.
   */
  public static List<LintFinding> checkSignedCertificate(X509Certificate certificate, X509Certificate issuer) {
    List<LintFinding> findings = new ArrayList<>();
    checkSignatureAlgorithm(holder(certificate), issuer, findings);
    return findings;
  }

  private static void checkSignatureAlgorithm(
      X509CertificateHolder holder, X509Certificate issuer, List<LintFinding> findings) {
    String outer = SignatureAlgorithmEncodings.hex(holder.toASN1Structure().getSignatureAlgorithm());
    String inner = SignatureAlgorithmEncodings.hex(holder.toASN1Structure().getTBSCertificate().getSignature());
    if (!outer.equals(inner)) {
      error(findings, "e_cert_sig_alg_not_match_tbs_sig_alg", "RFC 5280 4.1.1.2, BR 7.1.3.2",
          "signatureAlgorithm " + outer + " is not byte for byte the TBS signature field " + inner);
    }
    Optional<String> expected = SignatureAlgorithmEncodings.expectedFor(issuer.getPublicKey());
    for (String encoding : outer.equals(inner) ? List.of(inner) : List.of(inner, outer)) {
      if (!SignatureAlgorithmEncodings.permitted(encoding)) {
        error(findings, "e_signature_algorithm_not_supported", "BR 7.1.3.2, ballot SC-097",
            "signature algorithm " + encoding + " is none of the encodings BR 7.1.3.2 permits (no SHA-1)");
      } else if (!SignatureAlgorithmEncodings.permittedFor(issuer.getPublicKey(), encoding)) {
        error(findings, "e_signature_algorithm_not_for_issuing_key", "BR 7.1.3.2.2",
            "signature algorithm " + encoding + " is not the one the issuing CA's "
                + issuer.getPublicKey().getAlgorithm() + " key signs with"
                + expected.map(e -> " (" + e + ")").orElse(""));
      }
    }
  }

  /**
   * The subject as it will be signed: each country code (countryName, jurisdictionCountryName)
   * an ISO 3166-1 alpha-2 code in upper case or XX, as a PrintableString (BR 7.1.2.7.4, 7.1.4.2);
   * each attribute within its upper bound (RFC 5280 Appendix A, BR 7.1.4.2).
   */
  private static void checkSubjectAttributes(X500Name subject, List<LintFinding> findings) {
    for (RDN rdn : subject.getRDNs()) {
      for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
        ASN1ObjectIdentifier type = attribute.getType();
        String name = BCStyle.INSTANCE.oidToDisplayName(type);
        String value =
            attribute.getValue() instanceof ASN1String text
                ? text.getString()
                : IETFUtils.valueToString(attribute.getValue());
        if (type.equals(BCStyle.C) || type.equals(JURISDICTION_COUNTRY)) {
          if (!COUNTRY_CODES.contains(value)) {
            error(findings, "e_subject_country_not_iso", "BR 7.1.2.7.4, BR 7.1.4.2, ISO 3166-1",
                name + " '" + value + "' is not an ISO 3166-1 alpha-2 code in upper case (or XX)");
          }
          if (!(attribute.getValue() instanceof DERPrintableString)) {
            error(findings, "e_subject_country_not_printable_string", "BR 7.1.4.2, RFC 5280 Appendix A",
                name + " is not encoded as a PrintableString");
          }
        }
        Integer bound = SUBJECT_UPPER_BOUNDS.get(type);
        if (bound != null && value.codePointCount(0, value.length()) > bound) {
          error(findings, "e_subject_attribute_too_long", "RFC 5280 Appendix A, BR 7.1.4.2",
              name + " has " + value.codePointCount(0, value.length()) + " characters, more than its upper bound "
                  + bound);
        }
      }
    }
  }

  /**
   * RFC 5280 4.2: "A certificate MUST NOT include more than one instance of a particular
   * extension." Read from the TBS's DER: Bouncy Castle's builder refuses to add an extension twice
   * and the JDK's parser refuses such a certificate, so a repeat cannot reach the other checks; this
   * one holds even where those would not.
   */
  static void checkExtensionsUnique(byte[] tbsCertificate, List<LintFinding> findings) {
    ASN1Sequence tbs = ASN1Sequence.getInstance(tbsCertificate);
    Set<ASN1ObjectIdentifier> seen = new java.util.HashSet<>();
    for (ASN1Encodable field : tbs) {
      if (field instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 3) {
        for (ASN1Encodable extension : ASN1Sequence.getInstance(tagged.getExplicitBaseObject())) {
          ASN1ObjectIdentifier oid = ASN1ObjectIdentifier.getInstance(ASN1Sequence.getInstance(extension).getObjectAt(0));
          if (!seen.add(oid)) {
            error(findings, "e_ext_duplicate_extension", "RFC 5280 4.2, BR 7.1.2.7.6",
                "the extension " + oid + " appears more than once");
          }
        }
      }
    }
  }

  private static byte[] tbsOf(X509Certificate candidate) {
    try {
      return candidate.getTBSCertificate();
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the candidate's TBS does not encode", e);
    }
  }

  private static Set<String> countryCodes() {
    Set<String> codes = new java.util.HashSet<>(Arrays.asList(Locale.getISOCountries()));
    codes.add("XX");
    return Set.copyOf(codes);
  }

  public static boolean hasErrors(List<LintFinding> findings) {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  private static void checkValidity(X509Certificate candidate, List<LintFinding> findings) {
    Instant notBefore = candidate.getNotBefore().toInstant();
    Instant notAfter = candidate.getNotAfter().toInstant();
    if (!notAfter.isAfter(notBefore)) {
      error(findings, "e_validity_not_positive", "RFC 5280 4.1.2.5", "notAfter is not after notBefore");
      return;
    }
    // SC-081: the limit depends on the issuance date; BR 6.3.2 counts both ends inclusively.
    Duration period = CertificateLifetime.validityPeriod(notBefore, notAfter);
    Duration limit = CertificateLifetime.maximumValidity(notBefore);
    if (period.compareTo(limit) > 0) {
      error(
          findings,
          "e_validity_too_long",
          "BR 6.3.2, ballot SC-081",
          "validity of " + period.toSeconds() + " s exceeds " + limit.toDays() + " days ("
              + limit.toSeconds() + " s) for certificates issued " + notBefore);
    }
  }

  private static void checkSerial(BigInteger serial, List<LintFinding> findings) {
    if (serial.signum() <= 0) {
      error(findings, "e_serial_not_positive", "BR 7.1, RFC 5280 4.1.2.2", "serial " + serial + " is not positive");
    } else if (serial.compareTo(SERIAL_LIMIT) >= 0) {
      error(findings, "e_serial_too_large", "BR 7.1", "serial is not below 2^159");
    } else if (serial.bitLength() < 64) {
      // 64 bits of CSPRNG output leave a serial shorter than 64 bits only with chance 2^-64.
      error(findings, "e_serial_low_entropy", "BR 7.1", "serial has fewer than 64 significant bits");
    }
  }

  private static void checkIssuer(
      X509Certificate candidate, X509Certificate issuer, Extensions extensions, List<LintFinding> findings) {
    if (!Arrays.equals(
        candidate.getIssuerX500Principal().getEncoded(), issuer.getSubjectX500Principal().getEncoded())) {
      error(
          findings,
          "e_issuer_dn_mismatch",
          "BR 7.1.4.1, RFC 5280 4.1.2.4",
          "issuer " + candidate.getIssuerX500Principal() + " is not byte-for-byte the issuing CA's subject "
              + issuer.getSubjectX500Principal());
    }
    AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(extensions);
    if (aki == null || aki.getKeyIdentifier() == null) {
      error(findings, "e_aki_missing", "BR 7.1.2.11.1", "no authorityKeyIdentifier keyIdentifier");
      return;
    }
    if (aki.getAuthorityCertIssuer() != null || aki.getAuthorityCertSerialNumber() != null) {
      error(findings, "e_aki_issuer_serial", "BR 7.1.2.11.1", "authorityKeyIdentifier must hold the keyIdentifier only");
    }
    if (!Arrays.equals(aki.getKeyIdentifier(), CertificateAuthority.subjectKeyIdentifier(issuer))) {
      error(findings, "e_aki_mismatch", "BR 7.1.2.11.1, RFC 5280 4.2.1.1", "authorityKeyIdentifier differs from the issuing CA's subjectKeyIdentifier");
    }
  }

  private static void checkNames(
      X509Certificate candidate, X500Name subject, CertificateProfile profile, List<LintFinding> findings) {
    List<String> dnsNames = new ArrayList<>();
    Collection<List<?>> sans;
    try {
      sans = candidate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      error(findings, "e_san_unparsable", "BR 7.1.2.7.12", "subjectAltName does not parse: " + e.getMessage());
      return;
    }
    if (sans == null || sans.isEmpty()) {
      error(findings, "e_san_missing", "BR 7.1.2.7.12", "no subjectAltName");
    } else {
      for (List<?> san : sans) {
        if (Integer.valueOf(2).equals(san.get(0))) {
          String name = (String) san.get(1);
          dnsNames.add(name.toLowerCase(Locale.ROOT));
          if (profile == CertificateProfile.EV && name.startsWith("*.")) {
            error(findings, "e_ev_not_wildcard", "EV Guidelines 7.1.2.1", "'" + name + "' is a wildcard in an EV certificate");
          }
          if (name.length() > 253 || !DNS_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
            error(findings, "e_san_dns_name_invalid", "BR 7.1.2.7.12", "'" + name + "' is not a fully-qualified domain name in preferred name syntax");
          }
        } else {
          error(findings, "e_san_unexpected_type", "BR 7.1.2.7.12", "subjectAltName entry of type " + san.get(0) + " where only dNSName is issued");
        }
      }
    }
    for (String cn : values(subject, BCStyle.CN)) {
      if (!dnsNames.contains(cn.toLowerCase(Locale.ROOT))) {
        error(findings, "e_cn_not_in_san", "BR 7.1.2.7.2, BR 7.1.4.3", "commonName '" + cn + "' is not among the subjectAltName dNSNames");
      }
    }
    // BR 7.1.2.7.4 (OV) and the EV Guidelines 7.1.4.2 say which subject attributes must appear.
    if (values(subject, BCStyle.O).isEmpty() || values(subject, BCStyle.C).isEmpty()) {
      error(findings, "e_subject_org_incomplete", "BR 7.1.2.7.4", "an organization-validated subject needs organizationName and countryName");
    }
    if (values(subject, BCStyle.L).isEmpty() && values(subject, BCStyle.ST).isEmpty()) {
      error(findings, "e_subject_locality_missing", "BR 7.1.2.7.4", "an organization-validated subject needs localityName or stateOrProvinceName");
    }
    if (profile == CertificateProfile.EV
        && (values(subject, BCStyle.BUSINESS_CATEGORY).isEmpty()
            || values(subject, JURISDICTION_COUNTRY).isEmpty()
            || values(subject, BCStyle.SERIALNUMBER).isEmpty())) {
      error(findings, "e_ev_subject_incomplete", "EV Guidelines 7.1.4.2", "an EV subject needs businessCategory, jurisdictionCountryName and serialNumber");
    }
  }

  private static void checkBasicConstraints(X509Certificate candidate, List<LintFinding> findings) {
    if (candidate.getBasicConstraints() != -1) {
      error(findings, "e_ca_flag_set", "BR 7.1.2.7.8", "a subscriber certificate must not be a CA (basicConstraints cA=TRUE)");
    }
  }

  private static void checkExtendedKeyUsage(X509Certificate candidate, List<LintFinding> findings) {
    List<String> eku;
    try {
      eku = candidate.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      eku = null;
    }
    if (eku == null || !eku.equals(List.of(SERVER_AUTH))) {
      error(findings, "e_eku_not_server_auth_only", "BR 7.1.2.7.10", "extKeyUsage must be exactly serverAuth, found " + eku);
    }
  }

  /** Returns whether the key is RSA; records findings about weak or unsupported keys. */
  private static boolean checkSubjectKey(
      X509Certificate candidate, SubjectPublicKeyInfo spki, List<LintFinding> findings) {
    ASN1ObjectIdentifier algorithm = spki.getAlgorithm().getAlgorithm();
    if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
      RSAPublicKey rsa = (RSAPublicKey) candidate.getPublicKey();
      int bits = rsa.getModulus().bitLength();
      // BR 6.1.5: modulus at least 2048 bits and divisible by 8; BR 6.1.6: odd exponent > 2.
      if (bits < 2048 || bits % 8 != 0) {
        error(findings, "e_rsa_modulus_size", "BR 6.1.5", "RSA modulus of " + bits + " bits (at least 2048, divisible by 8)");
      }
      BigInteger e = rsa.getPublicExponent();
      if (!e.testBit(0) || e.compareTo(BigInteger.valueOf(3)) < 0) {
        error(findings, "e_rsa_exponent", "BR 6.1.6", "RSA public exponent must be odd and at least 3");
      }
      ASN1Primitive parameters =
          spki.getAlgorithm().getParameters() == null ? null : spki.getAlgorithm().getParameters().toASN1Primitive();
      if (!DERNull.INSTANCE.equals(parameters)) {
        error(findings, "e_rsa_spki_parameters", "BR 7.1.3.1.1", "rsaEncryption parameters must be NULL");
      }
      return true;
    }
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
      Object curve = spki.getAlgorithm().getParameters();
      // BR 6.1.5 and 7.1.3.1.2: P-256, P-384 (or P-521, which this CA does not issue) as a named curve.
      if (!(X9ObjectIdentifiers.prime256v1.equals(curve) || SECObjectIdentifiers.secp384r1.equals(curve))) {
        error(findings, "e_ec_curve_unsupported", "BR 6.1.5, BR 7.1.3.1.2", "EC key on " + curve + " (only named P-256 or P-384)");
      }
      return false;
    }
    error(findings, "e_subject_key_unsupported", "BR 6.1.5", "subject key algorithm " + algorithm + " is neither RSA nor EC");
    return false;
  }

  private static void checkKeyUsage(X509Certificate candidate, boolean rsa, List<LintFinding> findings) {
    boolean[] usage = candidate.getKeyUsage();
    if (usage == null) {
      error(findings, "e_key_usage_missing", "BR 7.1.2.7.11", "no keyUsage");
      return;
    }
    if (candidate.getCriticalExtensionOIDs() == null
        || !candidate.getCriticalExtensionOIDs().contains(Extension.keyUsage.getId())) {
      warning(findings, "w_key_usage_not_critical", "BR 7.1.2.7.6", "keyUsage should be critical");
    }
    // Bits: 0 digitalSignature, 2 keyEncipherment, 4 keyAgreement; BR 7.1.2.7.11 permits only
    // digitalSignature + keyEncipherment for RSA, digitalSignature + keyAgreement for ECC.
    Set<Integer> permitted = rsa ? Set.of(0, 2) : Set.of(0, 4);
    if (!usage[0]) {
      error(findings, "e_key_usage_no_digital_signature", "BR 7.1.2.7.11", "keyUsage lacks digitalSignature");
    }
    for (int bit = 0; bit < usage.length; bit++) {
      if (usage[bit] && !permitted.contains(bit)) {
        error(findings, "e_key_usage_not_permitted", "BR 7.1.2.7.11", "keyUsage bit " + bit + " is not permitted for an " + (rsa ? "RSA" : "EC") + " key");
      }
    }
  }

  private static void checkPolicies(
      Extensions extensions, CertificateProfile profile, List<LintFinding> findings) {
    CertificatePolicies policies = CertificatePolicies.fromExtensions(extensions);
    if (policies == null) {
      error(findings, "e_policies_missing", "BR 7.1.2.7.9", "no certificatePolicies");
      return;
    }
    List<String> oids =
        Arrays.stream(policies.getPolicyInformation())
            .map(PolicyInformation::getPolicyIdentifier)
            .map(ASN1ObjectIdentifier::getId)
            .toList();
    if (!oids.contains(profile.policyOid())) {
      error(findings, "e_policy_oid_missing", "BR 7.1.6.1", profile + " certificate lacks policy " + profile.policyOid());
    }
    for (String oid : oids) {
      if (RESERVED_POLICIES.contains(oid) && !oid.equals(profile.policyOid())) {
        error(findings, "e_policy_oid_conflict", "BR 7.1.6.1", profile + " certificate asserts the reserved policy " + oid + " of another validation type");
      }
    }
  }

  private static void checkAuthorityInformationAccess(Extensions extensions, List<LintFinding> findings) {
    AuthorityInformationAccess aia = AuthorityInformationAccess.fromExtensions(extensions);
    boolean caIssuers =
        aia != null
            && Arrays.stream(aia.getAccessDescriptions())
                .map(AccessDescription::getAccessMethod)
                .anyMatch(AccessDescription.id_ad_caIssuers::equals);
    if (!caIssuers) {
      warning(findings, "w_aia_ca_issuers_missing", "BR 7.1.2.7.7", "no authorityInformationAccess caIssuers URL");
    }
    if (aia != null) {
      for (AccessDescription access : aia.getAccessDescriptions()) {
        if (!httpUri(access.getAccessLocation())) {
          error(findings, "e_aia_not_http", "BR 7.1.2.7.7", "an authorityInformationAccess location is no http:// URI: " + access.getAccessLocation());
        }
      }
    }
  }

  /**
   * BR 7.1.2.11.2: each distribution point is an http:// URI, without reasons or cRLIssuer; and a
   * certificate without an OCSP URL must name its CRL (ballot SC-063).
   */
  private static void checkCrlDistributionPoints(Extensions extensions, List<LintFinding> findings) {
    CRLDistPoint points = CRLDistPoint.fromExtensions(extensions);
    if (points == null) {
      AuthorityInformationAccess aia = AuthorityInformationAccess.fromExtensions(extensions);
      boolean ocsp =
          aia != null
              && Arrays.stream(aia.getAccessDescriptions())
                  .map(AccessDescription::getAccessMethod)
                  .anyMatch(AccessDescription.id_ad_ocsp::equals);
      if (!ocsp) {
        error(findings, "e_crl_dp_missing", "BR 7.1.2.11.2, ballot SC-063", "neither a CRL distribution point nor an OCSP URL");
      }
      return;
    }
    for (DistributionPoint point : points.getDistributionPoints()) {
      boolean http =
          point.getDistributionPoint() != null
              && point.getDistributionPoint().getName() instanceof GeneralNames names
              && names.getNames().length > 0
              && Arrays.stream(names.getNames()).allMatch(PreIssuanceLint::httpUri);
      if (!http || point.getReasons() != null || point.getCRLIssuer() != null) {
        error(findings, "e_crl_dp_not_http", "BR 7.1.2.11.2", "a CRL distribution point is not a plain http:// URI without reasons or cRLIssuer");
      }
    }
  }

  private static boolean httpUri(GeneralName name) {
    return name.getTagNo() == GeneralName.uniformResourceIdentifier
        && name.getName().toString().startsWith("http://");
  }

  /** The string values of every attribute of that type in the name. */
  static List<String> values(X500Name name, ASN1ObjectIdentifier type) {
    List<String> values = new ArrayList<>();
    for (RDN rdn : name.getRDNs(type)) {
      for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
        if (value.getType().equals(type)) {
          values.add(
              value.getValue() instanceof ASN1String text
                  ? text.getString()
                  : IETFUtils.valueToString(value.getValue()));
        }
      }
    }
    return values;
  }

  private static X509CertificateHolder holder(X509Certificate candidate) {
    try {
      return new X509CertificateHolder(candidate.getEncoded());
    } catch (CertificateEncodingException | IOException e) {
      throw new IllegalArgumentException("the candidate certificate does not encode", e);
    }
  }

  private static void error(List<LintFinding> findings, String code, String citation, String message) {
    findings.add(new LintFinding(code, Severity.ERROR, citation, message));
  }

  private static void warning(List<LintFinding> findings, String code, String citation, String message) {
    findings.add(new LintFinding(code, Severity.WARNING, citation, message));
  }
}
