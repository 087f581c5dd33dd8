package org.cabackoffice.acme;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AcmeIdentityConfirmationRepository extends JpaRepository<AcmeIdentityConfirmation, Long> {
  Optional<AcmeIdentityConfirmation> findFirstByOrganizationEntryIdOrderByConfirmedAtDesc(long organizationEntryId);

  List<AcmeIdentityConfirmation> findByOrderIdOrderByIdAsc(long orderId);
}
