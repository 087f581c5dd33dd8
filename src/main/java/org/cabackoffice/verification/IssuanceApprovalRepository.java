package org.cabackoffice.verification;

import org.springframework.data.jpa.repository.JpaRepository;

public interface IssuanceApprovalRepository extends JpaRepository<IssuanceApproval, Long> {}
