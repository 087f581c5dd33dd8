package org.cabackoffice.storefront;

import java.util.Collection;
import java.util.List;
import org.cabackoffice.application.ApplicationStatus;
import org.cabackoffice.workflow.RenewalProcess.Activities;

/**
 * Where an application stands, in the customer's terms rather than the process's: whose move it
 * is and what the customer does next (guide [3]). Each value names a message key
 * ({@code store.step.<name>} and {@code store.next.<name>}).
 */
enum CustomerStep {
  /** The WHOIS contacts were asked to consent to the domain's use (guide [3-1]). */
  WAITING_FOR_DOMAIN_CONSENT,
  /** The technical contact publishes the DNS record the mail names (BR 3.2.2.4.7). */
  WAITING_FOR_DNS_RECORD,
  WAITING_FOR_DOCUMENTS,
  WAITING_FOR_PAYMENT,
  /** The responsible person is phoned through the organization's main number (guide [4]). */
  WAITING_FOR_PHONE_CALL,
  WAITING_FOR_APPROVAL,
  BEING_ISSUED,
  /** Officers check what was sent; nothing for the customer to do. */
  UNDER_REVIEW,
  ISSUED,
  REJECTED;

  private static final List<String> DOCUMENT_WAITS =
      List.of(
          Activities.WAIT_FOR_DOCUMENTS,
          Activities.WAIT_FOR_REGISTRY_CERTIFICATE,
          Activities.WAIT_FOR_EMPLOYMENT_CERTIFICATE,
          Activities.DOCUMENTS_REMINDER_DUE,
          Activities.REGISTRY_CERTIFICATE_REMINDER_DUE,
          Activities.EMPLOYMENT_CERTIFICATE_REMINDER_DUE);

  /** From the application's status and the process's current activity ids. */
  static CustomerStep of(ApplicationStatus status, Collection<String> activities) {
    if (status == ApplicationStatus.ISSUED) {
      return ISSUED;
    }
    if (status == ApplicationStatus.REJECTED) {
      return REJECTED;
    }
    if (activities.contains(Activities.WAIT_FOR_DOMAIN_CONSENT)
        || activities.contains(Activities.DOMAIN_CONSENT_REMINDER_DUE)) {
      return WAITING_FOR_DOMAIN_CONSENT;
    }
    if (activities.contains(Activities.CHECK_DNS_RECORD)
        || activities.contains(Activities.DNS_RECHECK_WAIT)
        || activities.contains(Activities.ESTABLISH_DOMAIN_CONTROL)) {
      return WAITING_FOR_DNS_RECORD;
    }
    if (activities.stream().anyMatch(DOCUMENT_WAITS::contains)) {
      return WAITING_FOR_DOCUMENTS;
    }
    if (activities.contains(Activities.WAIT_FOR_PAYMENT)
        || activities.contains(Activities.ISSUE_INVOICE)) {
      return WAITING_FOR_PAYMENT;
    }
    if (activities.contains(Activities.VERIFY_BY_PHONE)
        || activities.contains(Activities.LOOK_UP_MAIN_PHONE_NUMBER)) {
      return WAITING_FOR_PHONE_CALL;
    }
    if (activities.contains(Activities.APPROVE_ISSUANCE)) {
      return WAITING_FOR_APPROVAL;
    }
    if (activities.contains(Activities.CHECK_CAA)
        || activities.contains(Activities.SIGN_CERTIFICATE)
        || activities.contains(Activities.MAIL_CERTIFICATE)) {
      return BEING_ISSUED;
    }
    return UNDER_REVIEW;
  }

  /** Whether the next move is the customer's (shown first, as something to do). */
  public boolean customersMove() {
    return this == WAITING_FOR_DNS_RECORD || this == WAITING_FOR_DOCUMENTS || this == WAITING_FOR_PAYMENT;
  }
}
