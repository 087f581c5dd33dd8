package org.cabackoffice.ocsp;

import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Storage of {@link OcspResponderCertificate}s. */
interface OcspResponderCertificateRepository extends Repository<OcspResponderCertificate, Long> {

  OcspResponderCertificate saveAndFlush(OcspResponderCertificate certificate);

  /** The one that stays valid longest: the newest. */
  Optional<OcspResponderCertificate> findFirstByOrderByNotAfterDesc();
}
