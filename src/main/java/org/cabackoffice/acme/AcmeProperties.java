package org.cabackoffice.acme;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param http01Port the port the http-01 check connects to: 80 (RFC 8555 8.3); tests run the
 *     client's server on a loopback port of their own
 * @param http01ConnectAddress when set, the http-01 check connects to this address instead of the
 *     name's own (a test's loopback); the request still names the host
 * @param orderLifetime how long an order and its pending authorizations wait for the client
 */
@ConfigurationProperties("backoffice.acme")
public record AcmeProperties(Integer http01Port, String http01ConnectAddress, Duration orderLifetime) {

  public AcmeProperties {
    http01Port = http01Port == null ? 80 : http01Port;
    http01ConnectAddress = http01ConnectAddress == null || http01ConnectAddress.isBlank() ? null : http01ConnectAddress.strip();
    orderLifetime = orderLifetime == null ? Duration.ofDays(7) : orderLifetime;
  }
}
