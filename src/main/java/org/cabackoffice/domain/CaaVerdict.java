package org.cabackoffice.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether CAA lets this CA issue for every name of a certificate (BR 3.2.2.8), decided right
 * before issuance.
 *
 * @param permitted true only when every name is permitted
 * @param names the verdict per name, in the order asked
 * @param evidenceId the stored {@link CaaEvidence}
 */
public record CaaVerdict(boolean permitted, List<Name> names, Instant checkedAt, long evidenceId) {

  /**
   * @param dnsName the certificate name as asked
   * @param relevantDomain where the relevant CAA record set was found (RFC 8659 3), null when none
   *     exists or the lookup failed
   * @param records the properties of that set, as published
   */
  public record Name(
      String dnsName,
      boolean permitted,
      String reason,
      String relevantDomain,
      List<CaaProperty> records,
      boolean lookupFailed) {

    public Name(
        String dnsName,
        boolean permitted,
        String reason,
        String relevantDomain,
        List<CaaProperty> records) {
      this(dnsName, permitted, reason, relevantDomain, records, false);
    }
  }

  /** Whether a refusal comes only from failed lookups, which may succeed when tried again. */
  public boolean refusedOnlyByLookupFailures() {
    return !permitted && names.stream().filter(n -> !n.permitted()).allMatch(Name::lookupFailed);
  }

  public CaaVerdict {
    names = List.copyOf(names);
  }

  /** The reason per name, for messages and incidents. */
  public Map<String, String> reasons() {
    Map<String, String> reasons = new LinkedHashMap<>();
    names.forEach(n -> reasons.put(n.dnsName(), n.reason()));
    return reasons;
  }

  /** The reasons of the names that are not permitted. */
  public List<String> refusals() {
    return names.stream().filter(n -> !n.permitted()).map(n -> n.dnsName() + ": " + n.reason()).toList();
  }
}
