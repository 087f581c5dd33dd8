package org.cabackoffice.domain.corroboration;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PerspectiveAttemptRepository extends JpaRepository<PerspectiveAttempt, Long> {

  List<PerspectiveAttempt> findByCorroborationIdOrderByIdAsc(long corroborationId);
}
