package org.cabackoffice.crl;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Storage of {@link RootSignedCertificate}s. */
interface RootSignedCertificateRepository extends Repository<RootSignedCertificate, Long> {

  RootSignedCertificate saveAndFlush(RootSignedCertificate certificate);

  Optional<RootSignedCertificate> findByRootKeyIdAndSerial(String rootKeyId, String serial);

  List<RootSignedCertificate> findByRootKeyIdOrderByIdAsc(String rootKeyId);

  List<RootSignedCertificate> findByRootKeyIdAndStatusOrderByIdAsc(
      String rootKeyId, RootSignedCertificate.Status status);
}
