package org.cabackoffice.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PasswordResetRepository extends JpaRepository<PasswordReset, Long> {

  Optional<PasswordReset> findByTokenSha256(String tokenSha256);

  List<PasswordReset> findByCustomerAccountIdAndUsedAtIsNull(long customerAccountId);
}
