package org.cabackoffice.mail;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/**
 * A mail in the outbox. State changes after the insert are conditional bulk updates in {@link
 * OutboxMailRepository}, never read-modify-write on this entity, because several nodes may
 * dispatch from the same table.
 */
@Entity
@Table(name = "outbox_mail")
public class OutboxMail {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "dedup_key", nullable = false, unique = true, length = 200)
  private String dedupKey;

  /** Null: the configured default sender ({@code backoffice.mail.from}) at sending time. */
  @Column(length = 320)
  private String sender;

  @Column(nullable = false, length = 1000)
  private String recipient;

  @Column(nullable = false, length = 998)
  private String subject;

  @Column(nullable = false, length = 1_000_000)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private OutboxStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "claimed_at")
  private Instant claimedAt;

  @Column(name = "claim_token", length = 36)
  private String claimToken;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  /** The application the mail is about, or null (see {@link OutgoingMail#applicationId()}). */
  @Column(name = "application_id")
  private Long applicationId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
  @JoinColumn(name = "mail_id", nullable = false, updatable = false)
  @OrderBy("position")
  // The operations list shows attachment names for up to 500 mails: load them in batches.
  @BatchSize(size = 50)
  private List<OutboxAttachment> attachments = new ArrayList<>();

  protected OutboxMail() {}

  OutboxMail(OutgoingMail mail, Instant now) {
    this.dedupKey = mail.dedupKey();
    this.sender = mail.from();
    this.recipient = mail.to();
    this.subject = mail.subject();
    this.body = mail.body();
    this.applicationId = mail.applicationId();
    this.status = OutboxStatus.PENDING;
    this.attempts = 0;
    this.nextAttemptAt = now;
    this.createdAt = now;
    int position = 0;
    for (OutgoingMail.Attachment a : mail.attachments()) {
      attachments.add(new OutboxAttachment(position++, a.filename(), a.contentType(), a.content()));
    }
  }

  public Long getId() {
    return id;
  }

  public Long getApplicationId() {
    return applicationId;
  }

  public String getDedupKey() {
    return dedupKey;
  }

  public String getSender() {
    return sender;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public OutboxStatus getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant getClaimedAt() {
    return claimedAt;
  }

  public String getClaimToken() {
    return claimToken;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public List<OutboxAttachment> getAttachments() {
    return Collections.unmodifiableList(attachments);
  }
}
