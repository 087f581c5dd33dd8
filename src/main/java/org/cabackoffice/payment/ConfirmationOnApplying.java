package org.cabackoffice.payment;

import java.util.List;
import java.util.Map;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.ApplicationAccepted;
import org.cabackoffice.application.ApplicationType;
import org.cabackoffice.application.Applications;
import org.cabackoffice.application.PaymentMethod;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Guide [2-1] 3. and 4.: the moment an application is accepted, its invoice is issued (so the last
 * screen shows the dedicated account, the amount, the due date and the PDF invoice), a coupon given
 * with it pays it, and the technical contact is mailed the confirmation 「申請の控え」. All of it in
 * the intake's transaction: the invoice number is drawn only for a stored application (gapless), a
 * coupon that cannot pay refuses the application, and the mail is in the outbox exactly once.
 */
@Component
public class ConfirmationOnApplying {

  static final String TEMPLATE = "application-received";

  private final Applications applications;
  private final Invoices invoices;
  private final Coupons coupons;
  private final MailTemplates templates;
  private final Outbox outbox;

  public ConfirmationOnApplying(
      Applications applications, Invoices invoices, Coupons coupons, MailTemplates templates, Outbox outbox) {
    this.applications = applications;
    this.invoices = invoices;
    this.coupons = coupons;
    this.templates = templates;
    this.outbox = outbox;
  }

  @EventListener
  public void on(ApplicationAccepted accepted) {
    Application application = applications.get(accepted.applicationId());
    PaymentMethod method = application.getPaymentMethod();
    Invoice invoice =
        invoices.issueOnApplying(
            application.getId(),
            application.getCustomerAccountId(),
            application.getProduct().name(),
            application.getLicences(),
            application.isExpress(),
            method == PaymentMethod.DEFERRED,
            application.getTechnicalEmail());
    if (method == PaymentMethod.COUPON) {
      coupons.payOnApplying(application.getId(), accepted.couponCode(), application.getTechnicalEmail());
    }
    Map<String, Object> model = invoices.mailModel(invoice, invoices.accountOf(invoice));
    model.put("commonName", application.getCommonName());
    model.put("licences", application.getLicences());
    boolean renewal = application.getApplicationType() == ApplicationType.RENEWAL;
    model.put("typeJa", renewal ? "更新" : "新規");
    model.put("typeEn", renewal ? "renewal" : "new");
    model.put("expressJa", application.isExpress() ? "あり" : "なし");
    model.put("expressEn", application.isExpress() ? "yes" : "no");
    model.put("organizationJa", application.getOrganizationNameJa());
    model.put("organizationEn", application.getOrganizationNameEn());
    outbox.enqueue(
        templates
            .compose(
                TEMPLATE + ":" + application.getId(),
                TEMPLATE + "-" + method.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                application.getTechnicalEmail(),
                model,
                List.of())
            .about(application.getId()));
  }
}
