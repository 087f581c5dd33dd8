package org.cabackoffice.domain;

import org.springframework.data.repository.Repository;

public interface CaaEvidenceRepository extends Repository<CaaEvidence, Long> {

  CaaEvidence save(CaaEvidence evidence);
}
