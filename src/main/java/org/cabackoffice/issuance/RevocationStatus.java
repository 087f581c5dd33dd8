package org.cabackoffice.issuance;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a certificate is revoked, as the certificate look-up shows it. A port: revocation
 * depends on issuance (it revokes issued certificates), so issuance asks through this interface,
 * which the revocation package implements.
 */
public interface RevocationStatus {

  /** The revocation of the certificate with that serial (stored form), if it is revoked. */
  Optional<Revoked> of(String serial);

  /** @param reason the RFC 5280 name of the reason, e.g. {@code keyCompromise} */
  record Revoked(Instant revokedAt, String reason) {}
}
