package org.cabackoffice.acme;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AcmeAccountRepository extends JpaRepository<AcmeAccount, Long> {
  Optional<AcmeAccount> findByKeyThumbprint(String keyThumbprint);
}
