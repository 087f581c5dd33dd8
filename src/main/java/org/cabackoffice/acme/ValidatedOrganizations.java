package org.cabackoffice.acme;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.Applications;
import org.cabackoffice.calendar.ValidityReductionSchedule;
import org.cabackoffice.verification.OrganizationDirectory;
import org.cabackoffice.verification.OrganizationDirectoryEntry;
import org.cabackoffice.verification.OrganizationValidation;
import org.cabackoffice.verification.OrganizationVerification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which organization officers validated for a customer, and whether that validation may still be
 * relied on: subject identity information is reused for 398 days (BR 4.2.1, the day's row of
 * {@link ValidityReductionSchedule}), counted from the latest confirmation by an officer, in an
 * application's organization-validation stage or for an ACME order.
 */
@Service
public class ValidatedOrganizations {

  /** The organization a customer's certificates name, and the validation it rests on. */
  public record Validated(OrganizationDirectoryEntry entry, Instant validatedAt, String basis) {}

  private final Applications applications;
  private final OrganizationValidation validation;
  private final OrganizationDirectory directory;
  private final AcmeIdentityConfirmationRepository confirmations;
  private final Clock clock;

  public ValidatedOrganizations(
      Applications applications,
      OrganizationValidation validation,
      OrganizationDirectory directory,
      AcmeIdentityConfirmationRepository confirmations,
      Clock clock) {
    this.applications = applications;
    this.validation = validation;
    this.directory = directory;
    this.confirmations = confirmations;
    this.clock = clock;
  }

  /**
   * The organization of the customer's latest application whose organization officers confirmed
   * and whose certificate subject agreed with the record; empty when there is none, or the record
   * was closed (登記記録の閉鎖).
   */
  @Transactional(readOnly = true)
  public Optional<Validated> ofCustomer(long customerAccountId) {
    return applications.ofCustomer(customerAccountId).stream()
        .map(Application::getId)
        .flatMap(id -> validation.of(id).stream())
        .filter(v -> v.getOutcome() == OrganizationVerification.Outcome.CONFIRMED)
        .filter(v -> Boolean.TRUE.equals(v.getSubjectAgrees()) && v.getEntryId() != null)
        .max(Comparator.comparing(OrganizationVerification::getVerifiedAt))
        .flatMap(v -> directory.byId(v.getEntryId()).filter(e -> e.getClosedOn() == null))
        .flatMap(entry -> latest(customerAccountId, entry));
  }

  /** The latest validation of this customer's organization record, by either route. */
  @Transactional(readOnly = true)
  public Optional<Validated> latest(long customerAccountId, OrganizationDirectoryEntry entry) {
    Stream<Validated> byApplication =
        applications.ofCustomer(customerAccountId).stream()
            .map(Application::getId)
            .flatMap(id -> validation.of(id).stream())
            .filter(v -> v.getOutcome() == OrganizationVerification.Outcome.CONFIRMED)
            .filter(v -> Boolean.TRUE.equals(v.getSubjectAgrees()) && entry.getId().equals(v.getEntryId()))
            .map(v -> new Validated(
                entry, v.getVerifiedAt(),
                "organization verification #" + v.getId() + " of application " + v.getApplicationId()
                    + " by " + v.getOfficer() + " (" + v.getVerifiedAt() + ")"));
    Stream<Validated> byOrder =
        confirmations.reusable(entry.getId()).stream().limit(1)
            .map(c -> new Validated(
                entry, c.getConfirmedAt(),
                "identity confirmation #" + c.getId() + " for ACME order " + c.getOrderId() + " by " + c.getOfficer()
                    + (c.getApprovedBy() == null ? "" : ", approved by " + c.getApprovedBy())
                    + " (" + c.getConfirmedAt() + ")"));
    return Stream.concat(byApplication, byOrder).max(Comparator.comparing(Validated::validatedAt));
  }

  /** Whether a validation at {@code validatedAt} may be reused today (BR 4.2.1). */
  public boolean withinReusePeriod(Instant validatedAt) {
    Instant now = clock.instant();
    int days = ValidityReductionSchedule.at(now).organizationDataReuseDays();
    return !validatedAt.isBefore(now.minus(Duration.ofDays(days)));
  }

  @Transactional(readOnly = true)
  public Optional<OrganizationDirectoryEntry> entry(long entryId) {
    return directory.byId(entryId);
  }
}
