package org.cabackoffice.application;

import java.util.List;
import org.cabackoffice.mail.RecipientDomain;
import org.cabackoffice.security.CustomerAccounts;
import org.cabackoffice.timeline.TimelineContributor;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.cabackoffice.timeline.TimelineOrder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The application as submitted on the storefront, first in its timeline. */
@Component
@Order(TimelineOrder.SUBMISSION)
class SubmissionTimeline implements TimelineContributor {

  private final ApplicationRepository applications;
  private final CustomerAccounts customers;

  SubmissionTimeline(ApplicationRepository applications, CustomerAccounts customers) {
    this.applications = applications;
    this.customers = customers;
  }

  @Override
  public List<TimelineEntry> entriesOf(long applicationId) {
    return applications.findById(applicationId).map(a -> List.of(submitted(a))).orElse(List.of());
  }

  private TimelineEntry submitted(Application a) {
    // The submitting storefront account, not just "customer"; by number and mail domain, as
    // mails are shown, so the timeline holds no customer's address.
    String submitter =
        "customer:" + a.getCustomerAccountId()
            + customers.byId(a.getCustomerAccountId())
                .map(account -> " (@" + RecipientDomain.of(account.getEmail()) + ")")
                .orElse("");
    String summary =
        "Application submitted: "
            + a.getProduct()
            + " "
            + a.getApplicationType()
            + (a.isExpress() ? " (express)" : "")
            + " for "
            + a.getCommonName()
            + " by "
            + a.getOrganizationNameEn()
            + ", payment "
            + a.getPaymentMethod();
    if (a.getRenewedCertificateSerial() != null) {
      summary += ", renewing serial " + a.getRenewedCertificateSerial();
    }
    return new TimelineEntry(
        a.getSubmittedAt(), TimelineKind.APPLICATION_SUBMITTED, submitter, summary, "application:" + a.getId());
  }
}
