package org.cabackoffice.auditlog;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit key, opened once at start like the CA keys. */
@Configuration
@EnableConfigurationProperties(AuditLogProperties.class)
class AuditLogConfiguration {

  @Bean
  AuditKey auditKey(
      AuditLogProperties properties,
      Clock clock,
      @Value("${backoffice.data-dir:./data}") String dataDir,
      @Value("${backoffice.ca.keystore-password:}") String caPassword,
      @Value("${backoffice.ca.create-if-missing:true}") boolean caCreateIfMissing) {
    Path path =
        blank(properties.keystorePath())
            ? Path.of(dataDir, "ca", "audit-key.p12")
            : Path.of(properties.keystorePath());
    return AuditKey.open(
        path,
        blank(properties.keystorePassword()) ? caPassword : properties.keystorePassword(),
        properties.createIfMissing() == null ? caCreateIfMissing : properties.createIfMissing(),
        properties.subject(),
        clock);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
