package org.cabackoffice.mail;

import org.cabackoffice.digest.Sha256;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox mails through SMTP. Safe with several nodes on one database: each mail is
 * claimed by a conditional update (PENDING → SENDING) in its own short transaction and only the
 * node whose update hit the row sends it; no transaction is open while SMTP talks. Results are
 * written only by the holder of the claim token, so a node whose lease ran out cannot overwrite
 * the state written by the node that took the mail over.
 *
 * <p>{@link OutboxDispatchSchedule} calls {@link #dispatchDue()} on a timer; tests and the
 * operations endpoint may call it directly.
 */
@Component
public class OutboxDispatcher {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final int MAX_ERROR_LENGTH = 1000;
  private static final Pattern LOCAL_PART = Pattern.compile("[^\\s<>\"'@,;:]+@");

  private final OutboxMailRepository mails;
  private final JavaMailSender mailSender;
  private final MailDeliveryProperties properties;
  private final RetrySchedule retries;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public OutboxDispatcher(
      OutboxMailRepository mails,
      JavaMailSender mailSender,
      MailDeliveryProperties properties,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.mails = mails;
    this.mailSender = mailSender;
    this.properties = properties;
    this.retries = RetrySchedule.of(properties);
    this.transaction = new TransactionTemplate(transactionManager);
    // Each step commits on its own, whatever the caller has open: a claim must be visible to the
    // other nodes before SMTP starts.
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * Sends the mails that are due now, at most one batch.
   *
   * @return how many mails the SMTP server accepted in this run
   */
  public int dispatchDue() {
    releaseExpiredClaims();
    Instant now = clock.instant();
    List<Long> due =
        transaction.execute(
            status ->
                mails.findDueIds(OutboxStatus.PENDING, now, Limit.of(properties.batchSize())));
    int sent = 0;
    for (Long id : due) {
      Delivery delivery = claim(id);
      if (delivery != null && deliver(delivery)) {
        sent++;
      }
    }
    return sent;
  }

  private void releaseExpiredClaims() {
    Instant now = clock.instant();
    Integer released =
        transaction.execute(
            status ->
                mails.releaseExpiredClaims(
                    now.minus(properties.lease()),
                    now,
                    properties.maxAttempts(),
                    "delivery lease of " + properties.lease() + " expired while SENDING",
                    OutboxStatus.SENDING,
                    OutboxStatus.PENDING,
                    OutboxStatus.FAILED));
    if (released != null && released > 0) {
      log.warn("outbox: took back {} mail(s) whose sending node did not finish", released);
    }
  }

  /** Claims the mail for this node; null when another node was faster. */
  private Delivery claim(Long id) {
    String token = UUID.randomUUID().toString();
    return transaction.execute(
        status -> {
          int won =
              mails.claim(id, token, clock.instant(), OutboxStatus.PENDING, OutboxStatus.SENDING);
          if (won != 1) {
            return null;
          }
          // Read inside the claim's transaction: the attachments are lazy.
          return mails.findWithAttachmentsById(id).map(m -> Delivery.of(m, token)).orElse(null);
        });
  }

  private boolean deliver(Delivery delivery) {
    MimeMessage message;
    try {
      message = compose(delivery);
    } catch (MessagingException | MailException | IllegalArgumentException e) {
      // A malformed address or attachment does not heal with time: give up at once.
      recordFailure(delivery, e, true);
      return false;
    }
    try {
      mailSender.send(message);
    } catch (MailParseException | MailPreparationException e) {
      recordFailure(delivery, e, true);
      return false;
    } catch (MailException e) {
      recordFailure(delivery, e, false);
      return false;
    }
    Instant now = clock.instant();
    Integer updated =
        transaction.execute(
            status ->
                mails.markSent(
                    delivery.id(),
                    delivery.token(),
                    now,
                    OutboxStatus.SENDING,
                    OutboxStatus.SENT));
    log.info(
        "outbox: mail {} to @{} SENT{}",
        delivery.dedupKey(),
        RecipientDomain.of(delivery.recipient()),
        updated != null && updated == 1 ? "" : " (claim had expired; another node may resend)");
    return true;
  }

  private MimeMessage compose(Delivery delivery) throws MessagingException {
    MimeMessage message = mailSender.createMimeMessage();
    boolean multipart = !delivery.attachments().isEmpty();
    // UTF-8 everywhere: subjects and bodies are Japanese, RFC 2047 encodes the subject.
    MimeMessageHelper helper =
        new MimeMessageHelper(message, multipart, StandardCharsets.UTF_8.name());
    helper.setFrom(delivery.sender() != null ? delivery.sender() : properties.from());
    helper.setTo(InternetAddress.parse(delivery.recipient(), true));
    helper.setSubject(delivery.subject());
    helper.setText(delivery.body(), false);
    helper.setSentDate(Date.from(clock.instant()));
    // Spring's sender keeps a Message-ID set here instead of generating one per attempt.
    message.setHeader("Message-ID", messageId(delivery.id(), delivery.dedupKey(), properties.from()));
    for (OutgoingMail.Attachment a : delivery.attachments()) {
      helper.getRootMimeMultipart().addBodyPart(attachment(a));
    }
    return message;
  }

  /**
   * The same Message-ID for every attempt at one outbox mail. Delivery is at least once: a relay
   * that takes a mail and fails before saying so gets it again on the retry, and mail clients
   * collapse two copies with one Message-ID into one (RFC 5322 3.6.4: the id names the message,
   * not the attempt). Derived from the row and its dedup key, so nothing new is stored.
   */
  static String messageId(Long outboxId, String dedupKey, String defaultSender) {
    String domain = "backoffice.invalid";
    try {
      String address = new InternetAddress(defaultSender, false).getAddress();
      int at = address == null ? -1 : address.lastIndexOf('@');
      if (at > 0 && at < address.length() - 1) {
        domain = address.substring(at + 1);
      }
    } catch (jakarta.mail.internet.AddressException e) {
      // the fallback domain still makes a unique, stable id
    }
    String key =
        java.util.HexFormat.of()
            .formatHex(Sha256.of(dedupKey.getBytes(StandardCharsets.UTF_8)), 0, 8);
    return "<outbox." + outboxId + "." + key + "@" + domain + ">";
  }


  /**
   * Always base64: JavaMail would send an ASCII file (a PEM certificate) as 7bit text and the
   * transport would rewrite its line ends, so the customer would not get the bytes we signed.
   */
  private static MimeBodyPart attachment(OutgoingMail.Attachment a) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
    part.setDisposition(Part.ATTACHMENT);
    try {
      part.setFileName(MimeUtility.encodeText(a.filename(), StandardCharsets.UTF_8.name(), "B"));
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
    part.setHeader("Content-Transfer-Encoding", "base64");
    return part;
  }

  private void recordFailure(Delivery delivery, Exception failure, boolean permanent) {
    int attempts = delivery.attempts() + 1;
    boolean giveUp = permanent || retries.exhausted(attempts);
    OutboxStatus status = giveUp ? OutboxStatus.FAILED : OutboxStatus.PENDING;
    Instant now = clock.instant();
    Instant next = giveUp ? now : retries.nextAttempt(attempts, now);
    String error = describe(failure);
    transaction.executeWithoutResult(
        tx ->
            mails.markFailedAttempt(
                delivery.id(),
                delivery.token(),
                status,
                attempts,
                next,
                error,
                OutboxStatus.SENDING));
    log.warn(
        "outbox: mail {} to @{} attempt {} failed, now {}{}: {}",
        delivery.dedupKey(),
        RecipientDomain.of(delivery.recipient()),
        attempts,
        status,
        giveUp ? "" : " until " + next,
        withoutLocalParts(error));
  }

  /**
   * The failure as operators need it: exception types and messages down the cause chain. These
   * come from the mail library and the SMTP server, never from the mail body.
   */
  static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage().replaceAll("\\s+", " ").trim();
      // Spring's and JavaMail's messages repeat their causes' messages; say each once.
      if (!text.isEmpty() && (message.isEmpty() || text.indexOf(message) >= 0)) {
        continue;
      }
      if (!text.isEmpty()) {
        text.append(" <- ");
      }
      text.append(t.getClass().getSimpleName());
      if (!message.isEmpty()) {
        text.append(": ").append(message);
      }
      if (text.length() > MAX_ERROR_LENGTH) {
        break;
      }
    }
    return text.length() > MAX_ERROR_LENGTH
        ? text.substring(0, MAX_ERROR_LENGTH - 1) + "…"
        : text.toString();
  }

  /** SMTP replies quote addresses ("550 <x@y>: unknown user"); the log gets domains only. */
  static String withoutLocalParts(String text) {
    return LOCAL_PART.matcher(text).replaceAll("…@");
  }

  /** What a node needs to send one claimed mail, read before the claim's transaction ends. */
  private record Delivery(
      Long id,
      String token,
      String dedupKey,
      String sender,
      String recipient,
      String subject,
      String body,
      int attempts,
      List<OutgoingMail.Attachment> attachments) {

    static Delivery of(OutboxMail mail, String token) {
      return new Delivery(
          mail.getId(),
          token,
          mail.getDedupKey(),
          mail.getSender(),
          mail.getRecipient(),
          mail.getSubject(),
          mail.getBody(),
          mail.getAttempts(),
          mail.getAttachments().stream()
              .map(a -> new OutgoingMail.Attachment(a.getFilename(), a.getContentType(), a.getContent()))
              .toList());
    }
  }
}
