package org.cabackoffice.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * WHOIS servers per TLD ({@code backoffice.whois.servers.<suffix>=host:port}) and the limits a
 * query runs under. A longer suffix wins, so {@code co.jp} may be configured apart from {@code
 * jp}; in YAML write such a key as {@code "[co.jp]"} so Spring keeps the dot.
 *
 * @param connectTimeout how long to wait for the TCP connection
 * @param readTimeout how long one read may block
 * @param answerTimeout how long a whole answer may take (a server trickling bytes is cut off)
 * @param maxAnswerBytes answers above this are refused, never half-parsed
 * @param iana the WHOIS server asked which server holds a TLD that has none configured ({@code
 *     host:port}, IANA's {@code whois.iana.org:43} by default; blank: never ask, such TLDs are
 *     unavailable)
 * @param cacheMaxAge how long a stored registry answer may stand in for a new query of the same
 *     domain, WHOIS or RDAP; DESIGN.md allows registration data no older than 48 hours, so a
 *     larger value is refused at start; zero asks the registry every time
 */
@ConfigurationProperties("backoffice.whois")
public record WhoisProperties(
    Map<String, String> servers,
    Duration connectTimeout,
    Duration readTimeout,
    Duration answerTimeout,
    Integer maxAnswerBytes,
    String iana,
    Duration cacheMaxAge) {

  public static final String IANA_WHOIS = "whois.iana.org:43";
  public static final Duration MAX_CACHE_AGE = Duration.ofHours(48);

  public WhoisProperties {
    Map<String, String> normalized = new LinkedHashMap<>();
    if (servers != null) {
      servers.forEach(
          (suffix, server) ->
              normalized.put(stripDots(suffix.toLowerCase(Locale.ROOT)), server.strip()));
    }
    servers = Map.copyOf(normalized);
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    answerTimeout = answerTimeout == null ? Duration.ofSeconds(20) : answerTimeout;
    maxAnswerBytes = maxAnswerBytes == null ? 64 * 1024 : maxAnswerBytes;
    iana = iana == null ? IANA_WHOIS : iana.strip();
    if (!iana.isEmpty()) {
      try {
        RegistryServer.parse(iana); // fail at start, not at the first unconfigured TLD
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "backoffice.whois.iana is no WHOIS host:port: " + e.getMessage(), e);
      }
    }
    cacheMaxAge = cacheMaxAge == null ? MAX_CACHE_AGE : cacheMaxAge;
    if (cacheMaxAge.isNegative() || cacheMaxAge.compareTo(MAX_CACHE_AGE) > 0) {
      throw new IllegalArgumentException(
          "backoffice.whois.cache-max-age must be between 0 and 48 hours (DESIGN.md: cached"
              + " registration data no older than 48 hours): "
              + cacheMaxAge);
    }
  }

  /** The configured server of the longest matching suffix of the (normalized) domain. */
  public Optional<RegistryServer> serverFor(String domain) {
    String suffix = domain;
    while (true) {
      String server = servers.get(suffix);
      if (server != null) {
        return Optional.of(RegistryServer.parse(server));
      }
      int dot = suffix.indexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      suffix = suffix.substring(dot + 1);
    }
  }

  /** IANA's WHOIS server, unless asking it is switched off. */
  public Optional<RegistryServer> ianaServer() {
    return iana.isEmpty() ? Optional.empty() : Optional.of(RegistryServer.parse(iana));
  }

  private static String stripDots(String s) {
    String t = s.strip();
    while (t.startsWith(".")) {
      t = t.substring(1);
    }
    return t;
  }
}
