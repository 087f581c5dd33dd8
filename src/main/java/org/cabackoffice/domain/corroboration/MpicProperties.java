package org.cabackoffice.domain.corroboration;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Multi-perspective issuance corroboration as the primary does it ({@code backoffice.mpic.*}, BR
 * 3.2.2.9).
 *
 * @param enabled whether domain validation and CAA are corroborated; off in the embedded setup (a
 *     private CA, which the BR do not bind), on in the {@code postgresql} profile
 * @param perspectives the remote network perspectives, all asked for every corroboration
 * @param timeout how long the primary waits for each perspective's answer; one that has not
 *     answered by then is a non-corroboration
 * @param tls the primary's client certificate and the trust store its perspectives' server
 *     certificates chain to (the operator's perspective CA): "authenticated and encrypted" (BR
 *     3.2.2.9)
 */
@ConfigurationProperties("backoffice.mpic")
public record MpicProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue List<Perspective> perspectives,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue Tls tls) {

  /**
   * One remote network perspective.
   *
   * @param id its unique identifier, as the evidence names it (BR 5.4.1)
   * @param region the RIR service region it sends its DNS queries from
   * @param url its base URL, {@code https://host:port/}
   */
  public record Perspective(String id, RirRegion region, String url) {}

  /**
   * PKCS#12 files (paths) and their passwords.
   *
   * @param keyStore the primary's client key and certificate
   * @param trustStore the perspective CA's certificate
   */
  public record Tls(String keyStore, String keyStorePassword, String trustStore, String trustStorePassword) {}
}
