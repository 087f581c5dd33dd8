package org.cabackoffice.mail;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cabackoffice.access.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The outbox for operations staff: what is stuck or failed, and a retry for failed mails. */
@RestController
@RequestMapping("/api/mail/outbox")
public class OutboxController {

  private static final Logger log = LoggerFactory.getLogger(OutboxController.class);
  private static final int MAX_LIMIT = 500;

  private final OutboxMailRepository mails;
  private final Clock clock;

  public OutboxController(OutboxMailRepository mails, Clock clock) {
    this.mails = mails;
    this.clock = clock;
  }

  /**
   * Newest first. Without {@code status}, mails of every status.
   *
   * @param status PENDING, SENDING, SENT or FAILED (case-insensitive)
   * @param limit at most this many, 1..500
   */
  @GetMapping
  @PreAuthorize(
      "hasAnyRole('"
          + Roles.OPERATIONS
          + "', '"
          + Roles.ADMIN
          + "', '"
          + Roles.AUDITOR
          + "')")
  @Transactional(readOnly = true)
  public List<OutboxMailView> list(
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
    }
    List<OutboxMail> found =
        status == null || status.isBlank()
            ? mails.findAllByOrderByCreatedAtDesc(Limit.of(limit))
            : mails.findByStatusOrderByCreatedAtDesc(parse(status), Limit.of(limit));
    return found.stream().map(OutboxMailView::of).toList();
  }

  /** Gives a FAILED mail a fresh series of attempts, due now. */
  @PostMapping("/{id}/retry")
  @PreAuthorize(
      "hasAnyRole('"
          + Roles.OPERATIONS
          + "', '"
          + Roles.ADMIN
          + "')")
  @Transactional
  public OutboxMailView retry(@PathVariable long id) {
    OutboxMail mail =
        mails
            .findById(id)
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no outbox mail " + id));
    if (mail.getStatus() != OutboxStatus.FAILED) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "outbox mail " + id + " is " + mail.getStatus() + "; only FAILED mails can be retried");
    }
    if (mails.retryFailed(id, clock.instant(), OutboxStatus.FAILED, OutboxStatus.PENDING) != 1) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "outbox mail " + id + " changed meanwhile; reload and try again");
    }
    log.info(
        "outbox: mail {} to @{} retried by operator, now PENDING",
        mail.getDedupKey(),
        RecipientDomain.of(mail.getRecipient()));
    return mails.findWithAttachmentsById(id).map(OutboxMailView::of).orElseThrow();
  }

  private static OutboxStatus parse(String status) {
    try {
      return OutboxStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "status must be one of " + Arrays.toString(OutboxStatus.values()) + ", not " + status);
    }
  }
}
