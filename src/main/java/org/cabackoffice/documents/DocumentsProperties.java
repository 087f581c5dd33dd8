package org.cabackoffice.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long an upload link lives and how large an upload may be.
 *
 * @param validDays days an upload link stays usable; the Baseline Requirements let random values
 *     live at most 30 days, and the same bound keeps a leaked link short-lived
 * @param maxUploadBytes largest PDF accepted (10 MiB, the multipart limit of application.yml)
 */
@ConfigurationProperties("backoffice.documents")
public record DocumentsProperties(Integer validDays, Long maxUploadBytes) {

  public DocumentsProperties {
    validDays = validDays == null ? 30 : validDays;
    maxUploadBytes = maxUploadBytes == null ? 10L * 1024 * 1024 : maxUploadBytes;
    if (validDays < 1) {
      throw new IllegalArgumentException("backoffice.documents.valid-days must be at least 1");
    }
    if (maxUploadBytes < 1) {
      throw new IllegalArgumentException("backoffice.documents.max-upload-bytes must be positive");
    }
  }
}
