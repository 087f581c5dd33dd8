package org.cabackoffice.domain;

import java.util.Locale;

/** A WHOIS server as configured or referred to: {@code host[:port]}, port 43 by default (RFC 3912). */
public record RegistryServer(String host, int port) {

  public static final int WHOIS_PORT = 43;

  public RegistryServer {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("no WHOIS host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("WHOIS port out of range: " + port);
    }
  }

  /**
   * Reads {@code host}, {@code host:port}, or a referral written as a URL ({@code
   * whois://host}, {@code rwhois://host:4321/}) as some registries do.
   */
  public static RegistryServer parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("no WHOIS server");
    }
    String s = text.strip();
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int slash = s.indexOf('/');
    if (slash >= 0) {
      s = s.substring(0, slash);
    }
    int colon = s.lastIndexOf(':');
    if (colon < 0) {
      return new RegistryServer(s.toLowerCase(Locale.ROOT), WHOIS_PORT);
    }
    try {
      return new RegistryServer(
          s.substring(0, colon).toLowerCase(Locale.ROOT), Integer.parseInt(s.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a WHOIS server host:port: " + text, e);
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
