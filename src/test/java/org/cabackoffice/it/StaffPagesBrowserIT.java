package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cabackoffice.testsupport.CsrFactory;
import org.cabackoffice.testsupport.HeadlessChromium;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 11's three users in a real browser (Debian's chromium, headless): an auditor finds a
 * finished application and reads its diagram and timeline, and verifies the audit log; an operator proposes a changed timer,
 * a second operator approves it, a new application runs on it, and going back takes the same
 * path; an officer filters the team board. Each page is kept as a screenshot
 * (target/screenshots) to be looked at, not only asserted.
 */
class StaffPagesBrowserIT extends BackOfficeIT {

  @Autowired org.cabackoffice.verification.OrganizationDirectory directory;

  /** Two people, two browsers: the second operator is not the first one logged in again. */
  @RegisterExtension static final HeadlessChromium BROWSER = new HeadlessChromium("ja");
  @RegisterExtension static final HeadlessChromium SECOND = new HeadlessChromium("en");

  static final String AUDITED = "www.browser-audit.jp";
  static final String CHANGED = "www.browser-model.jp";
  static final String BOARD = "www.browser-board.jp";
  static final String MIGRATED = "www.browser-migrate.jp";

  @Autowired RepositoryService repository;
  @Autowired org.cabackoffice.operations.ModelChanges modelChanges;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired org.cabackoffice.security.RefusedAttempts refusedAttempts;
  @Autowired org.camunda.bpm.engine.FilterService filters;
  @LocalServerPort int port;
  @TempDir Path dir;

  @BeforeAll
  static void registry() {
    WHOIS.answer(BOARD.substring(4), jprsRecord(BOARD.substring(4), "Board Shiken K.K.", "hostmaster@browser-board.jp"));
    for (String name : List.of(AUDITED, CHANGED, MIGRATED)) {
      String domain = name.substring(4);
      WHOIS.answer(domain, jprsRecord(domain, "Sample K.K.", "hostmaster@sample.co.jp"));
    }
  }

  @AfterAll
  static void closeBrowsers() {
    BROWSER.close();
    SECOND.close();
  }

  /** The page as {@code user} (demo staff: password = user id) in the browser that user works in. */
  String url(HeadlessChromium browser, String user, String path) {
    browser.basicLogin(user, user);
    return "http://127.0.0.1:" + port + path;
  }

  @Test
  void anAuditorSearchesAndOpensAFinishedApplication() throws Exception {
    long id = submit(AUDITED);
    runJobs();
    proveDomainControl(id);
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "registrant is the applicant"));
    payInvoice(id);
    confirmByPhone(id, "officer");
    completeTask(id, "approve-issuance", "senior", Map.of("issuanceDecision", "APPROVE", "approvalNote", "browser walk"));

    WebDriver page = BROWSER.driver();
    page.get(url(BROWSER, "auditor", "/audit/applications?lang=ja"));
    page.findElement(By.id("domain")).sendKeys("browser-audit.jp");
    page.findElement(By.id("status")).sendKeys("ISSUED");
    HeadlessChromium.follow(page.findElement(By.cssSelector("#search button[type=submit]")));
    BROWSER.screenshot("audit-search");
    HeadlessChromium.follow(page.findElement(By.cssSelector("#applications a[href^='/audit/applications/" + id + "']")));

    assertThat(page.findElement(By.id("summary")).getText()).contains("ISSUED", AUDITED);
    assertThat(page.findElements(By.cssSelector("figure.diagram svg g[data-passed=true]"))).isNotEmpty();
    assertThat(page.findElement(By.cssSelector("figure.diagram svg g[data-element=sign-certificate]")).getAttribute("data-passed"))
        .isEqualTo("true");
    assertThat(page.findElement(By.id("timeline")).getText()).contains("JST", "senior");
    BROWSER.screenshot("audit-application");
  }

  @Test
  void anAuditorVerifiesTheAuditLogAndSeesAChangedRowNamed() throws Exception {
    // A row of this test's own, so the log is not empty whichever test ran first.
    refusedAttempts.record(null, "officer", "audit-log-page", "browser walk");
    long target = jdbc.queryForObject("select max(seq) from audit_log", Long.class);
    String kind = jdbc.queryForObject("select kind from audit_log where seq = ?", String.class, target);

    WebDriver page = BROWSER.driver();
    page.get(url(BROWSER, "auditor", "/audit/applications?lang=ja"));
    HeadlessChromium.follow(page.findElement(By.id("audit-log-link")));
    assertThat(Long.parseLong(page.findElement(By.id("rows")).getText())).isGreaterThanOrEqualTo(target);
    jdbc.update("update audit_log set kind = 'rewritten-by-hand' where seq = ?", target);
    try {
      HeadlessChromium.follow(page.findElement(By.cssSelector("#verify button[type=submit]")));
      WebElement broken = page.findElement(By.id("broken"));
      assertThat(broken.getAttribute("data-row")).isEqualTo(String.valueOf(target));
      assertThat(broken.getText()).isEqualTo("行 " + target + ": 改変されています");
      BROWSER.screenshot("audit-log-broken");
    } finally {
      // Other tests in the shared context read the log: the row's own value makes it whole again.
      jdbc.update("update audit_log set kind = ? where seq = ?", kind, target);
    }
    page.get(url(BROWSER, "auditor", "/audit/audit-log?verify=now&lang=en"));
    assertThat(page.findElement(By.id("result")).getAttribute("data-intact")).isEqualTo("true");
    assertThat(page.findElement(By.id("intact")).getText()).startsWith("Intact:");
  }

  @Test
  void anOperatorProposesAChangedTimerAndASecondOperatorApprovesIt() throws Exception {
    String deployed = Files.readString(Path.of("bpmn/certificate-renewal.bpmn"));
    ProcessDefinition before = latest();

    // A model that lets signing happen without the CAA check is refused, with the reason.
    Path unfit = dir.resolve("unfit").resolve("certificate-renewal.bpmn");
    Files.createDirectories(unfit.getParent());
    Files.writeString(unfit, deployed.replace(
        "sourceRef=\"issuance-stage-started\" targetRef=\"check-caa\"", "sourceRef=\"issuance-stage-started\" targetRef=\"caa-permits\""));
    WebDriver operator = BROWSER.driver();
    operator.get(url(BROWSER, "operator", "/operations/models?lang=ja"));
    BROWSER.screenshot("operations-models");
    propose(operator, unfit, "CAA を省く (拒否されるはず)");
    assertThat(operator.findElement(By.id("findings")).getText())
        .contains("controls", "check-caa", "sign-certificate", "BR 3.2.2.8");
    BROWSER.screenshot("operations-refused");
    assertThat(latest().getId()).isEqualTo(before.getId());

    // The DNS recheck every 30 minutes instead of the configured interval.
    Path changed = dir.resolve("changed").resolve("certificate-renewal.bpmn");
    Files.createDirectories(changed.getParent());
    Files.writeString(changed, deployed.replace("${dnsRecheckInterval}</bpmn:timeDuration>", "PT30M</bpmn:timeDuration>"));
    propose(operator, changed, "DNS の再確認を 30 分ごとに");
    String changeUrl = operator.getCurrentUrl().replaceFirst("^http://[^/]+", "").replaceFirst("\\?.*$", "");
    assertThat(changeUrl).matches("/operations/model-changes/\\d+");
    assertThat(operator.findElement(By.cssSelector("#differences tr[data-element=dns-recheck-wait]")).getText())
        .contains("${dnsRecheckInterval} → PT30M");
    // Nobody approves their own change.
    assertThat(operator.findElement(By.id("own-proposal")).isDisplayed()).isTrue();
    assertThat(operator.findElements(By.id("approve"))).isEmpty();
    BROWSER.screenshot("operations-proposed");
    assertThat(latest().getId()).isEqualTo(before.getId());

    // An auditor reads the proposal and may not decide it.
    ResponseEntity<String> audited = as("auditor", "auditor").getForEntity(changeUrl, String.class);
    assertThat(audited.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(audited.getBody()).contains("dns-recheck-wait").doesNotContain("id=\"approve\"", "id=\"decline\"");

    WebDriver second = SECOND.driver();
    second.get(url(SECOND, "operator2", changeUrl + "?lang=en"));
    second.findElement(By.id("approve-note")).sendKeys("checked with the DNS team");
    HeadlessChromium.follow(second.findElement(By.cssSelector("#approve button[type=submit]")));
    assertThat(second.findElement(By.id("status")).getText()).isEqualTo("deployed");
    SECOND.screenshot("operations-approved");

    ProcessDefinition after = latest();
    assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
    assertThat(new String(repository.getProcessModel(after.getId()).readAllBytes())).contains("PT30M</bpmn:timeDuration>");
    // Every node reads the latest version from the shared database: a new application runs on it.
    long id = submit(CHANGED);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id)).singleResult()
        .getProcessDefinitionId()).isEqualTo(after.getId());

    // Going back is a change like any other: proposed by one, approved by another.
    operator.get(url(BROWSER, "operator", "/operations/models?lang=ja"));
    operator.findElement(By.cssSelector("tr[data-definition='" + before.getId() + "'] input[name=purpose]")).sendKeys("元に戻す");
    HeadlessChromium.follow(operator.findElement(By.cssSelector("tr[data-definition='" + before.getId() + "'] button[type=submit]")));
    String rollbackUrl = operator.getCurrentUrl().replaceFirst("^http://[^/]+", "").replaceFirst("\\?.*$", "");
    assertThat(operator.findElement(By.cssSelector("#differences tr[data-element=dns-recheck-wait]")).getText())
        .contains("PT30M → ${dnsRecheckInterval}");
    second.get(url(SECOND, "operator2", rollbackUrl + "?lang=en"));
    HeadlessChromium.follow(second.findElement(By.cssSelector("#approve button[type=submit]")));
    assertThat(second.findElement(By.id("status")).getText()).isEqualTo("deployed");
    assertThat(new String(repository.getProcessModel(latest().getId()).readAllBytes())).contains("${dnsRecheckInterval}</bpmn:timeDuration>");
    // The application started on the changed version stays on it.
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id)).singleResult()
        .getProcessDefinitionId()).isEqualTo(after.getId());
    operator.get(url(BROWSER, "operator", "/operations/models?lang=ja"));
    BROWSER.screenshot("operations-history");
    assertThat(operator.findElement(By.id("changes")).getText()).contains("operator2", "元に戻す");
  }

  @Test
  void anOperatorMigratesARunningApplicationToANewVersionAndASecondOperatorApproves() throws Exception {
    long id = submit(MIGRATED);
    runJobs();
    ProcessDefinition before = latest();
    String instance = processInstanceId(id);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId())
        .isEqualTo(before.getId());
    // A new version (the DNS recheck every 45 minutes) is deployed through the governed path.
    String deployed = Files.readString(Path.of("bpmn/certificate-renewal.bpmn"));
    var change = modelChanges.propose(List.of(new org.cabackoffice.operations.ModelResource("certificate-renewal.bpmn",
        deployed.replace("${dnsRecheckInterval}</bpmn:timeDuration>", "PT45M</bpmn:timeDuration>").getBytes(java.nio.charset.StandardCharsets.UTF_8))),
        "migration walk", "operator");
    modelChanges.approve(change.getId(), "operator2", null);
    ProcessDefinition after = latest();
    try {
      WebDriver operator = BROWSER.driver();
      operator.get(url(BROWSER, "operator", "/operations/models?lang=ja"));
      HeadlessChromium.follow(operator.findElement(By.cssSelector("tr[data-definition='" + before.getId() + "'] a.migrate")));
      // Every application on the old version is listed; this walk moves its own only.
      operator.findElement(By.id("businessKey")).sendKeys(String.valueOf(id));
      HeadlessChromium.follow(operator.findElement(By.cssSelector("#narrow button[type=submit]")));
      assertThat(operator.findElement(By.id("plan-valid")).isDisplayed()).isTrue();
      assertThat(operator.findElement(By.id("versions")).getText()).contains(before.getId(), after.getId());
      assertThat(operator.findElement(By.cssSelector("#mappings tr[data-source=dns-recheck-wait]")).getAttribute("data-target"))
          .isEqualTo("dns-recheck-wait");
      String row = operator.findElement(By.cssSelector("#instances tr[data-instance='" + instance + "']")).getText();
      assertThat(row).contains(String.valueOf(id), "dns-recheck-wait", "移行できます");
      assertThat(operator.findElement(By.cssSelector("#instances tr[data-instance='" + instance + "'] input[name=instance]")).isSelected()).isTrue();
      operator.findElement(By.id("purpose")).sendKeys("DNS 再確認の間隔を新しい版で");
      BROWSER.screenshot("operations-migration-plan");
      HeadlessChromium.follow(operator.findElement(By.cssSelector("#propose button[type=submit]")));
      String migrationUrl = operator.getCurrentUrl().replaceFirst("^http://[^/]+", "").replaceFirst("\\?.*$", "");
      assertThat(migrationUrl).matches("/operations/migrations/\\d+");
      // Nobody approves their own migration; the instance has not moved.
      assertThat(operator.findElement(By.id("own-proposal")).isDisplayed()).isTrue();
      assertThat(operator.findElements(By.id("approve"))).isEmpty();
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId())
          .isEqualTo(before.getId());
      BROWSER.screenshot("operations-migration-proposed");
      // The server holds four eyes too: the withdraw form, pointed at the approval by hand, is refused.
      org.openqa.selenium.WebElement proposedPage = operator.findElement(By.tagName("html"));
      ((org.openqa.selenium.JavascriptExecutor) operator).executeScript(
          "var f = document.getElementById('decline'); f.action = f.action.replace('/refusal', '/approval');"
              + " document.getElementById('decline-note').required = false; f.submit();");
      HeadlessChromium.untilGone(proposedPage);
      assertThat(operator.findElement(By.id("findings")).getText()).contains("four-eyes", "operator");
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId())
          .isEqualTo(before.getId());
      ResponseEntity<String> audited = as("auditor", "auditor").getForEntity(migrationUrl, String.class);
      assertThat(audited.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(audited.getBody()).contains(instance).doesNotContain("id=\"approve\"");

      WebDriver second = SECOND.driver();
      second.get(url(SECOND, "operator2", migrationUrl + "?lang=en"));
      second.findElement(By.id("approve-note")).sendKeys("one application, checked");
      HeadlessChromium.follow(second.findElement(By.cssSelector("#approve button[type=submit]")));
      assertThat(second.findElement(By.id("status")).getText()).isEqualTo("run");
      assertThat(second.findElement(By.id("outcome")).getText()).isEqualTo("1 moved, 0 stayed on their version");
      SECOND.screenshot("operations-migration-run");
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId())
          .isEqualTo(after.getId());
      // The application goes on, on the new version: its DNS recheck is found and the stage after it opens.
      proveDomainControl(id);
      assertThat(tasks.createTaskQuery().processInstanceId(instance).singleResult().getProcessDefinitionId()).isEqualTo(after.getId());
      // The outcome is in the tamper-evident log, with the approver.
      String migration = migrationUrl.substring(migrationUrl.lastIndexOf('/') + 1);
      assertThat(jdbc.queryForList("select details from audit_log where subject = ? and kind = 'InstanceMigration.changed'",
          String.class, "InstanceMigration:" + migration))
          .anySatisfy(d -> assertThat(d).contains("\"migratedCount\":1", "\"failedCount\":0"))
          .anySatisfy(d -> assertThat(d).contains("\"decidedBy\":\"operator2\""));
      operator.get(url(BROWSER, "operator", "/operations/models?lang=ja"));
      assertThat(operator.findElement(By.cssSelector("#migrations tr[data-migration='" + migration + "']")).getText())
          .contains("operator2", "移行 1 件");
    } finally {
      // Other tests start on the model as bpmn/ has it: back through the same path.
      var back = modelChanges.proposeRollback(before.getId(), "migration walk done", "operator");
      modelChanges.approve(back.getId(), "operator2", null);
    }
  }

  @Test
  void anOfficerFiltersTheTeamBoard() throws Exception {
    // An organization of its own: Sample K.K.'s verification, made by any earlier test of the
    // suite, would be reused (BR 4.2.1) and the application would skip the stage looked for here.
    String number = null;
    String base = String.format("%012d", 10_403_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    for (int first = 0; first <= 9 && number == null; first++) {
      if (org.cabackoffice.input.CorporateNumber.isValid(first + base)) {
        number = first + base;
      }
    }
    directory.add(new org.cabackoffice.verification.OrganizationDirectoryEntry(
        "Board Shiken K.K.", "盤試験株式会社", number, "03-5555-0720", "Chuo-ku", "Tokyo", "JP",
        "Teikoku Databank COSMOSNET (test)", java.time.LocalDate.of(2026, 10, 1)));
    long id = submit(BOARD, "Board Shiken K.K.", "盤試験株式会社", number);
    runJobs();
    proveDomainControl(id);
    runJobs();
    // Past the domain, the application waits for an officer to confirm its organization.
    String task = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey("confirm-organization")
        .singleResult().getId();

    WebDriver page = BROWSER.driver();
    page.get(url(BROWSER, "officer", "/team/board?lang=ja"));
    new org.openqa.selenium.support.ui.Select(page.findElement(By.id("stage"))).selectByValue("organization-stage");
    new org.openqa.selenium.support.ui.Select(page.findElement(By.id("product"))).selectByValue("GLOBAL_SERVER_ID");
    HeadlessChromium.follow(page.findElement(By.cssSelector("#filters button[type=submit]")));
    String row = page.findElement(By.cssSelector("#tasks tr[data-application='" + id + "']")).getText();
    assertThat(row).contains("#" + id, BOARD, "Board Shiken K.K.", "GLOBAL_SERVER_ID", "Confirm organization against the directory",
        "Validate the organization", "JST", "未担当");
    assertThat(page.findElement(By.cssSelector("#tasks tr[data-application='" + id + "'] a[href*='tasklist']")).getAttribute("href"))
        .endsWith("/camunda/app/tasklist/default/#/?task=" + task);
    BROWSER.screenshot("team-board-stage");

    // Another stage's filter leaves it out; claimed, it is on the officer's own list.
    new org.openqa.selenium.support.ui.Select(page.findElement(By.id("stage"))).selectByValue("approval-stage");
    HeadlessChromium.follow(page.findElement(By.cssSelector("#filters button[type=submit]")));
    assertThat(page.findElements(By.cssSelector("#tasks tr[data-application='" + id + "']"))).isEmpty();
    tasks.claim(task, "officer");
    page.get("http://127.0.0.1:" + port + "/team/board?lang=ja&view=mine");
    assertThat(page.findElement(By.cssSelector("#tasks tr[data-application='" + id + "']")).getText()).contains("officer");
    BROWSER.screenshot("team-board-mine");

    // Tasklist's saved filter "my tasks" lists it too, with the application's facts as columns.
    org.camunda.bpm.engine.filter.Filter mine = filters.createFilterQuery().filterName("自分のタスク / My tasks").singleResult();
    assertThat(mine.getProperties().get("variables").toString()).contains("applicationId", "commonName", "organizationName");
    identity.setAuthentication("officer", List.of("validationOfficers"));
    try {
      assertThat(filters.list(mine.getId()).stream().map(t -> ((org.camunda.bpm.engine.task.Task) t).getId())).contains(task);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(filters.createFilterQuery().filterNameLike("段階 / Stage: %").count()).isGreaterThanOrEqualTo(5);
    tasks.setAssignee(task, null);
  }

  private ProcessDefinition latest() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("certificate-renewal").latestVersion().singleResult();
  }

  private static void propose(WebDriver page, Path file, String purpose) {
    page.findElement(By.id("files")).sendKeys(file.toAbsolutePath().toString());
    // A refused proposal comes back with its purpose filled in: replace it.
    page.findElement(By.id("purpose")).clear();
    page.findElement(By.id("purpose")).sendKeys(purpose);
    HeadlessChromium.follow(page.findElement(By.cssSelector("#propose button[type=submit]")));
  }

  private long submit(String name) {
    return submit(name, "Sample K.K.", null, null);
  }

  private long submit(String name, String nameEn, String nameJa, String corporateNumber) {
    String csr;
    try {
      csr = CsrFactory.pem(CsrFactory.p256(), "CN=" + name + ", O=" + nameEn + ", L=Chuo-ku, ST=Tokyo, C=JP", List.of(name));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    Map<String, Object> form = CertificateApplicationIT.form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null);
    if (nameJa != null) {
      form.put("organization", Map.of(
          "nameEn", nameEn, "nameJa", nameJa, "locality", "Chuo-ku", "stateOrProvince", "Tokyo", "country", "JP",
          "corporateNumber", corporateNumber));
    }
    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> created = customer().postForEntity("/api/applications", form, Map.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return ((Number) created.getBody().get("id")).longValue();
  }
}
