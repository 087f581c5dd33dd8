package org.cabackoffice.revocation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Storage of {@link RevocationRequest}s. */
public interface RevocationRequestRepository extends Repository<RevocationRequest, Long> {

  RevocationRequest save(RevocationRequest request);

  Optional<RevocationRequest> findById(Long id);

  /** The requests about one application's certificates: its timeline. */
  List<RevocationRequest> findByApplicationIdOrderByIdAsc(Long applicationId);

  /** The newest request for a certificate: the one a revocation of it answers. */
  Optional<RevocationRequest> findFirstBySerialOrderByIdDesc(String serial);
}
