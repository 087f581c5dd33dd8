package org.cabackoffice.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cabackoffice.mail.OutboxMailRepository;
import org.cabackoffice.mail.OutboxStatus;
import org.cabackoffice.mail.RecipientDomain;
import org.springframework.stereotype.Component;

/**
 * The mails sent about an application: subject, recipient domain and when, never the body (it
 * holds one-time tokens) nor the full address (personal data; the evidence rows name the
 * addresses where the procedure needs them).
 *
 * <p>The outbox has no application column: each stage gives its mail a dedup key, and those keys
 * are how a mail is found again. The conventions are the senders' (cited per key below); a stage
 * that changes its key must change it here too.
 */
@Component
class ApplicationMails {

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

  ApplicationMails(OutboxMailRepository outbox) {
    this.outbox = outbox;
  }

  List<TimelineEntry> of(long applicationId, RecordedEvidence.MailSubjects subjects) {
    List<String> keys = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    keys.add("invoice:" + applicationId); // payment.Invoices
    keys.add("application-rejected:" + applicationId); // application.Applications
    prefixes.add("domain-use-consent:" + applicationId + ":"); // domain.DomainUseConsents
    for (Long consent : subjects.consentIds()) {
      prefixes.add("domain-use-consent-reminder:" + consent + ":"); // domain.DomainUseConsents
    }
    for (Long challenge : subjects.challengeIds()) {
      keys.add("dns-change-challenge:" + challenge); // domain.DomainControl
    }
    for (Long request : subjects.documentRequestIds()) {
      keys.add("document-request:" + request); // documents.DocumentRequests
      prefixes.add("document-reminder:" + request + ":"); // documents.DocumentRequests
    }
    if (subjects.serial() != null) {
      keys.add("certificate-issued/" + subjects.serial()); // issuance.CertificateDelivery
    }

    // By id: a key and a prefix never name the same mail, but keep each mail once regardless.
    Map<Long, MailHeader> mails = new LinkedHashMap<>();
    for (MailHeader m : outbox.findByDedupKeyInOrderByIdAsc(keys, MailHeader.class)) {
      mails.put(m.getId(), m);
    }
    for (String prefix : prefixes) {
      for (MailHeader m : outbox.findByDedupKeyStartingWithOrderByIdAsc(prefix, MailHeader.class)) {
        mails.put(m.getId(), m);
      }
    }
    return mails.values().stream()
        .sorted(Comparator.comparing(MailHeader::getId))
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
