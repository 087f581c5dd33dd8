package org.cabackoffice.domain;

import java.util.List;
import org.springframework.data.repository.Repository;

public interface CaaEvidenceRepository extends Repository<CaaEvidence, Long> {

  CaaEvidence save(CaaEvidence evidence);

  /** Every CAA check made before signing for the application, for the auditors' timeline. */
  List<CaaEvidence> findByApplicationIdOrderByIdAsc(Long applicationId);
}
