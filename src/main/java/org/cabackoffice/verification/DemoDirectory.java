package org.cabackoffice.verification;

import java.time.LocalDate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Directory entries of the embedded setup, standing in for a Teikoku Databank subscription. */
@Component
@ConditionalOnProperty(name = "backoffice.demo.enabled", havingValue = "true")
public class DemoDirectory {

  private final OrganizationDirectory directory;

  public DemoDirectory(OrganizationDirectory directory) {
    this.directory = directory;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void seed() {
    if (directory.size() > 0) {
      return;
    }
    // Corporate numbers with valid check digits, as an import would insist on.
    LocalDate checked = LocalDate.of(2026, 4, 1);
    directory.add(
        new OrganizationDirectoryEntry(
            new DirectoryValues(
                "6010001000001", "サンプル株式会社", "Sample K.K.", "Tokyo", "Chuo-ku", "JP",
                "03-5555-0100", BusinessCategory.PRIVATE_ORGANIZATION, null,
                "Teikoku Databank COSMOSNET (demo data)", checked)));
    directory.add(
        new OrganizationDirectoryEntry(
            new DirectoryValues(
                "2200001000002", "例示商事株式会社", "Example Trading Co., Ltd.", "Osaka", "Kita-ku",
                "JP", "06-5555-0200", BusinessCategory.PRIVATE_ORGANIZATION, null,
                "登記事項証明書 (demo data)", checked)));
  }
}
