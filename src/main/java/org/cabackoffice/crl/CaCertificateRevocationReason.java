package org.cabackoffice.crl;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a CA certificate the root signed is revoked, as its ARL entry says (RFC 5280 5.3.1). A CA
 * certificate can cause issuance, so its entry always carries a reason (BR 7.2.2: unspecified is
 * left out only for certificates that cannot). BR 7.2.2's CRLReasons table admits 1, 3, 4, 5 and 9
 * for every CRL, the ARL included, so a compromised CA key is keyCompromise, not RFC 5280's
 * cACompromise (2), which the CRL lint refuses. The grounds of BR 4.9.1.2 map onto these: a compromised key, a CA replaced by another
 * (superseded, e.g. a re-key or a certificate not issued per the CP/CPS), a CA that ceased
 * operation, changed subject information.
 */
public enum CaCertificateRevocationReason {
  KEY_COMPROMISE(1, "keyCompromise"),
  AFFILIATION_CHANGED(3, "affiliationChanged"),
  SUPERSEDED(4, "superseded"),
  CESSATION_OF_OPERATION(5, "cessationOfOperation");

  private final int crlReasonCode;
  private final String rfc5280Name;

  CaCertificateRevocationReason(int crlReasonCode, String rfc5280Name) {
    this.crlReasonCode = crlReasonCode;
    this.rfc5280Name = rfc5280Name;
  }

  public int crlReasonCode() {
    return crlReasonCode;
  }

  /** The name openssl and RFC 5280 use: {@code keyCompromise}. */
  public String rfc5280Name() {
    return rfc5280Name;
  }

  /** By RFC 5280 name ({@code keyCompromise}) or enum name ({@code KEY_COMPROMISE}). */
  public static Optional<CaCertificateRevocationReason> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String given = text.strip();
    return Arrays.stream(values())
        .filter(r -> r.rfc5280Name.equals(given) || r.name().equals(given))
        .findFirst();
  }
}
