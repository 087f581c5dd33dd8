package org.cabackoffice.acme;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AcmeIdentityConfirmationRepository extends JpaRepository<AcmeIdentityConfirmation, Long> {

  /** The confirmations later orders may rely on, latest first: a call waiting for approval is not one. */
  @Query("select c from AcmeIdentityConfirmation c where c.organizationEntryId = :entry"
      + " and (c.approval is null or c.approval = 'APPROVED') order by c.confirmedAt desc")
  List<AcmeIdentityConfirmation> reusable(@Param("entry") long organizationEntryId);

  Optional<AcmeIdentityConfirmation> findFirstByOrderIdAndApprovalOrderByIdDesc(long orderId, String approval);

  List<AcmeIdentityConfirmation> findByOrderIdOrderByIdAsc(long orderId);
}
