package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cabackoffice.domain.LoopbackWhoisServer;
import org.cabackoffice.mail.CaughtMail;
import org.cabackoffice.mail.MailCatcher;
import org.cabackoffice.mail.OutboxDispatcher;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port: real HTTP, the in-process SMTP server (GreenMail) as
 * the mail catcher, a WHOIS server on a loopback port for every .jp name, and the database the
 * failsafe execution chose (H2 in memory, or PostgreSQL when spring.datasource.url is set).
 * Jobs run when the test says so, which makes each step observable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BackOfficeIT {

  static final String CUSTOMER = "web-admin@sample.co.jp";
  static final String AGENCY = "ssl@agency.example.jp";

  static final LoopbackWhoisServer WHOIS = new LoopbackWhoisServer().start();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    Path data = Files.createTempDirectory("backoffice-it");
    registry.add("backoffice.data-dir", data::toString);
    if (System.getProperty("spring.datasource.url") == null) {
      registry.add("spring.datasource.url", () -> "jdbc:h2:mem:backoffice-it;DB_CLOSE_DELAY=-1");
    }
    registry.add("backoffice.mail.catcher.smtp-port", () -> "0");
    registry.add("backoffice.mail.catcher.imap-port", () -> "0");
    registry.add("backoffice.mail.dispatcher.enabled", () -> "false");
    registry.add("backoffice.whois.dev-registry.enabled", () -> "false");
    registry.add("backoffice.whois.servers.jp", WHOIS::address);
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    registry.add("backoffice.demo.enabled", () -> "true");
  }

  @Autowired TestRestTemplate http;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired MailCatcher catcher;

  /** JPRS's answer for a general-use .jp domain (English form), as the registry writes it. */
  static String jprsRecord(String domain, String registrant, String email) {
    return """
        [ JPRS database provides information on network administration. Its use is    ]
        [ restricted to network administration purposes.                              ]

        Domain Information:
        [Domain Name]                   %s

        [Registrant]                    %s

        [Name Server]                   ns1.%s
        [Signing Key]

        [Created on]                    2010/04/01
        [Expires on]                    2027/04/30
        [Status]                        Active
        [Last Updated]                  2026/05/01 01:05:03 (JST)

        Contact Information:
        [Name]                          %s
        [Email]                         %s
        [Postal code]                   104-0061
        [Postal Address]                1-2-3 Ginza, Chuo-ku, Tokyo
        [Phone]                         03-5555-0100
        """
        .formatted(domain.toUpperCase(), registrant, domain, registrant, email);
  }

  TestRestTemplate as(String user, String password) {
    return http.withBasicAuth(user, password);
  }

  TestRestTemplate customer() {
    return as(CUSTOMER, "customer");
  }

  /** Runs the asynchronous continuations (not the timers) until the processes wait again. */
  void runJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().executable().messages().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
      }
    }
    throw new AssertionError("jobs keep coming");
  }

  void completeTask(long applicationId, String taskKey, String officer, Map<String, Object> variables) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(String.valueOf(applicationId))
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(task).as("open task " + taskKey + " of application " + applicationId).isNotNull();
    tasks.claim(task.getId(), officer);
    tasks.complete(task.getId(), variables);
    runJobs();
  }

  /** Sends what the outbox holds over SMTP, then returns the mails the catcher received. */
  List<CaughtMail> mailsTo(String address) {
    dispatcher.dispatchDue();
    return catcher.mailsTo(address);
  }

  static String link(CaughtMail mail, String path) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(/public/" + path + "/[A-Za-z0-9_-]+)").matcher(mail.text());
    assertThat(m.find()).as("a " + path + " link in the mail").isTrue();
    return m.group(1);
  }
}
