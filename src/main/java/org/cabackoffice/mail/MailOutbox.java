package org.cabackoffice.mail;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: stores the mail in the caller's transaction; {@link OutboxDispatcher} sends it
 * after commit. MANDATORY rather than REQUIRED because a caller without a transaction would
 * silently lose the guarantee that a rolled-back step mails nothing.
 */
@Service
public class MailOutbox implements Outbox {

  private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

  private final OutboxMailRepository mails;
  private final Clock clock;

  public MailOutbox(OutboxMailRepository mails, Clock clock) {
    this.mails = mails;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(OutgoingMail mail) {
    check(mail);
    // A retried job enqueues the same key again: that is expected, not an error. Two concurrent
    // first enqueues both pass this check; the unique constraint then rolls one of them back.
    if (mails.existsByDedupKey(mail.dedupKey())) {
      log.info(
          "outbox: mail {} to @{} already queued, ignored",
          mail.dedupKey(),
          RecipientDomain.of(mail.to()));
      return;
    }
    mails.save(new OutboxMail(mail, clock.instant()));
    log.info("outbox: mail {} to @{} queued", mail.dedupKey(), RecipientDomain.of(mail.to()));
  }

  private static void check(OutgoingMail mail) {
    require(mail.dedupKey(), "dedupKey", 200);
    require(mail.to(), "to", 1000);
    require(mail.subject(), "subject", 998);
    if (mail.body() == null) {
      throw new IllegalArgumentException("outbox mail " + mail.dedupKey() + " needs a body");
    }
    if (mail.from() != null && mail.from().length() > 320) {
      throw new IllegalArgumentException("outbox mail " + mail.dedupKey() + ": from too long");
    }
    for (OutgoingMail.Attachment a : mail.attachments()) {
      if (a.filename() == null || a.filename().isBlank() || a.content() == null) {
        throw new IllegalArgumentException(
            "outbox mail " + mail.dedupKey() + ": attachment needs a file name and content");
      }
      if (a.contentType() == null || a.contentType().isBlank()) {
        throw new IllegalArgumentException(
            "outbox mail " + mail.dedupKey() + ": attachment " + a.filename() + " needs a type");
      }
    }
  }

  private static void require(String value, String name, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("outbox mail needs " + name);
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          "outbox mail " + name + " longer than " + maxLength + " characters");
    }
  }
}
