package org.cabackoffice.security;

import java.util.List;
import org.springframework.data.repository.Repository;

public interface RefusedAttemptRepository extends Repository<RefusedAttempt, Long> {

  RefusedAttempt save(RefusedAttempt attempt);

  List<RefusedAttempt> findByApplicationIdOrderByIdAsc(Long applicationId);
}
