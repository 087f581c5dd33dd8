package org.cabackoffice.domain;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How DNS questions of domain validation (BR 3.2.2.4.7) and CAA (BR 3.2.2.8) are asked.
 *
 * @param resolver the recursive resolver as {@code host:port} ({@code [v6]:port}; port 53 when
 *     left out); unset means the system's resolvers (resolv.conf or the platform's)
 * @param timeout how long one question may wait for its answer, retries included
 * @param challengeValidity how long a DNS change random value may be used; at most 30 days (BR
 *     3.2.2.4.7, "Random Value" in BR 1.6.1), and never longer than the domain-data reuse
 *     period ({@link DomainValidationReuse})
 * @param dnssec whether and from which trust anchor answers are DNSSEC-validated
 * @param sourceAddress the local IP address the lookups leave from (DNS queries, and the website
 *     fetches that resolve through them); unset lets the system choose. A remote network
 *     perspective on a host with several addresses looks from the one it is deployed for (BR
 *     3.2.2.9: the perspective is where its queries come from), and a resolver or web server
 *     sees that address
 */
@ConfigurationProperties("backoffice.dns")
public record DnsProperties(
    String resolver, Duration timeout, Duration challengeValidity, Dnssec dnssec, String sourceAddress) {

  /**
   * DNSSEC validation of every lookup of domain validation and CAA (BR 3.2.2.4 and 3.2.2.8.1, ballot
   * SC-085, mandatory since 2026-03-15; "CAs MUST NOT use local policy to disable DNSSEC
   * validation"). Only a private CA, which the BR do not bind, may switch it off.
   *
   * @param enabled on unless set to false
   * @param trustAnchor DS or DNSKEY records in zone-file format, as a Spring resource location;
   *     IANA's root KSKs ({@value DnssecTrustAnchor#IANA_ROOT}) unless set
   */
  public record Dnssec(Boolean enabled, String trustAnchor) {

    public Dnssec {
      enabled = enabled == null || enabled;
      trustAnchor =
          trustAnchor == null || trustAnchor.isBlank() ? DnssecTrustAnchor.IANA_ROOT : trustAnchor.strip();
    }

    /** For a private CA's configuration and tests of lookups without signatures. */
    public static Dnssec off() {
      return new Dnssec(false, null);
    }
  }

  static final int DNS_PORT = 53;
  static final Duration MAX_CHALLENGE_VALIDITY = Duration.ofDays(30);

  /** Lookups from the address the system chooses. */
  public DnsProperties(String resolver, Duration timeout, Duration challengeValidity, Dnssec dnssec) {
    this(resolver, timeout, challengeValidity, dnssec, null);
  }

  @ConstructorBinding
  public DnsProperties {
    resolver = resolver == null || resolver.isBlank() ? null : resolver.strip();
    sourceAddress = sourceAddress == null || sourceAddress.isBlank() ? null : sourceAddress.strip();
    if (sourceAddress != null) {
      sourceInetAddress(sourceAddress); // fail at start, not at the first question
    }
    timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("backoffice.dns.timeout must be positive: " + timeout);
    }
    challengeValidity = challengeValidity == null ? MAX_CHALLENGE_VALIDITY : challengeValidity;
    if (challengeValidity.isNegative()
        || challengeValidity.isZero()
        || challengeValidity.compareTo(MAX_CHALLENGE_VALIDITY) > 0) {
      throw new IllegalArgumentException(
          "backoffice.dns.challenge-validity must be positive and at most 30 days (BR 3.2.2.4.7): "
              + challengeValidity);
    }
    dnssec = dnssec == null ? new Dnssec(null, null) : dnssec;
    if (resolver != null) {
      resolverAddress(resolver); // fail at start, not at the first question
    }
  }

  /** The configured resolver, or empty for the system's. */
  public Optional<InetSocketAddress> resolverAddress() {
    return resolver == null ? Optional.empty() : Optional.of(resolverAddress(resolver));
  }

  /** The configured local address, or empty for the one the system chooses. */
  public Optional<InetAddress> sourceInetAddress() {
    return sourceAddress == null ? Optional.empty() : Optional.of(sourceInetAddress(sourceAddress));
  }

  private static InetAddress sourceInetAddress(String text) {
    // An address, never a name: which address a name stands for would depend on a lookup.
    if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}|\\[?[0-9A-Fa-f]*:[0-9A-Fa-f:.]*]?")) {
      throw new IllegalArgumentException("backoffice.dns.source-address must be an IP address: " + text);
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("backoffice.dns.source-address is not an IP address: " + text, e);
    }
  }

  private static InetSocketAddress resolverAddress(String text) {
    String host = text;
    int port = DNS_PORT;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("backoffice.dns.resolver: unclosed [ in " + text);
      }
      host = text.substring(1, close);
      if (text.length() > close + 1) {
        if (text.charAt(close + 1) != ':') {
          throw new IllegalArgumentException("backoffice.dns.resolver is not host:port: " + text);
        }
        port = port(text.substring(close + 2), text);
      }
    } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
      host = text.substring(0, text.indexOf(':'));
      port = port(text.substring(text.indexOf(':') + 1), text);
    }
    if (host.isBlank()) {
      throw new IllegalArgumentException("backoffice.dns.resolver names no host: " + text);
    }
    // Resolved here, once: the resolver's own name must not depend on the resolver.
    return new InetSocketAddress(host, port);
  }

  private static int port(String digits, String text) {
    try {
      int port = Integer.parseInt(digits);
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("backoffice.dns.resolver port out of range: " + text, e);
    }
  }
}
