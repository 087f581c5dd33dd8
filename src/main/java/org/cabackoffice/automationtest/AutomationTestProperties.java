package org.cabackoffice.automationtest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled whether the CA renews its automation test certificate at all (off by default: it
 *     needs the DNS and port-80 set-up described in the package documentation)
 * @param domain the test domain, a name under the CA's own control
 * @param customer the storefront account (its e-mail) the ACME account is bound to by EAB; the
 *     certificate carries that customer's organization validated by officers
 * @param renewEvery how long after a success the next renewal is due: at most 30 days (Chrome Root
 *     Program policy 1.8)
 * @param retryAfter how long after a failure the next attempt is due
 * @param checkInterval how often each node looks whether a renewal is due
 * @param initialDelay how long after start the first look waits
 * @param directoryUrl the ACME directory to use; empty: this node's own, over loopback
 * @param http01Port the port the client's http-01 responder listens on while it renews
 * @param http01Address the address it listens on; empty: every address
 * @param timeout how long one attempt may take, validation and signing included
 */
@ConfigurationProperties("backoffice.automation-test")
public record AutomationTestProperties(
    boolean enabled,
    String domain,
    String customer,
    Duration renewEvery,
    Duration retryAfter,
    Duration checkInterval,
    Duration initialDelay,
    String directoryUrl,
    Integer http01Port,
    String http01Address,
    Duration timeout) {

  static final Duration MOST_DAYS_BETWEEN_RENEWALS = Duration.ofDays(30);

  public AutomationTestProperties {
    renewEvery = renewEvery == null ? Duration.ofDays(7) : renewEvery;
    if (renewEvery.compareTo(MOST_DAYS_BETWEEN_RENEWALS) > 0 || renewEvery.isNegative() || renewEvery.isZero()) {
      throw new IllegalArgumentException(
          "backoffice.automation-test.renew-every is " + renewEvery + "; Chrome Root Program policy 1.8 wants a"
              + " renewal at least every 30 days");
    }
    retryAfter = retryAfter == null ? Duration.ofHours(1) : retryAfter;
    checkInterval = checkInterval == null ? Duration.ofMinutes(10) : checkInterval;
    initialDelay = initialDelay == null ? Duration.ofMinutes(2) : initialDelay;
    directoryUrl = directoryUrl == null || directoryUrl.isBlank() ? null : directoryUrl.strip();
    http01Port = http01Port == null ? 80 : http01Port;
    http01Address = http01Address == null || http01Address.isBlank() ? null : http01Address.strip();
    timeout = timeout == null ? Duration.ofMinutes(10) : timeout;
    domain = domain == null || domain.isBlank() ? null : domain.strip().toLowerCase(java.util.Locale.ROOT);
    customer = customer == null || customer.isBlank() ? null : customer.strip();
    if (enabled && (domain == null || customer == null)) {
      throw new IllegalArgumentException(
          "backoffice.automation-test.enabled needs backoffice.automation-test.domain and .customer");
    }
  }
}
