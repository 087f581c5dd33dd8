package org.cabackoffice.ocsp;

import java.time.Instant;
import java.util.List;
import org.springframework.data.repository.Repository;

/** Storage of {@link OcspResponderCertificate}s. */
interface OcspResponderCertificateRepository extends Repository<OcspResponderCertificate, Long> {

  OcspResponderCertificate saveAndFlush(OcspResponderCertificate certificate);

  /** Those still valid at {@code now}, the one valid longest first. */
  List<OcspResponderCertificate> findByNotAfterAfterOrderByNotAfterDesc(Instant now);
}
