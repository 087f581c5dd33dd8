package org.cabackoffice.acme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.access.FourEyes;
import org.cabackoffice.access.Roles;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.input.Truncation;
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
 * record still stands (guide [1-1]); when the responsible person cannot be reached there, an
 * employment certificate stands in for the call (guide [4]); the calling officer may also ask for
 * supporting documents (guide [3-1]); then a senior officer who took no part approves (EV
 * Guidelines 5.2.4), seeing what the steps found. Only an approved call is reused by later orders.
 * The order stays processing throughout; a refusal at any step makes it invalid with the
 * officer's reason.
 */
@Service
public class AcmeIdentitySteps {

  static final String REMINDER_TEMPLATE = "acme-identity-reminder";

  private final AcmeOrderRepository orders;
  private final AcmeAccountRepository accounts;
  private final AcmeIdentityConfirmationRepository confirmations;
  private final AcmeIdentityDocuments documents;
  private final StaffDirectory staff;
  private final MailTemplates templates;
  private final Outbox outbox;
  private final Clock clock;
  private final String teamAddress;

  public AcmeIdentitySteps(
      AcmeOrderRepository orders,
      AcmeAccountRepository accounts,
      AcmeIdentityConfirmationRepository confirmations,
      AcmeIdentityDocuments documents,
      StaffDirectory staff,
      MailTemplates templates,
      Outbox outbox,
      Clock clock,
      @Value("${backoffice.mail.validation-team:validation-team@backoffice.example}") String teamAddress) {
    this.orders = orders;
    this.accounts = accounts;
    this.confirmations = confirmations;
    this.documents = documents;
    this.staff = staff;
    this.templates = templates;
    this.outbox = outbox;
    this.clock = clock;
    this.teamAddress = teamAddress;
  }

  /** How the call through the main number went (guide [4]). */
  public enum CallOutcome {
    /** The responsible person confirmed the organization intends the certificates. */
    CONFIRMED,
    /** Nobody could be reached through the main number: an employment certificate is asked for. */
    UNREACHABLE,
    /** The organization did not confirm: the order is refused. */
    REFUSED
  }

  /**
   * What the calling officer answered on the phone step's form.
   *
   * @param spokeWith whom the officer spoke with, or for an unreachable person whom they tried to
   *     reach: the employment certificate is asked for that person
   * @param documentsNote the supporting documents the officer asks for (guide [3-1]); blank when
   *     none are needed
   */
  public record Call(
      CallOutcome outcome,
      boolean directoryRecordCurrent,
      boolean intentConfirmed,
      String spokeWith,
      String note,
      boolean documentsNeeded,
      String documentsNote) {

    /** A call that asks for no documents. */
    public Call(CallOutcome outcome, boolean directoryRecordCurrent, boolean intentConfirmed, String spokeWith, String note) {
      this(outcome, directoryRecordCurrent, intentConfirmed, spokeWith, note, false, null);
    }
  }

  /**
   * Records the call. A confirmation must tick the renewal's checklist for an organization (the
   * directory record still current, the organization intends the certificates) and say whom the
   * officer spoke with; an unreachable responsible person still needs the directory record checked
   * and says whom the officer tried to reach, whose employment certificate is then asked for. Both
   * wait for the second officer, after the documents; a refusal ends the order.
   */
  @Transactional
  public void called(long orderId, String officer, Call call) {
    if (call.note() == null || call.note().isBlank()) {
      throw new IllegalArgumentException("note whom you called at the main number and what they said");
    }
    if (call.outcome() == null) {
      throw new IllegalArgumentException("answer CONFIRMED, UNREACHABLE or REFUSED");
    }
    AcmeOrder order = orders.findById(orderId).orElseThrow();
    if (call.outcome() == CallOutcome.REFUSED) {
      order.failed(AcmeProblem.UNAUTHORIZED,
          "the organization's identity was not confirmed by the CA's officers: " + call.note().strip());
      orders.save(order);
      return;
    }
    if (!call.directoryRecordCurrent()) {
      throw new IllegalArgumentException("tick that the directory record is current: the main number called comes from it");
    }
    if (call.outcome() == CallOutcome.CONFIRMED && !call.intentConfirmed()) {
      throw new IllegalArgumentException(
          "a confirmation ticks both checks: the directory record is current, and the organization intends the certificates");
    }
    if (call.spokeWith() == null || call.spokeWith().isBlank()) {
      throw new IllegalArgumentException(call.outcome() == CallOutcome.CONFIRMED
          ? "name whom you spoke with (name, title)"
          : "name whom you tried to reach (name, title): the employment certificate is asked for them");
    }
    if (call.documentsNeeded() && (call.documentsNote() == null || call.documentsNote().isBlank())) {
      throw new IllegalArgumentException("say which supporting documents the organization should send");
    }
    AcmeAccount account = accounts.findById(order.getAccountId()).orElseThrow();
    String record = call.outcome() == CallOutcome.CONFIRMED
        ? "spoke with " + call.spokeWith().strip() + ": " + call.note().strip()
        : "could not reach " + call.spokeWith().strip() + " through the main number (guide [4]), employment certificate asked for: "
            + call.note().strip();
    if (call.documentsNeeded()) {
      record += "; supporting documents asked for (guide [3-1]): " + call.documentsNote().strip();
    }
    confirmations.save(new AcmeIdentityConfirmation(
        orderId, account.getOrganizationEntryId(), officer, Truncation.cut(record, 2000), clock.instant()));
  }

  /** Who made the call the approver decides on, for the approval form; empty before the call. */
  @Transactional(readOnly = true)
  public Optional<String> caller(long orderId) {
    return pendingCall(orderId).map(AcmeIdentityConfirmation::getOfficer);
  }

  /**
   * What the steps found, for the approver's form: the call as recorded, then each document the
   * order asked for with its files and who reviewed it how.
   */
  @Transactional(readOnly = true)
  public String evidence(long orderId) {
    StringBuilder evidence = new StringBuilder();
    pendingCall(orderId).ifPresent(call -> evidence.append("Call by ").append(call.getOfficer())
        .append(" on ").append(BusinessCalendar.shown(call.getConfirmedAt())).append(": ").append(call.getNote()));
    documents.findings(orderId).forEach(finding -> evidence.append("\n").append(finding));
    orders.findById(orderId).map(AcmeOrder::getRegistrantEvidence)
        .ifPresent(registrants -> evidence.append("\nRegistrants: ").append(registrants));
    return evidence.toString();
  }

  /**
   * Why {@code approver} may not decide on the order's call, or empty when they may: a senior
   * officer (the candidate group is not enforced on completion) who neither made the call nor
   * reviewed the order's employment certificate or documents (EV Guidelines 5.2.4).
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
    for (String reviewer : documents.reviewers(orderId)) {
      if (!new FourEyes(reviewer).admits(approver)) {
        return Optional.of(approver + " reviewed this order's documents and may not also approve its identity"
            + " (EV Guidelines 5.2.4); another senior officer must decide");
      }
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
      // The basis auditors read names every step: the call, each document's review, the approval.
      List<String> findings = new java.util.ArrayList<>(documents.findings(orderId));
      if (order.getRegistrantEvidence() != null) {
        findings.add("registrants: " + order.getRegistrantEvidence().replace('\n', ';'));
      }
      order.identity(true, Truncation.cut("identity confirmation #" + call.getId() + " by " + call.getOfficer()
          + ", approved by " + approver + (findings.isEmpty() ? "" : "; " + String.join("; ", findings)), 2000));
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
