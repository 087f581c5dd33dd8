package org.cabackoffice.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What every validation record names besides its method.
 *
 * @param brVersion the version of the Baseline Requirements the CA follows, recorded per
 *     validated name (BR 3.2.2.4: "the CA SHALL maintain a record of which domain validation
 *     method, including relevant BR version number, they used to validate every domain")
 */
@ConfigurationProperties("backoffice.validation")
public record ValidationProperties(String brVersion) {

  static final String DEFAULT_BR_VERSION = "2.1.5";

  public ValidationProperties {
    brVersion = brVersion == null || brVersion.isBlank() ? DEFAULT_BR_VERSION : brVersion.strip();
    if (brVersion.length() > 16) {
      throw new IllegalArgumentException("backoffice.validation.br-version is too long: " + brVersion);
    }
  }
}
