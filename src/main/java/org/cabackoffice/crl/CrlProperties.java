package org.cabackoffice.crl;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often CRLs are signed ({@code backoffice.crl.*}).
 *
 * @param validity nextUpdate after thisUpdate of the issuing CA's CRLs: at most 10 days (BR 4.9.7)
 * @param refreshAfter a shard's CRL is signed again once its thisUpdate is this old: under 4 days,
 *     BR 4.9.7's limit for a CA whose certificates may carry no OCSP URL
 * @param checkInterval how often each node looks for shards whose CRL is due (a revocation
 *     since, or age); also the longest a revocation waits when the after-commit signing failed
 * @param arlValidity nextUpdate after thisUpdate of the root's ARL: at most 12 months (BR 4.9.7)
 * @param arlRefreshAfter the ARL is signed again once its thisUpdate is this old
 */
@ConfigurationProperties("backoffice.crl")
public record CrlProperties(
    @DefaultValue("7d") Duration validity,
    @DefaultValue("3d") Duration refreshAfter,
    @DefaultValue("5m") Duration checkInterval,
    @DefaultValue("180d") Duration arlValidity,
    @DefaultValue("90d") Duration arlRefreshAfter) {

  public CrlProperties {
    if (validity.compareTo(Duration.ofDays(10)) > 0) {
      throw new IllegalArgumentException("backoffice.crl.validity exceeds BR 4.9.7's 10 days");
    }
    if (refreshAfter.compareTo(Duration.ofDays(4)) > 0 || refreshAfter.compareTo(validity) >= 0) {
      throw new IllegalArgumentException(
          "backoffice.crl.refresh-after must be at most 4 days and shorter than the validity");
    }
    if (arlValidity.compareTo(Duration.ofDays(365)) > 0 || arlRefreshAfter.compareTo(arlValidity) >= 0) {
      throw new IllegalArgumentException(
          "backoffice.crl.arl-validity exceeds 12 months or arl-refresh-after is not shorter");
    }
  }
}
