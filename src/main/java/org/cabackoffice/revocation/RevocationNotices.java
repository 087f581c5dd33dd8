package org.cabackoffice.revocation;

import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.Outbox;
import org.cabackoffice.security.CustomerAccount;
import org.cabackoffice.security.CustomerAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mails of a revocation request, through the outbox (one per dedup key, so a retried job mails
 * nobody twice): the preliminary report of BR 4.9.5 to the subscriber and the reporter (by the
 * process itself when no officer finished in time), the validation team's alert before a deadline
 * passes, and the subscriber's confirmation that a certificate is revoked.
 */
@Service
public class RevocationNotices {

  static final String PRELIMINARY_REPORT = "revocation-preliminary-report";
  static final String DEADLINE_NEAR = "revocation-deadline-near";
  static final String AUTOMATIC_PRELIMINARY_REPORT = "revocation-automatic-preliminary-report";
  static final String CERTIFICATE_REVOKED = "certificate-revoked";

  private final RevocationRequests requests;
  private final RevocationRequestRepository requestRecords;
  private final IssuedCertificates certificates;
  private final CustomerAccounts customers;
  private final MailTemplates templates;
  private final Outbox outbox;
  private final String teamAddress;

  public RevocationNotices(
      RevocationRequests requests,
      RevocationRequestRepository requestRecords,
      IssuedCertificates certificates,
      CustomerAccounts customers,
      MailTemplates templates,
      Outbox outbox,
      @Value("${backoffice.mail.validation-team:validation-team@backoffice.example}") String teamAddress) {
    this.requests = requests;
    this.requestRecords = requestRecords;
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

  /**
   * BR 4.9.5 when nobody has finished the investigation shortly before the 24 hours pass: a
   * preliminary report saying the report is under investigation, to the subscriber and the
   * reporter, recorded on the request; the officer's findings follow as their own report. Nothing
   * is mailed when the findings already went out or the request is closed.
   */
  @Transactional
  public void mailAutomaticPreliminaryReport(long requestId) {
    RevocationRequest request = requests.get(requestId);
    if (request.preliminaryReportAt() != null || request.status().isFinal()) {
      return;
    }
    IssuedCertificate certificate = certificates.findBySerial(request.serial()).orElseThrow();
    Map<String, Object> model =
        Map.of(
            "requestId", requestId,
            "serial", request.serial(),
            "commonName", String.valueOf(certificate.commonName()),
            "receivedAt", BusinessCalendar.shown(request.requestedAt()));
    customers
        .byId(certificate.customerAccountId())
        .map(CustomerAccount::getEmail)
        .ifPresent(email -> send(AUTOMATIC_PRELIMINARY_REPORT, request, "subscriber", email, model));
    if (request.reporterEmail() != null) {
      send(AUTOMATIC_PRELIMINARY_REPORT, request, "reporter", request.reporterEmail(), model);
    }
    requests.automaticReportSent(requestId);
  }

  /**
   * The subscriber hears that its certificate is revoked, whoever asked (itself, an officer, the
   * CA, a problem report, or a key compromise found through another certificate of the same key):
   * in the revocation's own transaction, so a revocation is never without its mail and a retried
   * job never mails twice.
   */
  @EventListener
  public void confirmRevocation(CertificateRevoked event) {
    CertificateRevocation revocation = event.revocation();
    certificates
        .findBySerial(revocation.serial())
        .ifPresent(
            certificate ->
                customers
                    .byId(certificate.customerAccountId())
                    .map(CustomerAccount::getEmail)
                    .ifPresent(email -> mailRevoked(certificate, revocation, email)));
  }

  private void mailRevoked(IssuedCertificate certificate, CertificateRevocation revocation, String to) {
    Optional<RevocationRequest> request =
        requestRecords.findFirstBySerialOrderByIdDesc(revocation.serial()).filter(r -> !r.status().isFinal() || r.status() == RevocationRequestStatus.REVOKED);
    String[] how = how(request.map(RevocationRequest::origin), revocation.reason());
    Map<String, Object> model = new HashMap<>();
    model.put("recipient", to);
    model.put("serial", revocation.serial());
    model.put("commonName", String.valueOf(certificate.commonName()));
    model.put("revokedAt", BusinessCalendar.shown(revocation.revokedAt()));
    model.put("reason", revocation.reason().rfc5280Name());
    model.put("reasonJa", reasonJa(revocation.reason()));
    model.put("originJa", how[0]);
    model.put("originEn", how[1]);
    outbox.enqueue(
        templates
            .compose(CERTIFICATE_REVOKED + ":" + revocation.serial(), CERTIFICATE_REVOKED, to, model, List.of())
            .about(certificate.applicationId()));
  }

  /** Who asked, in Japanese and English; without a request of its own, another certificate's key. */
  private static String[] how(Optional<RevocationOrigin> origin, RevocationReason reason) {
    if (origin.isEmpty()) {
      return reason == RevocationReason.KEY_COMPROMISE
          ? new String[] {
            "同じ鍵を使う別の証明書について鍵の危殆化が確認されたため",
            "the key was found compromised through another certificate with the same key"
          }
          : new String[] {"当社の判断により", "on the CA's decision"};
    }
    return switch (origin.get()) {
      case SUBSCRIBER -> new String[] {"お客様のストアフロントからのご依頼により", "at your request, from the storefront"};
      case OFFICER_FOR_SUBSCRIBER -> new String[] {"お客様のご依頼を当社担当者が受け付けて", "at your request, recorded by our staff"};
      case CA -> new String[] {"当社の判断により (二人目の担当者の承認を経て)", "on the CA's decision, approved by a second officer"};
      case PROBLEM_REPORT -> new String[] {"証明書問題報告を受けて (Baseline Requirements 4.9.3)", "after a certificate problem report (Baseline Requirements 4.9.3)"};
    };
  }

  private static String reasonJa(RevocationReason reason) {
    return switch (reason) {
      case KEY_COMPROMISE -> "秘密鍵の危殆化";
      case AFFILIATION_CHANGED -> "登録情報の変更";
      case SUPERSEDED -> "証明書の置き換え";
      case CESSATION_OF_OPERATION -> "利用の終了";
      case PRIVILEGE_WITHDRAWN -> "利用資格の取り消し";
    };
  }

  private void send(RevocationRequest request, String role, String to, Map<String, Object> model) {
    send(PRELIMINARY_REPORT, request, role, to, model);
  }

  private void send(String template, RevocationRequest request, String role, String to, Map<String, Object> model) {
    Map<String, Object> withRecipient = new java.util.HashMap<>(model);
    withRecipient.put("recipient", to);
    outbox.enqueue(
        templates
            .compose(template + ":" + request.id() + ":" + role, template, to, withRecipient, List.of())
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
