package org.cabackoffice.mail;

import java.util.List;

/**
 * A mail to be sent. {@code dedupKey} identifies it for the outbox: enqueuing the same key twice
 * (a retried job) stores it once, so a customer is never mailed twice. {@code from} is null for
 * the configured default sender ({@code backoffice.mail.from}).
 */
public record OutgoingMail(
    String dedupKey,
    String from,
    String to,
    String subject,
    String body,
    List<Attachment> attachments) {

  public OutgoingMail {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** The same mail from another sender, e.g. the guide's domain-consent address [3-1]. */
  public OutgoingMail withFrom(String sender) {
    return new OutgoingMail(dedupKey, sender, to, subject, body, attachments);
  }

  public record Attachment(String filename, String contentType, byte[] content) {}
}
