package org.cabackoffice.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What a registry's answer says about a domain, whatever its format (WHOIS text or RDAP JSON).
 *
 * @param registrantNames the registrant organization as the record gives it, in record order; a
 *     JPRS Japanese-form record gives the Japanese name and the English one. Empty when absent or
 *     redacted.
 * @param contactEmails registrant, administrative and technical addresses, distinct, in order
 * @param redacted the record withholds the registrant (privacy service, GDPR redaction)
 * @param referral the registrar's server named by a thin registry ("Registrar WHOIS Server:"),
 *     or null
 * @param expiresOn the registration's expiry date as the record gives it (JPRS {@code [有効期限]},
 *     {@code [Expires on]}, the date of {@code [状態]}/{@code [State]}; RDDS {@code Registry
 *     Expiry Date:}; RDAP's "expiration" event), or null when the record gives none
 */
public record RegistrationRecord(
    boolean registered,
    List<String> registrantNames,
    List<String> contactEmails,
    boolean redacted,
    String referral,
    LocalDate expiresOn) {

  public RegistrationRecord {
    registrantNames = List.copyOf(registrantNames);
    contactEmails = List.copyOf(contactEmails);
  }

  public RegistrationRecord(
      boolean registered,
      List<String> registrantNames,
      List<String> contactEmails,
      boolean redacted,
      String referral) {
    this(registered, registrantNames, contactEmails, redacted, referral, null);
  }

  public static RegistrationRecord notRegistered() {
    return new RegistrationRecord(false, List.of(), List.of(), false, null);
  }

  /**
   * Whether the registration had lapsed on {@code today}: the registrant a lapsed record names
   * may no longer hold the domain (it may be in its grace period, or about to be released).
   */
  public boolean expiredOn(LocalDate today) {
    return registered && expiresOn != null && expiresOn.isBefore(today);
  }

  /** This record with an expiry date from elsewhere (the registry's, when the registrar's gives none). */
  RegistrationRecord withExpiresOn(LocalDate date) {
    return new RegistrationRecord(registered, registrantNames, contactEmails, redacted, referral, date);
  }

  /** The name shown to officers: the first the record gives. */
  public String registrantOrganization() {
    return registrantNames.isEmpty() ? null : registrantNames.get(0);
  }
}
