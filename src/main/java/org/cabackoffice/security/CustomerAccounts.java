package org.cabackoffice.security;

import org.cabackoffice.access.Roles;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Storefront accounts, and how a customer logs in to the API with its user ID. */
@Service
public class CustomerAccounts implements UserDetailsService {

  private final CustomerAccountRepository accounts;
  private final PasswordEncoder passwordEncoder;
  private final Clock clock;

  public CustomerAccounts(
      CustomerAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
    this.accounts = accounts;
    this.passwordEncoder = passwordEncoder;
    this.clock = clock;
  }

  @Transactional
  public CustomerAccount register(
      String email, String companyName, String displayName, String rawPassword) {
    String userId = email.trim().toLowerCase(Locale.ROOT);
    if (accounts.findByEmailIgnoreCase(userId).isPresent()) {
      throw new IllegalArgumentException("a storefront account " + userId + " exists already");
    }
    return accounts.save(
        new CustomerAccount(
            userId, companyName, displayName, passwordEncoder.encode(rawPassword), clock.instant()));
  }

  @Transactional(readOnly = true)
  public Optional<CustomerAccount> byEmail(String email) {
    return accounts.findByEmailIgnoreCase(email.trim());
  }

  @Transactional(readOnly = true)
  public Optional<CustomerAccount> byId(long id) {
    return accounts.findById(id);
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String username) {
    CustomerAccount account =
        accounts
            .findByEmailIgnoreCase(username.trim())
            .orElseThrow(() -> new UsernameNotFoundException("no storefront account"));
    return User.withUsername(account.getEmail())
        .password(account.getPasswordHash())
        .roles(Roles.CUSTOMER)
        .build();
  }
}
