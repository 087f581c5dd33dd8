package org.cabackoffice.mail;

import java.util.List;

/**
 * A mail to be sent. {@code dedupKey} identifies it for the outbox: enqueuing the same key twice
 * (a retried job) stores it once, so a customer is never mailed twice. {@code from} is null for
 * the configured default sender ({@code backoffice.mail.from}). {@code applicationId} names the
 * application the mail is about, so auditors find it in that application's history; null for a
 * mail about none.
 */
public record OutgoingMail(
    String dedupKey,
    String from,
    String to,
    String subject,
    String body,
    List<Attachment> attachments,
    Long applicationId) {

  public OutgoingMail {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** A mail about no application. */
  public OutgoingMail(
      String dedupKey, String from, String to, String subject, String body, List<Attachment> attachments) {
    this(dedupKey, from, to, subject, body, attachments, null);
  }

  /** The same mail from another sender, e.g. the guide's domain-consent address [3-1]. */
  public OutgoingMail withFrom(String sender) {
    return new OutgoingMail(dedupKey, sender, to, subject, body, attachments, applicationId);
  }

  /** The same mail, filed under the application it is about. */
  public OutgoingMail about(Long application) {
    return new OutgoingMail(dedupKey, from, to, subject, body, attachments, application);
  }

  public record Attachment(String filename, String contentType, byte[] content) {}
}
