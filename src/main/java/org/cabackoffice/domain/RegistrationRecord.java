package org.cabackoffice.domain;

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
 */
public record RegistrationRecord(
    boolean registered,
    List<String> registrantNames,
    List<String> contactEmails,
    boolean redacted,
    String referral) {

  public RegistrationRecord {
    registrantNames = List.copyOf(registrantNames);
    contactEmails = List.copyOf(contactEmails);
  }

  public static RegistrationRecord notRegistered() {
    return new RegistrationRecord(false, List.of(), List.of(), false, null);
  }

  /** The name shown to officers: the first the record gives. */
  public String registrantOrganization() {
    return registrantNames.isEmpty() ? null : registrantNames.get(0);
  }
}
