package org.cabackoffice.verification;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IssuanceApprovalRepository extends JpaRepository<IssuanceApproval, Long> {

  Optional<IssuanceApproval> findFirstByApplicationIdOrderByIdDesc(long applicationId);
}
