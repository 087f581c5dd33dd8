package org.cabackoffice.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The domain validation methods this CA knows, by BR section, with what each allows when the
 * Authorization Domain Name is chosen (BR 3.2.2.4 as amended by ballot SC-101, its table of
 * methods: Wildcard, Prune, CNAME). The table is the BR's; {@link #offered} says which ones this
 * CA performs.
 */
public enum DomainValidationMethod {

  /** DNS change (BR 3.2.2.4.7): wildcard, pruning and CNAME allowed. */
  DNS_CHANGE("3.2.2.4.7", true, true, true, true),

  /**
   * Agreed-upon change to website v2 (BR 3.2.2.4.18): no wildcard, no pruning, no CNAME; "the CA
   * MUST NOT issue Certificates for other FQDNs that end with all the labels of the validated
   * FQDN".
   */
  WEBSITE_CHANGE_V2("3.2.2.4.18", false, false, false, true),

  /**
   * DNS TXT record with persistent value (BR 3.2.2.4.22, ballot SC-088): wildcard and pruning
   * allowed; "the CA MUST NOT use the FQDN returned from a DNS CNAME lookup as the FQDN for the
   * purposes of domain validation" (CNAMEs may still be followed when the record itself is
   * resolved).
   */
  PERSISTENT_DNS_TXT("3.2.2.4.22", true, true, false, true);

  /**
   * BR 3.2.2.4.22: "CAs MUST consider 10 days as the maximum validation data reuse period for
   * validations completed using this method."
   */
  static final Duration PERSISTENT_REUSE = Duration.ofDays(10);

  private final String section;
  private final boolean wildcard;
  private final boolean prune;
  private final boolean cname;
  private final boolean offered;

  DomainValidationMethod(String section, boolean wildcard, boolean prune, boolean cname, boolean offered) {
    this.section = section;
    this.wildcard = wildcard;
    this.prune = prune;
    this.cname = cname;
    this.offered = offered;
  }

  /** The BR section, e.g. "3.2.2.4.7", as validation records name the method (BR 3.2.2.4). */
  public String section() {
    return section;
  }

  /**
   * The method's label in a CAA {@code validationmethods} parameter (RFC 8657 4): "ca-tbr-" and
   * the BR 3.2.2.4 subsection number, e.g. {@code ca-tbr-7} (BR 4.2.2.1.2, ballot SC-098). These
   * methods, done by hand for an application, have no label in IANA's ACME Validation Methods
   * registry: {@code dns-01} names ACME's own record and key authorization, not a DNS change
   * mailed to the customer, so it is not this method's label.
   */
  public String caaLabel() {
    return "ca-tbr-" + section.substring(section.lastIndexOf('.') + 1);
  }

  /** Whether a Wildcard Domain Name may be validated by this method. */
  public boolean allowsWildcard() {
    return wildcard;
  }

  /** Whether labels may be pruned towards the Base Domain Name when choosing the ADN. */
  public boolean allowsPruning() {
    return prune;
  }

  /** Whether the ADN may be replaced by the result of a CNAME lookup. */
  public boolean allowsCname() {
    return cname;
  }

  /** Whether this CA performs the method, so a customer may choose it. */
  public boolean offered() {
    return offered;
  }

  /**
   * How long a validation by this method may be reused at {@code issuance}: the BR 4.2.1 period
   * of the day, and for 3.2.2.4.22 never more than 10 days.
   */
  public Duration reusePeriod(Instant issuance) {
    Duration period = DomainValidationReuse.period(issuance);
    return this == PERSISTENT_DNS_TXT && PERSISTENT_REUSE.compareTo(period) < 0 ? PERSISTENT_REUSE : period;
  }

  /** Whether a validation completed at {@code validatedAt} may still be relied on at {@code issuance}. */
  public boolean stillCounts(Instant validatedAt, Instant issuance) {
    return !validatedAt.isAfter(issuance) && issuance.isBefore(validatedAt.plus(reusePeriod(issuance)));
  }

  /**
   * The method a record names: its section ("3.2.2.4.22"), the older "BR 3.2.2.4.7" form of
   * records written before the section alone was kept, or the constant's name.
   */
  public static Optional<DomainValidationMethod> of(String recorded) {
    if (recorded == null) {
      return Optional.empty();
    }
    String text = recorded.strip();
    String section = text.startsWith("BR ") ? text.substring(3).strip() : text;
    return Arrays.stream(values())
        .filter(m -> m.section.equals(section) || m.name().equalsIgnoreCase(text))
        .findFirst();
  }
}
