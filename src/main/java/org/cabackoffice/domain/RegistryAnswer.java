package org.cabackoffice.domain;

import java.util.List;

/**
 * A registry's answer as received (kept verbatim for auditors) and as understood.
 *
 * @param source WHOIS or RDAP
 * @param server the server that answered, {@code host:port} or the RDAP URL
 * @param response the answer as text (WHOIS decoded from its charset, RDAP JSON)
 * @param referredFrom the thin registry's answer that named this server, or null
 * @param contactRecords the contact records asked for the handles the answer names (JPRS
 *     organization-type domains), each as received; empty for every other answer
 */
public record RegistryAnswer(
    String source,
    String server,
    String response,
    RegistrationRecord record,
    RegistryAnswer referredFrom,
    List<ContactRecord> contactRecords) {

  public RegistryAnswer {
    contactRecords = contactRecords == null ? List.of() : List.copyOf(contactRecords);
  }

  public RegistryAnswer(
      String source,
      String server,
      String response,
      RegistrationRecord record,
      RegistryAnswer referredFrom) {
    this(source, server, response, record, referredFrom, List.of());
  }

  /** A contact record as asked and received: {@code CONTACT TS12345JP} and its answer. */
  public record ContactRecord(String query, String response) {}
}
