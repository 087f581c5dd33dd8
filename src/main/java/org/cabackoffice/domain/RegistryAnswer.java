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
 * @param failedReferral the registrar referral this answer names but that could not be used
 *     (timeout, no address, refused): this answer is then the registry's own, used because it
 *     names the registrant; null when the referral was followed or none was named
 */
public record RegistryAnswer(
    String source,
    String server,
    String response,
    RegistrationRecord record,
    RegistryAnswer referredFrom,
    List<ContactRecord> contactRecords,
    FailedReferral failedReferral) {

  public RegistryAnswer {
    contactRecords = contactRecords == null ? List.of() : List.copyOf(contactRecords);
  }

  public RegistryAnswer(
      String source,
      String server,
      String response,
      RegistrationRecord record,
      RegistryAnswer referredFrom,
      List<ContactRecord> contactRecords) {
    this(source, server, response, record, referredFrom, contactRecords, null);
  }

  public RegistryAnswer(
      String source,
      String server,
      String response,
      RegistrationRecord record,
      RegistryAnswer referredFrom) {
    this(source, server, response, record, referredFrom, List.of());
  }

  /** This answer, noting that the referral it names failed. */
  RegistryAnswer withFailedReferral(FailedReferral failed) {
    return new RegistryAnswer(source, server, response, record, referredFrom, contactRecords, failed);
  }

  /**
   * A referral that was not followed to an answer, kept as evidence (BR 5.4.1) of why the
   * registry's own answer was used.
   *
   * @param server the referral as the answer gave it: {@code host[:port]} or the RDAP URL
   * @param reason why it failed, as an operator reads it
   */
  public record FailedReferral(String server, String reason) {}

  /** A contact record as asked and received: {@code CONTACT TS12345JP} and its answer. */
  public record ContactRecord(String query, String response) {}
}
