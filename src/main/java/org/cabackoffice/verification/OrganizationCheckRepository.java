package org.cabackoffice.verification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganizationCheckRepository extends JpaRepository<OrganizationCheck, Long> {

  List<OrganizationCheck> findByVerificationIdOrderByIdAsc(long verificationId);
}
