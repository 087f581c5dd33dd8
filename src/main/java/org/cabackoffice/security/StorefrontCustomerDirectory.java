package org.cabackoffice.security;

import java.util.Optional;
import org.cabackoffice.issuance.CustomerDirectory;
import org.springframework.stereotype.Component;

/** Lets the issuance package find the account a certificate belongs to by its user ID. */
@Component
public class StorefrontCustomerDirectory implements CustomerDirectory {

  private final CustomerAccounts accounts;

  public StorefrontCustomerDirectory(CustomerAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Optional<Long> idOfEmail(String email) {
    return accounts.byEmail(email).map(CustomerAccount::getId);
  }
}
