package org.cabackoffice.domain;

import java.util.List;
import org.springframework.data.repository.Repository;

public interface DnsCheckEvidenceRepository extends Repository<DnsCheckEvidence, Long> {

  DnsCheckEvidence save(DnsCheckEvidence evidence);

  List<DnsCheckEvidence> findByChallengeIdOrderByIdAsc(long challengeId);
}
