package org.cabackoffice.acme;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AcmeContractUseRepository extends JpaRepository<AcmeContractUse, Long> {

  Optional<AcmeContractUse> findByOrderId(long orderId);

  List<AcmeContractUse> findByContractIdOrderByIdAsc(long contractId);
}
