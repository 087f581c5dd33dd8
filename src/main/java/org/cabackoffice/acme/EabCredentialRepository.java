package org.cabackoffice.acme;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EabCredentialRepository extends JpaRepository<EabCredential, Long> {
  Optional<EabCredential> findByKid(String kid);
}
