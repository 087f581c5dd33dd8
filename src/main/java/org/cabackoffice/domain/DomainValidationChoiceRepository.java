package org.cabackoffice.domain;

import java.util.List;
import org.springframework.data.repository.Repository;

public interface DomainValidationChoiceRepository extends Repository<DomainValidationChoice, Long> {

  DomainValidationChoice save(DomainValidationChoice choice);

  List<DomainValidationChoice> findByApplicationIdOrderByIdAsc(long applicationId);
}
