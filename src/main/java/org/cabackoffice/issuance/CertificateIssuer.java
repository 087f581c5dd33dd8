package org.cabackoffice.issuance;

import io.micrometer.core.instrument.Metrics;
import org.cabackoffice.digest.Sha256;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs subscriber certificates in the order written down in {@code package-info.java}: serial,
 * validity, TBS after the BR 7.1.2.7 profile, lint of the TBS signed with a throwaway key, the
 * signing record, and only then the CA's signature and storage.
 */
@Service
public class CertificateIssuer {

  private static final Logger log = LoggerFactory.getLogger(CertificateIssuer.class);

  private final CertificateAuthority authority;
  private final PreIssuanceLint lint;
  private final IssuedCertificateRepository certificates;
  private final CertificateSigningRepository signings;
  private final TransactionOperations transactions;
  private final Precertificates precertificates;
  private final CrlShards crlShards;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /**
   * Each step that must survive a later failure commits in a transaction of its own, whatever
   * transaction the caller's process step runs in.
   */
  @Autowired
  public CertificateIssuer(
      CertificateAuthority authority,
      PreIssuanceLint lint,
      IssuedCertificateRepository certificates,
      CertificateSigningRepository signings,
      PlatformTransactionManager transactionManager,
      Precertificates precertificates,
      CrlShards crlShards,
      Clock clock) {
    this(authority, lint, certificates, signings, requiresNew(transactionManager), precertificates, crlShards, clock);
  }

  private static TransactionOperations requiresNew(PlatformTransactionManager transactionManager) {
    TransactionTemplate template = new TransactionTemplate(transactionManager);
    template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return template;
  }

  CertificateIssuer(
      CertificateAuthority authority,
      PreIssuanceLint lint,
      IssuedCertificateRepository certificates,
      CertificateSigningRepository signings,
      TransactionOperations transactions,
      Clock clock) {
    this(authority, lint, certificates, signings, transactions, Precertificates.notLogged(), () -> 0, clock);
  }

  CertificateIssuer(
      CertificateAuthority authority,
      PreIssuanceLint lint,
      IssuedCertificateRepository certificates,
      CertificateSigningRepository signings,
      TransactionOperations transactions,
      Precertificates precertificates,
      CrlShards crlShards,
      Clock clock) {
    this.precertificates = precertificates;
    this.crlShards = crlShards;
    this.authority = authority;
    this.lint = lint;
    this.certificates = certificates;
    this.signings = signings;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Issues the certificate the request describes. The caller has completed validation, the second
   * officer's approval (EV Guidelines 5.2.4) and the CAA recheck (BR 3.2.2.8) before calling.
   *
   * <p>Issuing again for an application that already has a certificate returns that certificate.
   * Each step that must outlive a failure commits on its own: the {@link CertificateSigning}
   * record before the key signs, then the certificate with the record's outcome. A retried step
   * finds the certificate, or one that was signed but not stored, instead of signing a second
   * one that nobody would know about; a signing the system never finished (a crash) is marked
   * interrupted.
   *
   * @throws LintFailedException when pre-issuance lint finds an error; nothing is signed
   * @throws IllegalArgumentException when the request is incomplete or its key does not parse
   */
  public IssuedCertificate issue(IssuanceRequest request) {
    if (request.applicationId() != null || request.acmeOrderId() != null) {
      Optional<IssuedCertificate> earlier = transactions.execute(tx -> settleEarlierAttempts(request));
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    SubjectPublicKeyInfo subjectKey = subjectKey(request);
    String commonName = required(request.commonName(), "commonName").toLowerCase(Locale.ROOT);
    List<String> sanNames = sanNames(commonName, request.dnsNames());

    // 1. Serial: 128 CSPRNG bits, positive, below 2^159 (BR 7.1).
    BigInteger serial = CertificateSerial.random(random);
    String serialHex = CertificateSerial.hex(serial);
    // 2. Validity: notBefore now, lifetime by issuance date (SC-081), counted inclusively (BR 6.3.2).
    Instant notBefore = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant notAfter = CertificateLifetime.notAfter(notBefore);
    // 3. The CRL shard, fixed now because the certificate names it (BR 7.1.2.11.2); then the TBS
    // after the subscriber profile (BR 7.1.2.7).
    int crlShard = crlShards.assign();
    X509v3CertificateBuilder tbs =
        subscriberTbs(request, commonName, sanNames, subjectKey, serial, notBefore, notAfter, crlShard);
    // 3a. With Certificate Transparency on: precertificate linted, recorded, signed and logged;
    // the TBS then carries the verified SCT list in place of the poison (RFC 6962 3.1).
    precertificates.embedScts(request, serialHex, tbs);

    // 4. Lint the TBS signed with a throwaway key of the issuing key's type (BR 4.3.1.2).
    X509Certificate lintCertificate = authority.signForLint(tbs);
    List<LintFinding> findings =
        lint.check(lintCertificate, authority.issuingCertificate(), request.profile());
    if (PreIssuanceLint.hasErrors(findings)) {
      log.info(
          "Pre-issuance lint refused serial {} for application {}: {}",
          serialHex, request.applicationId(), findings);
      // Issue 12's metrics: Spring Boot's registry is part of Micrometer's global one.
      Metrics.counter("backoffice.lint.failures", "profile", String.valueOf(request.profile())).increment();
      throw new LintFailedException(findings);
    }

    // 5. Record before signing, committed on its own: from here on the serial is on record.
    String tbsSha256 = tbsSha256(lintCertificate);
    transactions.executeWithoutResult(
        tx ->
            signings.saveAndFlush(
                new CertificateSigning(serialHex, request.applicationId(), tbsSha256, clock.instant())
                    .answering(request.acmeOrderId())));
    // Logged once on record: a node killed between lint and record would otherwise leave a
    // serial in the log that certificate_signing never names (issue 13's kill -9 run).
    findings.forEach(f -> log.info("Lint finding for serial {}: {}", serialHex, f));

    // 6. Sign for real, and make sure what was signed is exactly what was linted.
    X509Certificate certificate;
    try {
      certificate = authority.sign(tbs);
      confirmSignedAsLinted(certificate, lintCertificate, authority);
    } catch (RuntimeException e) {
      transactions.executeWithoutResult(
          tx -> signing(serialHex).failed(String.valueOf(e.getMessage()), clock.instant()));
      throw e;
    }

    // 7. Store it with the record's outcome; delivery (CertificateDelivery) follows in the
    // caller's process step.
    String pem = CertificatePem.encode(certificate);
    IssuedCertificate issued;
    try {
      issued = transactions.execute(tx -> store(request, commonName, sanNames, certificate, pem, crlShard));
    } catch (RuntimeException e) {
      log.error(
          "Certificate serial {} for application {} was signed but could not be stored; it is kept"
              + " with its signing record for the retry to store",
          serialHex, request.applicationId(), e);
      transactions.executeWithoutResult(
          tx -> signing(serialHex).notStored(pem, String.valueOf(e.getMessage()), clock.instant()));
      throw e;
    }
    log.info(
        "Issued {} certificate serial {} for {} ({})",
        request.profile(), issued.serial(), sanNames, answering(request));
    Metrics.counter("backoffice.certificates.issued", "profile", String.valueOf(request.profile())).increment();
    return issued;
  }

  /**
   * What earlier attempts for the application (or the ACME order) left: its certificate, or one
   * signed but not stored (stored now), else nothing, after marking signings that never finished
   * as interrupted.
   */
  private Optional<IssuedCertificate> settleEarlierAttempts(IssuanceRequest request) {
    boolean order = request.applicationId() == null;
    String answering = answering(request);
    Optional<IssuedCertificate> existing = order
        ? certificates.findFirstByAcmeOrderId(request.acmeOrderId())
        : certificates.findFirstByApplicationId(request.applicationId());
    if (existing.isPresent()) {
      log.info("{} already has certificate serial {}; not signing again", answering, existing.get().serial());
      return existing;
    }
    List<CertificateSigning.State> open =
        List.of(CertificateSigning.State.STARTED, CertificateSigning.State.NOT_STORED);
    List<CertificateSigning> unfinished = order
        ? signings.findByAcmeOrderIdAndStateInOrderByIdAsc(request.acmeOrderId(), open)
        : signings.findByApplicationIdAndStateInOrderByIdAsc(request.applicationId(), open);
    for (CertificateSigning earlier : unfinished) {
      if (earlier.state() == CertificateSigning.State.NOT_STORED && earlier.certificatePem() != null) {
        X509Certificate certificate = CertificatePem.parse(earlier.certificatePem()).get(0);
        String commonName = required(request.commonName(), "commonName").toLowerCase(Locale.ROOT);
        log.info(
            "Storing certificate serial {} for {}, signed by an earlier attempt",
            earlier.serial(), answering);
        return Optional.of(
            store(
                request,
                commonName,
                sanNames(commonName, request.dnsNames()),
                certificate,
                earlier.certificatePem(),
                crlShardNamedIn(certificate)));
      }
      earlier.interrupted(INTERRUPTED, clock.instant());
      log.warn(
          "Signing of serial {} for {} never finished; marked interrupted",
          earlier.serial(), answering);
    }
    return Optional.empty();
  }

  private static String answering(IssuanceRequest request) {
    return request.applicationId() == null && request.acmeOrderId() != null
        ? "ACME order " + request.acmeOrderId()
        : "application " + request.applicationId();
  }

  static final String INTERRUPTED =
      "the system stopped while signing: whether the CA key signed is unknown; no certificate was"
          + " stored or delivered";

  private IssuedCertificate store(
      IssuanceRequest request,
      String commonName,
      List<String> sanNames,
      X509Certificate certificate,
      String pem,
      int crlShard) {
    String serialHex = CertificateSerial.hex(certificate.getSerialNumber());
    IssuedCertificate issued =
        certificates.saveAndFlush(
            new IssuedCertificate(
                serialHex,
                request.applicationId(),
                request.customerAccountId(),
                commonName,
                sanNames,
                CertificatePem.spkiSha256(certificate),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                clock.instant(),
                pem,
                false,
                crlShard)
                .answering(request.acmeOrderId()));
    signing(serialHex).issued(clock.instant());
    return issued;
  }

  private static final Pattern SHARD_URL =
      Pattern.compile(Pattern.quote(PublicationUrls.ISSUING_CA_CRLS) + "(\\d+)\\.crl$");

  /** The shard a certificate signed by an earlier attempt names in its CRL distribution point. */
  static int crlShardNamedIn(X509Certificate certificate) {
    byte[] extension = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
    if (extension != null) {
      CRLDistPoint points =
          CRLDistPoint.getInstance(ASN1OctetString.getInstance(extension).getOctets());
      for (DistributionPoint point : points.getDistributionPoints()) {
        if (point.getDistributionPoint() != null
            && point.getDistributionPoint().getName() instanceof GeneralNames names) {
          for (GeneralName name : names.getNames()) {
            Matcher shard = SHARD_URL.matcher(name.getName().toString());
            if (name.getTagNo() == GeneralName.uniformResourceIdentifier && shard.find()) {
              return Integer.parseInt(shard.group(1));
            }
          }
        }
      }
    }
    // Signed before certificates named a shard: listed with them on the first.
    return 0;
  }

  private CertificateSigning signing(String serialHex) {
    CertificateSigning signing =
        signings
            .findBySerial(serialHex)
            .orElseThrow(() -> new IllegalStateException("no signing record for serial " + serialHex));
    // Saved again for stores that do not track entities (the tests' in-memory one); JPA merges.
    return signings.saveAndFlush(signing);
  }

  private static String tbsSha256(X509Certificate linted) {
    try {
      return Sha256.hex(linted.getTBSCertificate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the TBS encoding is unavailable", e);
    }
  }

  private X509v3CertificateBuilder subscriberTbs(
      IssuanceRequest request,
      String commonName,
      List<String> sanNames,
      SubjectPublicKeyInfo subjectKey,
      BigInteger serial,
      Instant notBefore,
      Instant notAfter,
      int crlShard) {
    X509v3CertificateBuilder tbs =
        new X509v3CertificateBuilder(
            authority.issuerName(),
            serial,
            java.util.Date.from(notBefore),
            java.util.Date.from(notAfter),
            subject(request, commonName),
            subjectKey);
    boolean rsa = PKCSObjectIdentifiers.rsaEncryption.equals(subjectKey.getAlgorithm().getAlgorithm());
    GeneralName[] names =
        sanNames.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new);
    // BR 7.1.2.7.6 lists the extensions; criticality as in that table.
    CertificateAuthority.add(tbs, Extension.authorityKeyIdentifier, false, authority.authorityKeyIdentifier());
    CertificateAuthority.add(tbs, Extension.basicConstraints, true, new BasicConstraints(false));
    CertificateAuthority.add(
        tbs,
        Extension.keyUsage,
        true,
        new KeyUsage(rsa ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature));
    CertificateAuthority.add(tbs, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    CertificateAuthority.add(
        tbs,
        Extension.certificatePolicies,
        false,
        new CertificatePolicies(
            new PolicyInformation(new ASN1ObjectIdentifier(request.profile().policyOid()))));
    // BR 7.1.2.7.7: the OCSP responder (when offered) and the issuing CA's certificate, over HTTP.
    PublicationUrls urls = authority.publicationUrls();
    List<AccessDescription> access = new ArrayList<>();
    urls.ocsp()
        .ifPresent(
            ocsp ->
                access.add(
                    new AccessDescription(
                        AccessDescription.id_ad_ocsp,
                        new GeneralName(GeneralName.uniformResourceIdentifier, ocsp))));
    access.add(
        new AccessDescription(
            AccessDescription.id_ad_caIssuers,
            new GeneralName(GeneralName.uniformResourceIdentifier, urls.caIssuers())));
    CertificateAuthority.add(
        tbs,
        Extension.authorityInfoAccess,
        false,
        new AuthorityInformationAccess(access.toArray(AccessDescription[]::new)));
    // BR 7.1.2.11.2 (SC-063): the shard's CRL, over HTTP.
    CertificateAuthority.add(
        tbs, Extension.cRLDistributionPoints, false, CertificateAuthority.distributionPoints(urls.crl(crlShard)));
    CertificateAuthority.add(tbs, Extension.subjectAlternativeName, false, new GeneralNames(names));
    return tbs;
  }

  /**
   * Subject after BR 7.1.2.7.4 (OV) and EV Guidelines 7.1.4.2, encoded in the relative order of
   * BR 7.1.4.2 (C, ST, L, O, CN); countryName and serialNumber as PrintableString, the rest
   * UTF8String (BR 7.1.4.1 and RFC 5280 4.1.2.4).
   */
  private static X500Name subject(IssuanceRequest request, String commonName) {
    X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
    if (request.ev() != null) {
      IssuanceRequest.EvSubject ev = request.ev();
      optional(name, BCStyle.JURISDICTION_C, printable(ev.jurisdictionCountry()));
      optional(name, BCStyle.JURISDICTION_ST, utf8(ev.jurisdictionStateOrProvince()));
      optional(name, BCStyle.JURISDICTION_L, utf8(ev.jurisdictionLocality()));
      optional(name, BCStyle.BUSINESS_CATEGORY, utf8(ev.businessCategory()));
      optional(name, BCStyle.SERIALNUMBER, printable(ev.registrationNumber()));
    }
    String country = required(request.country(), "country").toUpperCase(Locale.ROOT);
    if (!country.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code: " + country);
    }
    name.addRDN(BCStyle.C, new DERPrintableString(country));
    optional(name, BCStyle.ST, utf8(request.stateOrProvince()));
    optional(name, BCStyle.L, utf8(request.locality()));
    name.addRDN(BCStyle.O, new DERUTF8String(required(request.organization(), "organization")));
    name.addRDN(BCStyle.CN, new DERUTF8String(commonName));
    return name.build();
  }

  /** The SAN carries every name, the CN first (BR 7.1.2.7.12; the CN must be one of them). */
  private static List<String> sanNames(String commonName, List<String> dnsNames) {
    Set<String> names = new LinkedHashSet<>();
    names.add(commonName);
    for (String name : dnsNames) {
      names.add(required(name, "dnsNames entry").toLowerCase(Locale.ROOT));
    }
    return List.copyOf(names);
  }

  private static SubjectPublicKeyInfo subjectKey(IssuanceRequest request) {
    if (request.profile() == null) {
      throw new IllegalArgumentException("no certificate profile (OV or EV) given");
    }
    byte[] der = request.subjectPublicKeyInfo();
    if (der == null || der.length == 0) {
      throw new IllegalArgumentException("no subject public key given");
    }
    SubjectPublicKeyInfo spki;
    try {
      spki = SubjectPublicKeyInfo.getInstance(der);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the subject public key is not a DER SubjectPublicKeyInfo", e);
    }
    ASN1ObjectIdentifier algorithm = spki.getAlgorithm().getAlgorithm();
    String keyType;
    if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
      keyType = "RSA";
    } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
      keyType = "EC";
    } else {
      throw new IllegalArgumentException(
          "subject key algorithm " + algorithm + " is neither RSA nor EC (BR 6.1.5)");
    }
    try {
      // Parsing proves the key is well formed (an EC point on its curve); size is lint's concern.
      KeyFactory.getInstance(keyType).generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the subject " + keyType + " key does not parse: " + e.getMessage(), e);
    }
    return spki;
  }

  /** Boulder's check: the signature is the only difference from the linted certificate. */
  static void confirmSignedAsLinted(
      X509Certificate certificate, X509Certificate linted, CertificateAuthority authority) {
    try {
      if (!Arrays.equals(certificate.getTBSCertificate(), linted.getTBSCertificate())) {
        throw new IllegalStateException("the signed TBS differs from the linted one; certificate discarded");
      }
      // A signature that does not verify (a faulty HSM) must never reach a customer.
      if (!authority.signedByIssuingKey(certificate)) {
        throw new IllegalStateException("the signed certificate does not verify under the issuing CA's key");
      }
      // The TBS is the linted one; the outer signatureAlgorithm is the real signer's, so BR
      // 7.1.3.2 (the permitted encodings, no SHA-1) is checked again on what was signed. An
      // error is the CA's own doing: the certificate is discarded and the job becomes an incident.
      List<LintFinding> algorithm = PreIssuanceLint.checkSignedCertificate(certificate, authority.issuingCertificate());
      if (PreIssuanceLint.hasErrors(algorithm)) {
        throw new IllegalStateException(
            "the signed certificate's signature algorithm fails pre-issuance lint " + algorithm
                + "; certificate discarded");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the signed certificate does not verify: " + e.getMessage(), e);
    }
  }

  private static void optional(X500NameBuilder name, ASN1ObjectIdentifier type, ASN1Encodable value) {
    if (value != null) {
      name.addRDN(type, value);
    }
  }

  private static ASN1Encodable utf8(String value) {
    return value == null || value.isBlank() ? null : new DERUTF8String(value.strip());
  }

  private static ASN1Encodable printable(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!DERPrintableString.isPrintableString(value.strip())) {
      throw new IllegalArgumentException("'" + value + "' is not a PrintableString");
    }
    return new DERPrintableString(value.strip());
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value.strip();
  }
}
