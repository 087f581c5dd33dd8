package org.cabackoffice.transparency;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Certificate Transparency ({@code backoffice.ct.*}).
 *
 * @param enabled whether every certificate is preceded by a logged precertificate and carries
 *     the SCTs; off in the embedded setup (a private CA's certificates are not logged), on in the
 *     {@code postgresql} profile's public-trust settings
 * @param logs the logs submitted to, all of them for every precertificate
 * @param minimumScts the fewest SCTs a certificate may carry; the CT policies may ask for more
 *     (3 for a lifetime over 180 days, {@link CtPolicy})
 * @param minimumOperators the fewest distinct log operators among them (Chrome and Apple: 2)
 * @param timeout how long one log may take to answer add-pre-chain
 */
@ConfigurationProperties("backoffice.ct")
public record CtProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue List<Log> logs,
    @DefaultValue("2") int minimumScts,
    @DefaultValue("2") int minimumOperators,
    @DefaultValue("10s") Duration timeout) {

  /**
   * One log, as its operator publishes it (e.g. in Chrome's log list).
   *
   * @param name what messages and the record call it
   * @param url the log's base URL; {@code ct/v1/add-pre-chain} is resolved against it
   * @param operator who runs it: SCTs count towards distinct operators by this name
   * @param publicKey the log's key, base64 DER SubjectPublicKeyInfo; the log id is its SHA-256
   */
  public record Log(String name, String url, String operator, String publicKey) {}
}
