package org.cabackoffice.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps an application past its service level in front of the validation team: once a day,
 * for as long as it waits for an officer or the customer, the team's mailbox hears which
 * application it is and what it waits for (guide, introduction: issuance within three business
 * days, express the same day). Open officer tasks otherwise wait without end.
 */
@Service
public class OverdueApplications {

  static final String TEMPLATE = "overdue-application";

  private final Applications applications;
  private final MailTemplates templates;
  private final Outbox outbox;
  private final Clock clock;
  private final String teamAddress;

  public OverdueApplications(
      Applications applications,
      MailTemplates templates,
      Outbox outbox,
      Clock clock,
      @Value("${backoffice.mail.validation-team:validation-team@backoffice.example}") String teamAddress) {
    this.applications = applications;
    this.templates = templates;
    this.outbox = outbox;
    this.clock = clock;
    this.teamAddress = teamAddress;
  }

  /**
   * Mails the team about the application and what it waits for; at most once a day, so a retried
   * timer job mails nobody twice.
   *
   * @param waitingFor the names of the steps the application waits at
   */
  @Transactional
  public void remindTeam(long applicationId, List<String> waitingFor) {
    Application application = applications.get(applicationId);
    LocalDate today = BusinessCalendar.today(clock);
    outbox.enqueue(
        templates
            .compose(
                TEMPLATE + ":" + applicationId + ":" + today,
                TEMPLATE,
                teamAddress,
                Map.of(
                    "applicationId", applicationId,
                    "commonName", String.valueOf(application.getCommonName()),
                    "organization", application.getOrganizationNameEn(),
                    "express", application.isExpress() ? "express / 特急" : "standard / 通常",
                    "submittedAt", application.getSubmittedAt().atZone(BusinessCalendar.ZONE).toLocalDateTime().withNano(0).toString(),
                    "waitingFor", waitingFor.isEmpty() ? "-" : String.join(", ", waitingFor)),
                List.of())
            .about(applicationId));
  }
}
