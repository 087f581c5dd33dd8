package org.cabackoffice.renewal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.Applications;
import org.cabackoffice.application.RenewalWindow;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.Outbox;
import org.cabackoffice.mail.OutgoingMail;
import org.cabackoffice.revocation.CertificateRevocations;
import org.cabackoffice.security.CustomerAccount;
import org.cabackoffice.security.CustomerAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invites technical contacts to renew certificates nearing expiry. Safe to run on every node and
 * as often as wanted: each invitation's mail is keyed by serial and number, so it goes once.
 */
@Service
public class RenewalInvitations {

  static final String TEMPLATE = "renewal-invitation";
  private static final Logger log = LoggerFactory.getLogger(RenewalInvitations.class);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(BusinessCalendar.ZONE);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'JST'").withZone(BusinessCalendar.ZONE);

  private final IssuedCertificates certificates;
  private final CertificateRevocations revocations;
  private final Applications applications;
  private final CustomerAccounts customers;
  private final MailTemplates templates;
  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final InvitationSchedule schedule;

  public RenewalInvitations(
      IssuedCertificates certificates,
      CertificateRevocations revocations,
      Applications applications,
      CustomerAccounts customers,
      MailTemplates templates,
      Outbox outbox,
      PlatformTransactionManager transactionManager,
      Clock clock,
      RenewalInvitationProperties properties) {
    this.certificates = certificates;
    this.revocations = revocations;
    this.applications = applications;
    this.customers = customers;
    this.templates = templates;
    this.outbox = outbox;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.schedule = new InvitationSchedule(properties.leadTimes());
  }

  /**
   * Queues every invitation due now. Each certificate in its own transaction, so one that cannot
   * be mailed (no address on record) does not hold back the others.
   *
   * @return how many invitations were queued (already queued ones are not counted again by the
   *     outbox, but are counted here: the number is what was due)
   */
  public int inviteDue() {
    Instant now = clock.instant();
    List<IssuedCertificate> expiring =
        certificates.expiringBetween(now, now.plus(schedule.longestLeadTime()));
    int queued = 0;
    for (IssuedCertificate certificate : expiring) {
      Optional<InvitationSchedule.Invitation> due =
          schedule.due(certificate.notBefore(), certificate.notAfter(), now);
      if (due.isEmpty()) {
        continue;
      }
      try {
        Boolean sent = transactions.execute(status -> invite(certificate, due.get()));
        if (Boolean.TRUE.equals(sent)) {
          queued++;
        }
      } catch (RuntimeException e) {
        log.warn("renewal invitation for certificate {} not queued: {}", certificate.serial(), e.getMessage());
      }
    }
    if (queued > 0) {
      log.info("{} renewal invitation(s) due and queued", queued);
    }
    return queued;
  }

  private boolean invite(IssuedCertificate certificate, InvitationSchedule.Invitation invitation) {
    // A revoked certificate is not renewed (a new application is); one already being renewed
    // has its subscriber's attention.
    if (revocations.find(certificate.serial()).isPresent()
        || applications.hasRenewal(certificate.serial())) {
      return false;
    }
    Application application =
        certificate.applicationId() == null ? null : applications.get(certificate.applicationId());
    // Guide [1-3]: the technical contact's address is the storefront user ID, so for a
    // certificate of the previous system the account's address is the technical contact.
    String to =
        application != null
            ? application.getTechnicalEmail()
            : customers
                .byId(certificate.customerAccountId())
                .map(CustomerAccount::getEmail)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "no customer account " + certificate.customerAccountId()));
    RenewalWindow window = new RenewalWindow(certificate.notBefore(), certificate.notAfter());
    long daysLeft = Duration.between(clock.instant(), certificate.notAfter()).toDays();
    Map<String, Object> model =
        Map.of(
            "productNameJa", application == null ? "サーバ ID" : application.getProduct().nameJa(),
            "productNameEn",
                application == null ? "server certificate" : application.getProduct().nameEn(),
            "commonName", certificate.commonName() == null ? "" : certificate.commonName(),
            "serial", certificate.serial(),
            "notAfter", DATE_TIME.format(certificate.notAfter()),
            "daysLeft", daysLeft,
            "windowOpens", DATE.format(window.opens()),
            "windowCloses", DATE.format(window.closes()));
    OutgoingMail mail =
        templates.compose(
            TEMPLATE + "/" + certificate.serial() + "/" + invitation.number(),
            TEMPLATE,
            to,
            model,
            List.of());
    outbox.enqueue(mail.about(certificate.applicationId()));
    return true;
  }
}
