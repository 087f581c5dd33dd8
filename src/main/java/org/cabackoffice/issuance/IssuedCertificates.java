package org.cabackoffice.issuance;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The certificates the CA has issued or imported, by serial. */
@Service
public class IssuedCertificates {

  private static final Logger log = LoggerFactory.getLogger(IssuedCertificates.class);

  private final IssuedCertificateRepository certificates;

  public IssuedCertificates(IssuedCertificateRepository certificates) {
    this.certificates = certificates;
  }

  /**
   * Finds a certificate by serial as people write it: upper or lower case, with or without colons.
   *
   * @throws IllegalArgumentException when the text is not a hexadecimal serial
   */
  @Transactional(readOnly = true)
  public Optional<IssuedCertificate> findBySerial(String serialHex) {
    return certificates.findBySerial(CertificateSerial.normalize(serialHex));
  }

  /** Certificates whose notAfter lies in [from, to), soonest first. */
  @Transactional(readOnly = true)
  public List<IssuedCertificate> expiringBetween(Instant from, Instant to) {
    return certificates.findByNotAfterGreaterThanEqualAndNotAfterLessThanOrderByNotAfterAsc(from, to);
  }

  /** Every certificate issued for or imported with the key, oldest first. */
  @Transactional(readOnly = true)
  public List<IssuedCertificate> withKey(String spkiSha256) {
    return certificates.findBySpkiSha256OrderByIdAsc(spkiSha256);
  }

  /** The serial of the certificate issued for the application, once it is. */
  @Transactional(readOnly = true)
  public Optional<String> serialIssuedFor(long applicationId) {
    return Optional.ofNullable(serialsIssuedFor(List.of(applicationId)).get(applicationId));
  }

  /**
   * The serial issued for each of these applications that has one, read as two columns, a
   * thousand applications a query: officers' forms list every other application for a common
   * name, and reading each certificate whole (its PEM, its names) was a sixth of the node's CPU in
   * the load benchmark.
   */
  @Transactional(readOnly = true)
  public java.util.Map<Long, String> serialsIssuedFor(java.util.Collection<Long> applicationIds) {
    java.util.Map<Long, String> serials = new java.util.HashMap<>();
    List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(applicationIds));
    for (int from = 0; from < ids.size(); from += 1000) {
      for (Object[] row : certificates.serialsOfApplications(ids.subList(from, Math.min(ids.size(), from + 1000)))) {
        serials.putIfAbsent(((Number) row[0]).longValue(), (String) row[1]);
      }
    }
    return serials;
  }

  /**
   * Records a certificate issued by the CA's previous system, so renewals (guide [1]: same CN,
   * window counted from its issuance) find it. Its signature cannot be checked here: the previous
   * system's CA certificates are not configured, so the administrator's role vouches for it.
   *
   * @throws IllegalArgumentException when the text is not exactly one end-entity certificate
   * @throws CertificateAlreadyRecordedException when its serial is already recorded
   */
  @Transactional
  public IssuedCertificate importFromPreviousSystem(String pem, long customerAccountId) {
    List<X509Certificate> parsed = CertificatePem.parse(pem);
    if (parsed.size() != 1) {
      throw new IllegalArgumentException(
          "expected one server certificate, found " + parsed.size() + " (leave out the chain)");
    }
    X509Certificate certificate = parsed.get(0);
    if (certificate.getBasicConstraints() != -1) {
      throw new IllegalArgumentException("this is a CA certificate, not a server certificate");
    }
    if (certificate.getSerialNumber().signum() <= 0) {
      throw new IllegalArgumentException("the certificate's serial is not positive (RFC 5280 4.1.2.2)");
    }
    String serial = CertificateSerial.hex(certificate.getSerialNumber());
    if (certificates.existsBySerial(serial)) {
      throw new CertificateAlreadyRecordedException(serial);
    }
    IssuedCertificate imported =
        new IssuedCertificate(
            serial,
            null,
            customerAccountId,
            commonName(certificate),
            dnsNames(certificate),
            CertificatePem.spkiSha256(certificate),
            certificate.getNotBefore().toInstant(),
            certificate.getNotAfter().toInstant(),
            certificate.getNotBefore().toInstant(),
            CertificatePem.encode(certificate),
            true,
            null);
    try {
      imported = certificates.saveAndFlush(imported);
    } catch (DataIntegrityViolationException e) {
      // Two imports of the same certificate at once: the unique serial decides.
      throw new CertificateAlreadyRecordedException(serial);
    }
    log.info("Imported certificate serial {} for customer account {}", serial, customerAccountId);
    return imported;
  }

  private static String commonName(X509Certificate certificate) {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    List<String> names = PreIssuanceLint.values(subject, BCStyle.CN);
    return names.isEmpty() ? null : names.get(0).toLowerCase(Locale.ROOT);
  }

  private static List<String> dnsNames(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          if (Integer.valueOf(2).equals(san.get(0))) {
            names.add(((String) san.get(1)).toLowerCase(Locale.ROOT));
          }
        }
      }
    } catch (java.security.cert.CertificateParsingException e) {
      throw new IllegalArgumentException(
          "the certificate's subjectAltName extension is not encoded as RFC 5280 4.2.1.6 requires",
          e);
    }
    return names.stream().distinct().toList();
  }

  /** Certificates this CA signed in [from, until), oldest first: a revocation plan's criterion. */
  @Transactional(readOnly = true)
  public List<IssuedCertificate> issuedBetween(Instant from, Instant until) {
    return certificates.findByIssuedAtGreaterThanEqualAndIssuedAtLessThanOrderByIdAsc(from, until);
  }

  /** The subject's organizationName (BR 7.1.4.2.2 a), as signed; empty for a DV-like subject. */
  public static Optional<String> subjectOrganization(IssuedCertificate certificate) {
    X509Certificate parsed = CertificatePem.parse(certificate.pem()).get(0);
    X500Name subject = X500Name.getInstance(parsed.getSubjectX500Principal().getEncoded());
    return PreIssuanceLint.values(subject, BCStyle.O).stream().findFirst();
  }

  /** The certificates of one storefront account, the latest to expire first. */
  @Transactional(readOnly = true)
  public List<IssuedCertificate> ofCustomer(long customerAccountId) {
    return certificates.findByCustomerAccountIdOrderByNotAfterDesc(customerAccountId);
  }
}
