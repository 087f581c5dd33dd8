package org.cabackoffice.acme;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.cabackoffice.security.CustomerAccount;
import org.cabackoffice.security.CustomerAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues external account binding credentials (RFC 8555 7.3.4) for a customer whose organization
 * officers validated: automation is for organizations the CA already knows (issue 15).
 */
@Service
public class EabCredentials {

  private static final Logger log = LoggerFactory.getLogger(EabCredentials.class);

  /** What the customer receives, once: the MAC key is not shown again. */
  public record Issued(String kid, String hmacKey, String organization) {}

  /** The customer has no organization officers validated. */
  public static class NotValidatedException extends RuntimeException {
    public NotValidatedException(String message) {
      super(message);
    }
  }

  private final EabCredentialRepository credentials;
  private final CustomerAccounts customers;
  private final ValidatedOrganizations organizations;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public EabCredentials(
      EabCredentialRepository credentials,
      CustomerAccounts customers,
      ValidatedOrganizations organizations,
      Clock clock) {
    this.credentials = credentials;
    this.customers = customers;
    this.organizations = organizations;
    this.clock = clock;
  }

  /**
   * @throws IllegalArgumentException when no storefront account has that e-mail
   * @throws NotValidatedException when officers validated no organization for the customer
   */
  @Transactional
  public Issued issue(String customerEmail, String officer) {
    CustomerAccount customer =
        customers.byEmail(customerEmail == null ? "" : customerEmail.strip())
            .orElseThrow(() -> new IllegalArgumentException("no storefront account " + customerEmail));
    ValidatedOrganizations.Validated validated =
        organizations.ofCustomer(customer.getId())
            .orElseThrow(() -> new NotValidatedException(
                "the customer " + customer.getEmail() + " has no organization validated by officers whose"
                    + " certificate subject agreed with the record; apply once through the storefront first"));
    String kid = "eab-" + random(12);
    // 256 bits: HS256's key length (RFC 7518 3.2).
    String hmacKey = random(32);
    credentials.save(
        new EabCredential(kid, hmacKey, customer.getId(), validated.entry().getId(), officer, clock.instant()));
    log.info("EAB credentials {} issued by {} for customer #{} (organization record #{})",
        kid, officer, customer.getId(), validated.entry().getId());
    return new Issued(kid, hmacKey, validated.entry().getNameEn());
  }

  @Transactional(readOnly = true)
  public Optional<EabCredential> byKid(String kid) {
    return credentials.findByKid(kid);
  }

  private String random(int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
