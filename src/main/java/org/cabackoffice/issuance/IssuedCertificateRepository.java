package org.cabackoffice.issuance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Storage of {@link IssuedCertificate}s; narrow on purpose, so tests can fake it in a map. */
public interface IssuedCertificateRepository extends Repository<IssuedCertificate, Long> {

  /** Stores the certificate and flushes, so a duplicate serial fails here, not at commit. */
  IssuedCertificate saveAndFlush(IssuedCertificate certificate);

  /** By serial in the stored form ({@link CertificateSerial#normalize}). */
  Optional<IssuedCertificate> findBySerial(String serial);

  boolean existsBySerial(String serial);

  /** Certificates whose notAfter lies in [from, to), soonest first: those nearing expiry. */
  List<IssuedCertificate> findByNotAfterGreaterThanEqualAndNotAfterLessThanOrderByNotAfterAsc(
      Instant from, Instant to);

  /** Every certificate for the key (BR 4.9.1.1: a compromised key's certificates all go). */
  List<IssuedCertificate> findBySpkiSha256OrderByIdAsc(String spkiSha256);

  /** The certificate already issued for an application, so a retried job does not sign twice. */
  Optional<IssuedCertificate> findFirstByApplicationId(Long applicationId);

  /** (application id, serial) of the certificates issued for these applications, oldest first. */
  @Query("select c.applicationId, c.serial from IssuedCertificate c where c.applicationId in :applicationIds order by c.id")
  List<Object[]> serialsOfApplications(@Param("applicationIds") java.util.Collection<Long> applicationIds);

  /** The certificate already issued for an ACME order, so a retried order step does not sign twice. */
  Optional<IssuedCertificate> findFirstByAcmeOrderId(Long acmeOrderId);

  /** A storefront account's certificates, the latest to expire first (the customer's list). */
  List<IssuedCertificate> findByCustomerAccountIdOrderByNotAfterDesc(long customerAccountId);

  /** Certificates issued in [from, until), oldest first (a revocation plan's criterion). */
  List<IssuedCertificate> findByIssuedAtGreaterThanEqualAndIssuedAtLessThanOrderByIdAsc(Instant from, Instant until);
}
