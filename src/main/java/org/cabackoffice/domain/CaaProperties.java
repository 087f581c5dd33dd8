package org.cabackoffice.domain;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuerDomains the Issuer Domain Names this CA recognizes as its own in CAA {@code issue}
 *     and {@code issuewild} properties (RFC 8659 4.2); the CA discloses them in its CP/CPS (BR
 *     4.2.2)
 */
@ConfigurationProperties("backoffice.caa")
public record CaaProperties(List<String> issuerDomains) {

  static final String DEFAULT_ISSUER_DOMAIN = "backoffice.example";

  public CaaProperties {
    List<String> domains =
        issuerDomains == null
            ? List.of()
            : issuerDomains.stream()
                .filter(d -> d != null && !d.isBlank())
                .map(d -> d.strip().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    issuerDomains = domains.isEmpty() ? List.of(DEFAULT_ISSUER_DOMAIN) : domains;
  }
}
