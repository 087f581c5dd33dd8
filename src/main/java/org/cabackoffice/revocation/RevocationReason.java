package org.cabackoffice.revocation;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * The reasons a subscriber certificate may be revoked with (BR 7.2.2: CRL entries carry one of
 * these, never {@code unspecified}, which is shown by leaving the reason code out), with the RFC
 * 5280 CRLReason code and the deadline BR 4.9.1.1 sets from the moment the CA learns of it.
 */
public enum RevocationReason {
  /** BR 4.9.1.1 items 3 and 4: the private key is compromised; 24 hours. */
  KEY_COMPROMISE(1, "keyCompromise", Duration.ofHours(24)),
  /** The subject's information changed (BR 4.9.1.1 item 9); 5 days. */
  AFFILIATION_CHANGED(3, "affiliationChanged", Duration.ofDays(5)),
  /** Replaced by a new certificate, or the domain validation must not be relied on; 5 days. */
  SUPERSEDED(4, "superseded", Duration.ofDays(5)),
  /** The subscriber no longer uses or controls the names (BR 4.9.1.1 item 8); 5 days. */
  CESSATION_OF_OPERATION(5, "cessationOfOperation", Duration.ofDays(5)),
  /** The subscriber broke the agreement or the CA withdraws the privilege to use it; 5 days. */
  PRIVILEGE_WITHDRAWN(9, "privilegeWithdrawn", Duration.ofDays(5));

  private final int crlReasonCode;
  private final String rfc5280Name;
  private final Duration deadline;

  RevocationReason(int crlReasonCode, String rfc5280Name, Duration deadline) {
    this.crlReasonCode = crlReasonCode;
    this.rfc5280Name = rfc5280Name;
    this.deadline = deadline;
  }

  /** The CRLReason code (RFC 5280 5.3.1) written into CRL entries and OCSP responses. */
  public int crlReasonCode() {
    return crlReasonCode;
  }

  /** The name RFC 5280 and the BR use, e.g. {@code keyCompromise}; what the API accepts. */
  public String rfc5280Name() {
    return rfc5280Name;
  }

  /** How long BR 4.9.1.1 allows between learning of the reason and revoking. */
  public Duration deadline() {
    return deadline;
  }

  /**
   * Reads a reason as people and APIs write it: {@code keyCompromise}, {@code KEY_COMPROMISE} or
   * {@code key-compromise}.
   *
   * @throws IllegalArgumentException naming the accepted reasons when the text is none of them
   */
  public static RevocationReason parse(String text) {
    if (text != null) {
      String key = text.trim().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
      for (RevocationReason reason : values()) {
        if (reason.rfc5280Name.toLowerCase(Locale.ROOT).equals(key)) {
          return reason;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown revocation reason '"
            + text
            + "'; BR 7.2.2 allows "
            + String.join(", ", Arrays.stream(values()).map(RevocationReason::rfc5280Name).toList()));
  }
}
