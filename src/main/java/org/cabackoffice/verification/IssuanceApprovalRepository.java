package org.cabackoffice.verification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IssuanceApprovalRepository extends JpaRepository<IssuanceApproval, Long> {

  Optional<IssuanceApproval> findFirstByApplicationIdOrderByIdDesc(long applicationId);

  /** Every decision on the application, a refusal as much as an approval (BR 5.4.1). */
  List<IssuanceApproval> findByApplicationIdOrderByIdAsc(long applicationId);
}
