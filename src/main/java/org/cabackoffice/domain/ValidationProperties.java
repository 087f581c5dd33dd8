package org.cabackoffice.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What every validation record names besides its method.
 *
 * @param brVersion the version of the Baseline Requirements the CA follows, recorded per
 *     validated name (BR 3.2.2.4: "the CA SHALL maintain a record of which domain validation
 *     method, including relevant BR version number, they used to validate every domain");
 *     {@value #DEFAULT_BR_VERSION} unless set
 */
@ConfigurationProperties("backoffice.validation")
public record ValidationProperties(String brVersion) {

  /**
   * The version in force: BR 2.2.8 (ballot SC-098, released as BRs/v2.2.8 on 2026-06-16), the
   * newest release of cabforum/servercert we could verify (checked 2026-12-07). A new version is a configuration change
   * ({@code backoffice.validation.br-version}, set in application.yml).
   */
  static final String DEFAULT_BR_VERSION = "2.2.8";

  public ValidationProperties {
    brVersion = brVersion == null || brVersion.isBlank() ? DEFAULT_BR_VERSION : brVersion.strip();
    if (brVersion.length() > 16) {
      throw new IllegalArgumentException("backoffice.validation.br-version is too long: " + brVersion);
    }
  }
}
