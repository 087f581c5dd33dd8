package org.cabackoffice.revocation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Storage of {@link CertificateRevocation}s. */
public interface CertificateRevocationRepository extends Repository<CertificateRevocation, Long> {

  /** Stores and flushes, so a second revocation of one serial fails here on the unique key. */
  CertificateRevocation saveAndFlush(CertificateRevocation revocation);

  Optional<CertificateRevocation> findBySerial(String serial);

  /** Every revocation in the order it was recorded: what a full CRL lists. */
  List<CertificateRevocation> findAllByOrderByIdAsc();
}
