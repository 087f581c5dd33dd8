package org.cabackoffice.revocation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Storage of {@link CertificateRevocation}s. */
public interface CertificateRevocationRepository extends Repository<CertificateRevocation, Long> {

  /** Stores and flushes, so a second revocation of one serial fails here on the unique key. */
  CertificateRevocation saveAndFlush(CertificateRevocation revocation);

  Optional<CertificateRevocation> findBySerial(String serial);

  /** Every revocation in the order it was recorded: what a full CRL lists. */
  List<CertificateRevocation> findAllByOrderByIdAsc();

  /**
   * The revocations a shard of the issuing CA's CRL lists: certificates on that shard that expired
   * no earlier than {@code expiredSince} (RFC 5280 3.3: an entry stays until it was on one CRL
   * issued after the certificate expired).
   */
  @Query(
      "select r from CertificateRevocation r, IssuedCertificate c where c.id = r.issuedCertificateId"
          + " and c.crlShard = :shard and c.notAfter >= :expiredSince order by r.id")
  List<CertificateRevocation> findOnCrlShard(
      @Param("shard") int shard, @Param("expiredSince") Instant expiredSince);

  /** How many certificates on the shard were revoked after {@code since}: its CRL is out of date. */
  @Query(
      "select count(r) from CertificateRevocation r, IssuedCertificate c"
          + " where c.id = r.issuedCertificateId and c.crlShard = :shard and r.revokedAt > :since")
  long countOnCrlShardRevokedAfter(@Param("shard") int shard, @Param("since") Instant since);

  /** Revoked precertificates without certificate on the shard, as {@link #findOnCrlShard}. */
  @Query(
      "select r from CertificateRevocation r where r.issuedCertificateId is null"
          + " and r.precertificateCrlShard = :shard and r.precertificateNotAfter >= :expiredSince")
  List<CertificateRevocation> findPrecertificatesOnCrlShard(
      @Param("shard") int shard, @Param("expiredSince") Instant expiredSince);

  @Query(
      "select count(r) from CertificateRevocation r where r.issuedCertificateId is null"
          + " and r.precertificateCrlShard = :shard and r.revokedAt > :since")
  long countPrecertificatesOnCrlShardRevokedAfter(@Param("shard") int shard, @Param("since") Instant since);
}
