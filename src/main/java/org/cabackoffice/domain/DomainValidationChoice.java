package org.cabackoffice.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The domain validation method a customer chose for an application's domain step, by BR section
 * (BR 3.2.2.4): who chose it and when, kept with the application's history (BR 5.4.1).
 */
@Entity
@Table(name = "domain_validation_choice")
public class DomainValidationChoice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", nullable = false)
  private long applicationId;

  @Column(nullable = false, length = 16)
  private String method;

  @Column(name = "chosen_by", nullable = false, length = 320)
  private String chosenBy;

  @Column(name = "chosen_at", nullable = false)
  private Instant chosenAt;

  protected DomainValidationChoice() {}

  DomainValidationChoice(long applicationId, DomainValidationMethod method, String chosenBy, Instant chosenAt) {
    this.applicationId = applicationId;
    this.method = method.section();
    this.chosenBy = chosenBy;
    this.chosenAt = chosenAt;
  }

  public Long getId() {
    return id;
  }

  public long getApplicationId() {
    return applicationId;
  }

  public DomainValidationMethod getMethod() {
    return DomainValidationMethod.of(method).orElse(DomainValidationMethod.DNS_CHANGE);
  }

  public String getChosenBy() {
    return chosenBy;
  }

  public Instant getChosenAt() {
    return chosenAt;
  }
}
