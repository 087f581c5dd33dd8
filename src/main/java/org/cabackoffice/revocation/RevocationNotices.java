package org.cabackoffice.revocation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.Outbox;
import org.cabackoffice.security.CustomerAccount;
import org.cabackoffice.security.CustomerAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mails of a revocation request, through the outbox (one per dedup key, so a retried job mails
 * nobody twice): the preliminary report of BR 4.9.5 to the subscriber and the reporter, and the
 * validation team's alert before a deadline passes.
 */
@Service
public class RevocationNotices {

  static final String PRELIMINARY_REPORT = "revocation-preliminary-report";
  static final String DEADLINE_NEAR = "revocation-deadline-near";

  private final RevocationRequests requests;
  private final IssuedCertificates certificates;
  private final CustomerAccounts customers;
  private final MailTemplates templates;
  private final Outbox outbox;
  private final String teamAddress;

  public RevocationNotices(
      RevocationRequests requests,
      IssuedCertificates certificates,
      CustomerAccounts customers,
      MailTemplates templates,
      Outbox outbox,
      @Value("${backoffice.mail.validation-team:validation-team@backoffice.example}") String teamAddress) {
    this.requests = requests;
    this.certificates = certificates;
    this.customers = customers;
    this.templates = templates;
    this.outbox = outbox;
    this.teamAddress = teamAddress;
  }

  /**
   * BR 4.9.5: within 24 hours of a problem report, a preliminary report to the subscriber (the
   * customer account the certificate was issued to) and to the reporter.
   */
  @Transactional
  public void mailPreliminaryReport(long requestId) {
    RevocationRequest request = requests.get(requestId);
    IssuedCertificate certificate = certificates.findBySerial(request.serial()).orElseThrow();
    boolean revoke = request.reason() != null;
    String findings =
        request.findings() != null
            ? request.findings()
            : "The report proved possession of the certificate's private key (a CSR over our challenge,"
                + " signed with the key). The key is blocked and every certificate with it is revoked."
                + " / 報告者が秘密鍵の所持を証明したため、この鍵を使用禁止とし、同じ鍵の証明書をすべて失効しました。";
    Map<String, Object> model =
        Map.of(
            "requestId", requestId,
            "serial", request.serial(),
            "commonName", String.valueOf(certificate.commonName()),
            "receivedAt", BusinessCalendar.shown(request.requestedAt()),
            "decisionJa", revoke ? "失効 (理由: " + request.reason().rfc5280Name() + ")" : "失効しません",
            "decisionEn", revoke ? "revoke (reason: " + request.reason().rfc5280Name() + ")" : "no revocation",
            "findings", findings);
    customers
        .byId(certificate.customerAccountId())
        .map(CustomerAccount::getEmail)
        .ifPresent(email -> send(request, "subscriber", email, model));
    if (request.reporterEmail() != null) {
      send(request, "reporter", request.reporterEmail(), model);
    }
    requests.preliminaryReportSent(requestId);
  }

  private void send(RevocationRequest request, String role, String to, Map<String, Object> model) {
    Map<String, Object> withRecipient = new java.util.HashMap<>(model);
    withRecipient.put("recipient", to);
    outbox.enqueue(
        templates
            .compose(PRELIMINARY_REPORT + ":" + request.id() + ":" + role, PRELIMINARY_REPORT, to, withRecipient, List.of())
            .about(request.applicationId()));
  }

  /**
   * Alerts the validation team that a request waits close to its deadline (BR 4.9.1.1 for a
   * revocation, BR 4.9.5 for an investigation).
   *
   * @param waitingFor the step it waits at, as the diagram names it
   */
  @Transactional
  public void alertTeam(long requestId, String waitingFor, Instant deadline) {
    RevocationRequest request = requests.get(requestId);
    IssuedCertificate certificate = certificates.findBySerial(request.serial()).orElseThrow();
    outbox.enqueue(
        templates
            .compose(
                DEADLINE_NEAR + ":" + requestId + ":" + waitingFor,
                DEADLINE_NEAR,
                teamAddress,
                Map.of(
                    "requestId", requestId,
                    "deadline", BusinessCalendar.shown(deadline),
                    "waitingFor", waitingFor,
                    "serial", request.serial(),
                    "commonName", String.valueOf(certificate.commonName()),
                    "reason", request.reason() == null ? "to be decided / 調査中" : request.reason().rfc5280Name(),
                    "requestedAt", BusinessCalendar.shown(request.requestedAt())),
                List.of())
            .about(request.applicationId()));
  }
}
