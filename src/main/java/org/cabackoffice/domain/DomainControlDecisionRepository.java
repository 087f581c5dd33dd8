package org.cabackoffice.domain;

import java.util.List;
import org.springframework.data.repository.Repository;

public interface DomainControlDecisionRepository extends Repository<DomainControlDecision, Long> {

  DomainControlDecision save(DomainControlDecision decision);

  List<DomainControlDecision> findByApplicationIdOrderByIdAsc(long applicationId);
}
