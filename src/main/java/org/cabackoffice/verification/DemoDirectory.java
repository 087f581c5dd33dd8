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
    LocalDate checked = LocalDate.of(2026, 4, 1);
    directory.add(
        new OrganizationDirectoryEntry(
            "Sample K.K.", "サンプル株式会社", "1010001000001", "03-5555-0100",
            "Chuo-ku", "Tokyo", "JP", "Teikoku Databank COSMOSNET (demo data)", checked));
    directory.add(
        new OrganizationDirectoryEntry(
            "Example Trading Co., Ltd.", "例示商事株式会社", "1200001000002", "06-5555-0200",
            "Kita-ku", "Osaka", "JP", "登記事項証明書 (demo data)", checked));
  }
}
