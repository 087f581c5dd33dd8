package org.cabackoffice.domain.corroboration;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CorroborationRepository extends JpaRepository<Corroboration, Long> {

  List<Corroboration> findByApplicationIdOrderByIdAsc(Long applicationId);

  List<Corroboration> findByAcmeOrderIdOrderByIdAsc(Long acmeOrderId);

  List<Corroboration> findBySubjectAndMetTrueAndEnforcedTrueAndCheckedAtAfterAndApplicationIdInOrderByIdDesc(
      Corroboration.Subject subject, Instant after, Collection<Long> applicationIds);
}
