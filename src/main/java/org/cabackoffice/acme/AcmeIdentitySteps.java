package org.cabackoffice.acme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.access.FourEyes;
import org.cabackoffice.access.Roles;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.Outbox;
import org.cabackoffice.security.StaffDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity steps an order runs when the organization's validation is past its reuse period
 * (BR 4.2.1), as the renewal process runs them for an application: a validation officer calls the
 * organization through the main number from the directory (guide [4]) and confirms the directory
 * record still stands (guide [1-1]); then a senior officer who did not make the call approves
 * (EV Guidelines 5.2.4). Only an approved call is reused by later orders. The order stays
 * processing throughout; a refusal at either step makes it invalid with the officer's reason.
 */
@Service
public class AcmeIdentitySteps {

  static final String REMINDER_TEMPLATE = "acme-identity-reminder";

  private final AcmeOrderRepository orders;
  private final AcmeAccountRepository accounts;
  private final AcmeIdentityConfirmationRepository confirmations;
  private final StaffDirectory staff;
  private final MailTemplates templates;
  private final Outbox outbox;
  private final Clock clock;
  private final String teamAddress;

  public AcmeIdentitySteps(
      AcmeOrderRepository orders,
      AcmeAccountRepository accounts,
      AcmeIdentityConfirmationRepository confirmations,
      StaffDirectory staff,
      MailTemplates templates,
      Outbox outbox,
      Clock clock,
      @Value("${backoffice.mail.validation-team:validation-team@backoffice.example}") String teamAddress) {
    this.orders = orders;
    this.accounts = accounts;
    this.confirmations = confirmations;
    this.staff = staff;
    this.templates = templates;
    this.outbox = outbox;
    this.clock = clock;
    this.teamAddress = teamAddress;
  }

  /** What the calling officer answered on the phone step's form. */
  public record Call(boolean confirmed, boolean directoryRecordCurrent, boolean intentConfirmed, String spokeWith, String note) {}

  /**
   * Records the call. A confirmation must tick the renewal's checklist for an organization (the
   * directory record still current, the organization intends the certificates) and say whom the
   * officer spoke with; it then waits for the second officer. A refusal ends the order.
   */
  @Transactional
  public void called(long orderId, String officer, Call call) {
    if (call.note() == null || call.note().isBlank()) {
      throw new IllegalArgumentException("note whom you called at the main number and what they said");
    }
    AcmeOrder order = orders.findById(orderId).orElseThrow();
    if (!call.confirmed()) {
      order.failed(AcmeProblem.UNAUTHORIZED,
          "the organization's identity was not confirmed by the CA's officers: " + call.note().strip());
      orders.save(order);
      return;
    }
    if (!call.directoryRecordCurrent() || !call.intentConfirmed()) {
      throw new IllegalArgumentException(
          "a confirmation ticks both checks: the directory record is current, and the organization intends the certificates");
    }
    if (call.spokeWith() == null || call.spokeWith().isBlank()) {
      throw new IllegalArgumentException("name whom you spoke with (name, title)");
    }
    AcmeAccount account = accounts.findById(order.getAccountId()).orElseThrow();
    confirmations.save(new AcmeIdentityConfirmation(orderId, account.getOrganizationEntryId(), officer,
        "spoke with " + call.spokeWith().strip() + ": " + call.note().strip(), clock.instant()));
  }

  /** Who made the call the approver decides on, for the approval form; empty before the call. */
  @Transactional(readOnly = true)
  public Optional<String> caller(long orderId) {
    return pendingCall(orderId).map(AcmeIdentityConfirmation::getOfficer);
  }

  /**
   * Why {@code approver} may not decide on the order's call, or empty when they may: a senior
   * officer (the candidate group is not enforced on completion) who did not make the call.
   */
  @Transactional(readOnly = true)
  public Optional<String> approverRefusal(long orderId, String approver) {
    Optional<AcmeIdentityConfirmation> call = pendingCall(orderId);
    if (call.isEmpty()) {
      return Optional.of("order " + orderId + " has no phone confirmation waiting for approval");
    }
    if (approver == null || approver.isBlank() || !staff.hasRole(approver, Roles.SENIOR_OFFICER)) {
      return Optional.of(approver + " is not a senior officer; only a senior officer approves the organization's identity");
    }
    if (!new FourEyes(call.get().getOfficer()).admits(approver)) {
      return Optional.of(approver + " made the phone call for this order and may not also approve it"
          + " (EV Guidelines 5.2.4); another senior officer must decide");
    }
    return Optional.empty();
  }

  /** The second officer's decision: an approval lets the order go on and later orders reuse the call. */
  @Transactional
  public void decided(long orderId, String approver, boolean approved, String note) {
    if (note == null || note.isBlank()) {
      throw new IllegalArgumentException("note why you approve or refuse the organization's identity");
    }
    approverRefusal(orderId, approver).ifPresent(refusal -> {
      throw new IllegalArgumentException(refusal);
    });
    AcmeIdentityConfirmation call = pendingCall(orderId).orElseThrow();
    call.decided(approver, approved, note.strip(), clock.instant());
    confirmations.save(call);
    AcmeOrder order = orders.findById(orderId).orElseThrow();
    if (approved) {
      order.identity(true, "identity confirmation #" + call.getId() + " by " + call.getOfficer() + ", approved by " + approver);
    } else {
      order.failed(AcmeProblem.UNAUTHORIZED,
          "the CA's second officer did not approve the organization's identity: " + note.strip());
    }
    orders.save(order);
  }

  /**
   * Keeps an order's identity step in front of the validation team while it waits for an officer:
   * at most one mail a day per step, so a retried timer job mails nobody twice.
   */
  @Transactional
  public void remind(long orderId, String waitingFor) {
    AcmeOrder order = orders.findById(orderId).orElseThrow();
    LocalDate today = BusinessCalendar.today(clock);
    outbox.enqueue(templates.compose(
        REMINDER_TEMPLATE + ":" + orderId + ":" + waitingFor + ":" + today,
        REMINDER_TEMPLATE,
        teamAddress,
        Map.of(
            "orderId", orderId,
            "dnsNames", String.join(", ", order.getDnsNames()),
            "waitingFor", waitingFor),
        List.of()));
  }

  private Optional<AcmeIdentityConfirmation> pendingCall(long orderId) {
    return confirmations.findFirstByOrderIdAndApprovalOrderByIdDesc(orderId, AcmeIdentityConfirmation.PENDING);
  }
}
