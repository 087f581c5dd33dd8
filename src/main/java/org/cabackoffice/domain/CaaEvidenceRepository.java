package org.cabackoffice.domain;

import java.util.List;
import org.springframework.data.repository.Repository;

public interface CaaEvidenceRepository extends Repository<CaaEvidence, Long> {

  CaaEvidence save(CaaEvidence evidence);

  List<CaaEvidence> findByApplicationIdOrderByCheckedAt(Long applicationId);
}
