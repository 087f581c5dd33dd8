package org.cabackoffice.mail;

import java.time.Instant;
import java.util.List;

/**
 * An outbox mail as operations and auditors see it: who, what, where it stands. Never the body,
 * which carries one-time tokens.
 */
public record OutboxMailView(
    Long id,
    String dedupKey,
    String from,
    String to,
    String subject,
    List<String> attachments,
    OutboxStatus status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant sentAt) {

  static OutboxMailView of(OutboxMail mail) {
    return new OutboxMailView(
        mail.getId(),
        mail.getDedupKey(),
        mail.getSender(),
        mail.getRecipient(),
        mail.getSubject(),
        mail.getAttachments().stream().map(OutboxAttachment::getFilename).toList(),
        mail.getStatus(),
        mail.getAttempts(),
        mail.getNextAttemptAt(),
        mail.getLastError(),
        mail.getCreatedAt(),
        mail.getSentAt());
  }
}
