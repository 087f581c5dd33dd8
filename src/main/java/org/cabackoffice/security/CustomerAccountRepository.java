package org.cabackoffice.security;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerAccountRepository extends JpaRepository<CustomerAccount, Long> {

  Optional<CustomerAccount> findByEmailIgnoreCase(String email);
}
