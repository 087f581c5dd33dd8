package org.cabackoffice.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * RDAP base URLs per TLD ({@code backoffice.rdap.servers.<suffix>=https://rdap.example/}),
 * longest suffix first as for WHOIS. A TLD with a base URL is asked over RDAP (RFC 9082); a TLD
 * configured nowhere is looked up in IANA's bootstrap file ({@link RdapBootstrap}).
 *
 * @param timeout connection and whole-request timeout
 * @param maxAnswerBytes larger answers are refused
 * @param bootstrap where IANA's RDAP bootstrap file for DNS (RFC 9224) is read from, a Spring
 *     resource location; the shipped snapshot by default, blank for none
 */
@ConfigurationProperties("backoffice.rdap")
public record RdapProperties(
    Map<String, String> servers, Duration timeout, Integer maxAnswerBytes, String bootstrap) {

  public static final String SHIPPED_BOOTSTRAP = "classpath:iana/rdap-dns.json";

  public RdapProperties {
    Map<String, String> normalized = new LinkedHashMap<>();
    if (servers != null) {
      servers.forEach(
          (suffix, url) -> {
            String base = url.strip();
            normalized.put(
                suffix.strip().replaceFirst("^\\.+", "").toLowerCase(Locale.ROOT),
                base.endsWith("/") ? base : base + "/");
          });
    }
    servers = Map.copyOf(normalized);
    timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
    maxAnswerBytes = maxAnswerBytes == null ? 256 * 1024 : maxAnswerBytes;
    bootstrap = bootstrap == null ? SHIPPED_BOOTSTRAP : bootstrap.strip();
  }

  public Optional<String> baseUrlFor(String domain) {
    String suffix = domain;
    while (true) {
      String url = servers.get(suffix);
      if (url != null) {
        return Optional.of(url);
      }
      int dot = suffix.indexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      suffix = suffix.substring(dot + 1);
    }
  }
}
