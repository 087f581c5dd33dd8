package org.cabackoffice.domain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Domain-use consent (guide [3-1]).
 *
 * @param validity how long a consent token may be used; at most 30 days, the BR's limit for a
 *     validation random value (BR 3.2.2.4)
 */
@ConfigurationProperties("backoffice.domain.consent")
public record DomainConsentProperties(Duration validity) {

  static final Duration MAX_VALIDITY = Duration.ofDays(30);

  public DomainConsentProperties {
    validity = validity == null ? MAX_VALIDITY : validity;
    if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
      throw new IllegalArgumentException(
          "backoffice.domain.consent.validity must be positive and at most 30 days (BR 3.2.2.4): "
              + validity);
    }
  }
}
