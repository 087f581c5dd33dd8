package org.cabackoffice.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegistrantComparisonRepository extends JpaRepository<RegistrantComparison, Long> {

  List<RegistrantComparison> findByApplicationIdOrderByIdAsc(long applicationId);
}
