package org.cabackoffice.ocsp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The responder's answers ({@code backoffice.ocsp.*}).
 *
 * @param validity nextUpdate after thisUpdate: at least 8 hours and at most 10 days (BR 4.9.10)
 * @param maxAge how long HTTP caches may keep an answer (RFC 5019 6.2), so a revocation reaches
 *     relying parties behind a cache within minutes
 */
@ConfigurationProperties("backoffice.ocsp")
public record OcspProperties(
    @DefaultValue("1d") Duration validity, @DefaultValue("10m") Duration maxAge) {

  public OcspProperties {
    if (validity.compareTo(Duration.ofHours(8)) < 0 || validity.compareTo(Duration.ofDays(10)) > 0) {
      throw new IllegalArgumentException("backoffice.ocsp.validity must be 8 hours to 10 days (BR 4.9.10)");
    }
    if (maxAge.isNegative() || maxAge.compareTo(validity) > 0) {
      throw new IllegalArgumentException("backoffice.ocsp.max-age must be within the validity");
    }
  }
}
