package org.cabackoffice.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Something a person on staff tried that the rules refused: who, what, why, when (BR 5.4.1: every
 * refusal is logged). Kept although the attempt itself was rolled back.
 */
@Entity
@Table(name = "refused_attempt")
public class RefusedAttempt {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id")
  private Long applicationId;

  @Column(nullable = false, length = 128)
  private String actor;

  @Column(nullable = false, length = 200)
  private String attempted;

  @Column(nullable = false, length = 2000)
  private String reason;

  @Column(name = "attempted_at", nullable = false)
  private Instant attemptedAt;

  protected RefusedAttempt() {}

  RefusedAttempt(Long applicationId, String actor, String attempted, String reason, Instant attemptedAt) {
    this.applicationId = applicationId;
    this.actor = cut(actor, 128);
    this.attempted = cut(attempted, 200);
    this.reason = cut(reason == null ? "(no reason given)" : reason, 2000);
    this.attemptedAt = attemptedAt;
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public Long getApplicationId() {
    return applicationId;
  }

  public String getActor() {
    return actor;
  }

  public String getAttempted() {
    return attempted;
  }

  public String getReason() {
    return reason;
  }

  public Instant getAttemptedAt() {
    return attemptedAt;
  }
}
