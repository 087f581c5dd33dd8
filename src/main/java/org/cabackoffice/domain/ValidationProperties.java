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
   * The version in force: BR 2.2.6 (ballot SC-095, effective 2026-03-31), the newest in
   * cabforum/servercert's docs/BR.md (checked 2026-12-06). A new version is a configuration change
   * ({@code backoffice.validation.br-version}, set in application.yml).
   */
  static final String DEFAULT_BR_VERSION = "2.2.6";

  public ValidationProperties {
    brVersion = brVersion == null || brVersion.isBlank() ? DEFAULT_BR_VERSION : brVersion.strip();
    if (brVersion.length() > 16) {
      throw new IllegalArgumentException("backoffice.validation.br-version is too long: " + brVersion);
    }
  }
}
