package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.cabackoffice.input.CorporateNumber;
import org.cabackoffice.verification.OrganizationDirectory;
import org.cabackoffice.verification.OrganizationDirectoryEntry;
import org.cabackoffice.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The officers' directory page in a real browser (Debian's chromium, headless): an officer looks
 * an organization up by its Japanese name and corrects its phone number on record through the
 * form, CSRF token and all, as the page is used every day. A failure keeps a screenshot.
 */
class OrganizationDirectoryBrowserIT extends BackOfficeIT {

  @RegisterExtension static final HeadlessChromium BROWSER = new HeadlessChromium("ja");

  @Autowired OrganizationDirectory directory;
  @LocalServerPort int port;

  @AfterAll
  static void closeBrowser() {
    BROWSER.close();
  }

  @Test
  void anOfficerLooksUpAndCorrectsAnEntryInTheBrowser() {
    String number = null;
    String base = String.format("%012d", 10_402_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    for (int first = 0; first <= 9 && number == null; first++) {
      if (CorporateNumber.isValid(first + base)) {
        number = first + base;
      }
    }
    long id = directory.add(new OrganizationDirectoryEntry(
            "Browser Shiken K.K.", "閲覧試験株式会社", number, "03-5555-0710", "Minato-ku", "Tokyo", "JP",
            "Teikoku Databank COSMOSNET", LocalDate.of(2026, 10, 1)))
        .getId();
    WebDriver page = BROWSER.driver();

    // Basic login as the staff chains take it; the browser keeps the credentials for the origin.
    page.get("http://officer:officer@127.0.0.1:" + port + "/team/organization-directory?lang=ja");
    assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
    page.findElement(By.id("name")).sendKeys("閲覧試験");
    HeadlessChromium.follow(page.findElement(By.cssSelector("form[role=search] button[type=submit]")));
    assertThat(page.getPageSource()).contains("閲覧試験株式会社", number);

    HeadlessChromium.follow(page.findElement(By.cssSelector("a[href^='/team/organization-directory/" + id + "']")));
    page.findElement(By.id("mainPhone")).clear();
    page.findElement(By.id("mainPhone")).sendKeys("03-5555-0711");
    page.findElement(By.id("reason")).sendKeys("代表電話の変更を登記事項証明書で確認");
    HeadlessChromium.follow(page.findElement(By.cssSelector("#correction button[type=submit]")));

    assertThat(page.getPageSource()).contains("03-5555-0711");
    assertThat(directory.byId(id).orElseThrow().getMainPhone()).isEqualTo("03-5555-0711");
  }
}
