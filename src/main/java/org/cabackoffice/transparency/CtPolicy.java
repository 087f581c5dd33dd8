package org.cabackoffice.transparency;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * How many embedded SCTs a certificate needs, after Chrome's CT policy ("CT Compliant
 * Certificates", embedded SCTs) and Apple's: 2 SCTs for a lifetime of at most 180 days, 3 above,
 * from at least 2 distinct log operators. The configuration may ask for more, never for less.
 */
record CtPolicy(int minimumScts, int minimumOperators) {

  static final Duration SHORT_LIVED = Duration.ofDays(180);

  CtPolicy {
    minimumScts = Math.max(minimumScts, 2);
    minimumOperators = Math.max(minimumOperators, 2);
  }

  /** SCTs needed for this certificate's lifetime (notBefore to notAfter, counted inclusively). */
  int sctsNeeded(X509Certificate precertificate) {
    Duration lifetime =
        Duration.between(precertificate.getNotBefore().toInstant(), precertificate.getNotAfter().toInstant())
            .plusSeconds(1);
    return Math.max(minimumScts, lifetime.compareTo(SHORT_LIVED) <= 0 ? 2 : 3);
  }

  /** Why the SCTs from these logs do not suffice, or empty when they do. */
  Optional<String> shortfall(X509Certificate precertificate, Collection<CtLog> answered) {
    int needed = sctsNeeded(precertificate);
    long operators = answered.stream().map(CtLog::operator).distinct().count();
    if (answered.size() < needed) {
      return Optional.of(
          answered.size() + " SCT(s), the CT policies need " + needed + " for this certificate's lifetime");
    }
    if (operators < minimumOperators) {
      return Optional.of(
          "SCTs from " + operators + " log operator(s), the CT policies need " + minimumOperators + " distinct ones");
    }
    return Optional.empty();
  }
}
