package org.cabackoffice.issuance;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Shared pieces of the issuance tests: a CA in a temp dir, keys, an in-memory repository. */
final class TestFixtures {

  static final String PASSWORD = "test-only-password";
  static final String ISSUER_URL = "http://localhost:8080/ca/issuing-ca.crt";

  private TestFixtures() {}

  static Clock clockAt(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  static CertificateAuthority authority(Path dir, Clock clock) {
    return new CertificateAuthority(
        CaProperties.developmentCa(PASSWORD, null), clock, dir.resolve("ca/dev-ca.p12"), ISSUER_URL);
  }

  static KeyPair rsa(int bits) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(bits);
    return generator.generateKeyPair();
  }

  static KeyPair ec(String curve) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    return generator.generateKeyPair();
  }

  static IssuanceRequest ovRequest(KeyPair subjectKey, String commonName, List<String> dnsNames) {
    return new IssuanceRequest(
        42L,
        7L,
        CertificateProfile.OV,
        commonName,
        dnsNames,
        "Example K.K.",
        "Chiyoda-ku",
        "Tokyo",
        "JP",
        subjectKey.getPublic().getEncoded());
  }

  /** Validates the leaf up to the root as a relying party would, at the given time. */
  static void validatePkix(X509Certificate leaf, CertificateAuthority authority, Instant at)
      throws GeneralSecurityException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    PKIXParameters parameters =
        new PKIXParameters(Set.of(new TrustAnchor(authority.rootCertificate(), null)));
    parameters.setRevocationEnabled(false);
    parameters.setDate(Date.from(at));
    CertPathValidator.getInstance("PKIX")
        .validate(
            factory.generateCertPath(List.of(leaf, authority.issuingCertificate())), parameters);
  }

  /** The repository as a map, so services are tested without a database. */
  static final class InMemoryCertificates implements IssuedCertificateRepository {
    final Map<String, IssuedCertificate> bySerial = new HashMap<>();
    final List<IssuedCertificate> saved = new ArrayList<>();
    /** When set, the next save fails, as a database that went away would. */
    boolean failNextSave;

    @Override
    public List<IssuedCertificate> findByCustomerAccountIdOrderByNotAfterDesc(long customerAccountId) {
      return bySerial.values().stream()
          .filter(c -> c.customerAccountId() == customerAccountId)
          .sorted(java.util.Comparator.comparing(IssuedCertificate::notAfter).reversed())
          .toList();
    }

    @Override
    public IssuedCertificate saveAndFlush(IssuedCertificate certificate) {
      if (failNextSave) {
        failNextSave = false;
        throw new org.springframework.dao.DataAccessResourceFailureException("database gone");
      }
      if (bySerial.containsKey(certificate.serial())) {
        throw new org.springframework.dao.DataIntegrityViolationException("unique serial");
      }
      bySerial.put(certificate.serial(), certificate);
      saved.add(certificate);
      return certificate;
    }

    @Override
    public Optional<IssuedCertificate> findBySerial(String serial) {
      return Optional.ofNullable(bySerial.get(serial));
    }

    @Override
    public boolean existsBySerial(String serial) {
      return bySerial.containsKey(serial);
    }

    @Override
    public Optional<IssuedCertificate> findFirstByApplicationId(Long applicationId) {
      return saved.stream().filter(c -> applicationId.equals(c.applicationId())).findFirst();
    }

    @Override
    public List<Object[]> serialsOfApplications(java.util.Collection<Long> applicationIds) {
      return saved.stream()
          .filter(c -> c.applicationId() != null && applicationIds.contains(c.applicationId()))
          .map(c -> new Object[] {c.applicationId(), c.serial()})
          .toList();
    }

    @Override
    public Optional<IssuedCertificate> findFirstByAcmeOrderId(Long acmeOrderId) {
      return saved.stream().filter(c -> acmeOrderId.equals(c.acmeOrderId())).findFirst();
    }

    @Override
    public List<IssuedCertificate> findByNotAfterGreaterThanEqualAndNotAfterLessThanOrderByNotAfterAsc(
        java.time.Instant from, java.time.Instant to) {
      return saved.stream()
          .filter(c -> !c.notAfter().isBefore(from) && c.notAfter().isBefore(to))
          .sorted(java.util.Comparator.comparing(IssuedCertificate::notAfter))
          .toList();
    }

    @Override
    public List<IssuedCertificate> findByIssuedAtGreaterThanEqualAndIssuedAtLessThanOrderByIdAsc(
        java.time.Instant from, java.time.Instant until) {
      return saved.stream().filter(c -> !c.issuedAt().isBefore(from) && c.issuedAt().isBefore(until)).toList();
    }

    @Override
    public List<IssuedCertificate> findBySpkiSha256OrderByIdAsc(String spkiSha256) {
      return saved.stream().filter(c -> spkiSha256.equals(c.spkiSha256())).toList();
    }
  }

  static final class InMemorySignings implements CertificateSigningRepository {
    final Map<String, CertificateSigning> bySerial = new java.util.LinkedHashMap<>();
    @Override
    public CertificateSigning saveAndFlush(CertificateSigning signing) {
      bySerial.put(signing.serial(), signing);
      return signing;
    }

    @Override
    public Optional<CertificateSigning> findBySerial(String serial) {
      return Optional.ofNullable(bySerial.get(serial));
    }

    @Override
    public List<CertificateSigning> findByApplicationIdAndStateInOrderByIdAsc(
        Long applicationId, java.util.Collection<CertificateSigning.State> states) {
      return bySerial.values().stream()
          .filter(s -> applicationId.equals(s.applicationId()) && states.contains(s.state()))
          .toList();
    }

    @Override
    public List<CertificateSigning> findByAcmeOrderIdAndStateInOrderByIdAsc(
        Long acmeOrderId, java.util.Collection<CertificateSigning.State> states) {
      return bySerial.values().stream()
          .filter(s -> acmeOrderId.equals(s.acmeOrderId()) && states.contains(s.state()))
          .toList();
    }

    @Override
    public List<CertificateSigning> findByStateAndStartedAtBefore(
        CertificateSigning.State state, java.time.Instant before) {
      return bySerial.values().stream()
          .filter(s -> s.state() == state && s.startedAt().isBefore(before))
          .toList();
    }

    @Override
    public List<CertificateSigning> findByApplicationIdOrderByIdAsc(Long applicationId) {
      return bySerial.values().stream().filter(s -> applicationId.equals(s.applicationId())).toList();
    }
  }
}
