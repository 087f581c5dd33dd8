package org.cabackoffice.mail;

import org.cabackoffice.timeline.TimelineContributor;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.cabackoffice.timeline.TimelineOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The mails sent about an application: subject, recipient domain and when, never the body (it
 * holds one-time tokens) nor the full address (personal data; the evidence rows name the
 * addresses where the procedure needs them).
 * Every stage files its mail under the application it is about ({@code OutgoingMail.about}).
 */
@Component
@Order(TimelineOrder.MAIL)
class MailTimeline implements TimelineContributor {

  /** The outbox columns the timeline shows; a closed projection, so the body is not selected. */
  public interface MailHeader {
    Long getId();

    String getRecipient();

    String getSubject();

    OutboxStatus getStatus();

    int getAttempts();

    Instant getCreatedAt();

    Instant getSentAt();
  }

  private final OutboxMailRepository outbox;

  MailTimeline(OutboxMailRepository outbox) {
    this.outbox = outbox;
  }

  @Override
  public List<TimelineEntry> entriesOf(long applicationId) {
    return outbox.findByApplicationIdOrderByIdAsc(applicationId, MailHeader.class).stream()
        .flatMap(m -> entries(m).stream())
        .toList();
  }

  static List<TimelineEntry> entries(MailHeader mail) {
    String reference = "outbox_mail:" + mail.getId();
    String what = "Mail '" + mail.getSubject() + "' to @" + RecipientDomain.of(mail.getRecipient());
    String state =
        switch (mail.getStatus()) {
          case SENT -> "";
          case FAILED -> " (delivery failed after " + mail.getAttempts() + " attempts)";
          case PENDING, SENDING -> " (not sent yet, " + mail.getAttempts() + " attempts so far)";
        };
    List<TimelineEntry> entries = new ArrayList<>();
    entries.add(
        new TimelineEntry(
            mail.getCreatedAt(), TimelineKind.MAIL_QUEUED, TimelineEntry.SYSTEM, what + " queued" + state, reference));
    if (mail.getSentAt() != null) {
      entries.add(
          new TimelineEntry(
              mail.getSentAt(),
              TimelineKind.MAIL_SENT,
              TimelineEntry.SYSTEM,
              what + " accepted by the mail server",
              reference));
    }
    return entries;
  }
}
