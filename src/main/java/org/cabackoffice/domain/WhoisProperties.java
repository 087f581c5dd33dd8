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
 */
@ConfigurationProperties("backoffice.whois")
public record WhoisProperties(
    Map<String, String> servers,
    Duration connectTimeout,
    Duration readTimeout,
    Duration answerTimeout,
    Integer maxAnswerBytes) {

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

  private static String stripDots(String s) {
    String t = s.strip();
    while (t.startsWith(".")) {
      t = t.substring(1);
    }
    return t;
  }
}
