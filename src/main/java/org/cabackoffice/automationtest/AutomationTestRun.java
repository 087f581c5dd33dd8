package org.cabackoffice.automationtest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One attempt to renew the automation test certificate: when, by whom, the result and serial or problem. */
@Entity
@Table(name = "automation_test_run")
public class AutomationTestRun {

  /** Where an attempt stands. */
  public enum Result {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  /** Who starts an attempt when the timer does. */
  public static final String SCHEDULE = "SCHEDULE";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 253)
  private String domain;

  @Column(name = "started_by", nullable = false, length = 128)
  private String startedBy;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Result result;

  @Column(length = 42)
  private String serial;

  @Column(name = "not_after")
  private Instant notAfter;

  @Column(name = "account_url", length = 512)
  private String accountUrl;

  @Column(length = 2000)
  private String problem;

  protected AutomationTestRun() {}

  AutomationTestRun(String domain, String startedBy, Instant startedAt) {
    this.domain = domain;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
    this.result = Result.RUNNING;
  }

  void succeeded(String serial, Instant notAfter, String accountUrl, Instant at) {
    this.result = Result.SUCCEEDED;
    this.serial = serial;
    this.notAfter = notAfter;
    this.accountUrl = accountUrl;
    this.finishedAt = at;
  }

  void failed(String problem, String accountUrl, Instant at) {
    this.result = Result.FAILED;
    this.problem = problem.length() > 2000 ? problem.substring(0, 2000) : problem;
    this.accountUrl = accountUrl;
    this.finishedAt = at;
  }

  public Long getId() {
    return id;
  }

  public String getDomain() {
    return domain;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public Result getResult() {
    return result;
  }

  public String getSerial() {
    return serial;
  }

  public Instant getNotAfter() {
    return notAfter;
  }

  public String getAccountUrl() {
    return accountUrl;
  }

  public String getProblem() {
    return problem;
  }
}
