package org.cabackoffice.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.access.Roles;
import org.cabackoffice.csr.BlockedKeys;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.security.StaffDirectory;
import org.cabackoffice.workflow.RevocationProcess.Variables;
import org.cabackoffice.workflow.RevocationProcessEnds;
import org.cabackoffice.workflow.RevocationProcessStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revocation requests from the subscriber, from officers and from problem reports (BR 4.9.2,
 * 4.9.3), and the decisions on them. Each request runs as a {@code certificate-revocation}
 * process; this service knows nothing of the engine and is what the process's delegates and task
 * listeners call.
 */
@Service
public class RevocationRequests implements RevocationProcessEnds {

  private static final Logger log = LoggerFactory.getLogger(RevocationRequests.class);

  /** BR 4.9.5: a problem report is investigated, and a preliminary report sent, within 24 hours. */
  static final Duration INVESTIGATION_TIME = Duration.ofHours(24);

  /**
   * How long before the 24 hours of BR 4.9.5 pass the process mails the preliminary report itself
   * when no officer has finished: time for a busy job executor and the mail relay.
   */
  static final Duration AUTOMATIC_REPORT_MARGIN = Duration.ofHours(1);

  private final RevocationRequestRepository requests;
  private final IssuedCertificates certificates;
  private final CertificateRevocations revocations;
  private final BlockedKeys blockedKeys;
  private final StaffDirectory staff;
  private final RevocationProcessStart process;
  private final Clock clock;
  private final Duration escalationMargin;

  public RevocationRequests(
      RevocationRequestRepository requests,
      IssuedCertificates certificates,
      CertificateRevocations revocations,
      BlockedKeys blockedKeys,
      StaffDirectory staff,
      RevocationProcessStart process,
      Clock clock,
      @Value("${backoffice.revocation.escalation-margin:PT4H}") Duration escalationMargin) {
    this.requests = requests;
    this.certificates = certificates;
    this.revocations = revocations;
    this.blockedKeys = blockedKeys;
    this.staff = staff;
    this.process = process;
    this.clock = clock;
    this.escalationMargin = escalationMargin;
  }

  /**
   * The subscriber's own request (BR 4.9.1.1 item 1: revoked within 24 hours; here at once). Only
   * the customer account the certificate was issued to may ask; for any other it does not exist.
   */
  @Transactional
  public RevocationRequest requestBySubscriber(
      String serial, long customerAccountId, String customerUserId, String reasonText, String comment) {
    IssuedCertificate certificate =
        certificate(serial).filter(c -> c.customerAccountId() == customerAccountId).orElseThrow(() -> RevocationRefused.noCertificate(serial));
    RevocationReason reason = reason(reasonText);
    if (reason == RevocationReason.PRIVILEGE_WITHDRAWN) {
      // BR 7.2.2: privilegeWithdrawn says the CA withdrew the privilege; a subscriber cannot.
      throw RevocationRefused.badInput(
          "revocation.reason-not-for-subscriber",
          "privilegeWithdrawn is the CA's reason (BR 7.2.2); choose keyCompromise, superseded,"
              + " cessationOfOperation or affiliationChanged");
    }
    return file(certificate, RevocationOrigin.SUBSCRIBER, RevocationRequestStatus.REVOKING, reason, comment, customerUserId, null);
  }

  /**
   * An officer's request: the subscriber's, recorded by the officer (revoked at once), or the CA's
   * own (a second officer approves first). The reason and the comment are required: they are the
   * record of why.
   */
  @Transactional
  public RevocationRequest requestByOfficer(
      String serial, String officer, String reasonText, String comment, boolean caInitiative) {
    IssuedCertificate certificate = certificate(serial).orElseThrow(() -> RevocationRefused.noCertificate(serial));
    RevocationReason reason = reason(reasonText);
    if (comment == null || comment.isBlank()) {
      throw RevocationRefused.badInput(
          "revocation.comment-missing",
          "comment is required from an officer: who asked, or what the CA learned (BR 5.4.1)");
    }
    return caInitiative
        ? file(certificate, RevocationOrigin.CA, RevocationRequestStatus.AWAITING_APPROVAL, reason, comment, officer, officer)
        : file(certificate, RevocationOrigin.OFFICER_FOR_SUBSCRIBER, RevocationRequestStatus.REVOKING, reason, comment, officer, null);
  }

  /**
   * A certificate problem report (BR 4.9.3, 4.9.5). With a verified proof of possession of the key
   * (see {@link KeyCompromiseProofs}) the key counts as compromised and is revoked at once;
   * otherwise officers investigate within 24 hours.
   *
   * @param provenSpkiSha256 the key the proof was made with, or null for a report without proof
   */
  @Transactional
  public RevocationRequest report(
      IssuedCertificate certificate, String reporterEmail, String reportText, String proofCsr, String provenSpkiSha256) {
    refuseWhenRevoked(certificate);
    boolean proven = provenSpkiSha256 != null;
    RevocationRequest request =
        new RevocationRequest(
            certificate.serial(),
            certificate.applicationId(),
            RevocationOrigin.PROBLEM_REPORT,
            proven ? RevocationRequestStatus.REVOKING : RevocationRequestStatus.INVESTIGATING,
            proven ? RevocationReason.KEY_COMPROMISE : null,
            null,
            reporterEmail,
            clock.instant());
    request.reported(reporterEmail, reportText, proofCsr, provenSpkiSha256);
    return start(requests.save(request), certificate);
  }

  private RevocationRequest file(
      IssuedCertificate certificate,
      RevocationOrigin origin,
      RevocationRequestStatus status,
      RevocationReason reason,
      String comment,
      String requestedBy,
      String proposedBy) {
    refuseWhenRevoked(certificate);
    RevocationRequest request =
        new RevocationRequest(
            certificate.serial(), certificate.applicationId(), origin, status, reason, blankToNull(comment), requestedBy, clock.instant());
    request.proposedBy(proposedBy);
    return start(requests.save(request), certificate);
  }

  private RevocationRequest start(RevocationRequest request, IssuedCertificate certificate) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.REVOCATION_ID, request.id());
    variables.put(Variables.SERIAL, request.serial());
    variables.put(Variables.COMMON_NAME, String.valueOf(certificate.commonName()));
    variables.put(Variables.ORIGIN, request.origin().name());
    variables.put(Variables.REASON, request.reason() == null ? "" : request.reason().rfc5280Name());
    variables.put(Variables.REQUESTED_BY, request.requestedBy());
    variables.put(Variables.REQUEST_COMMENT, request.comment() == null ? "" : request.comment());
    variables.put(Variables.REPORT_TEXT, request.reportText() == null ? "" : request.reportText());
    variables.put(Variables.REPORTER_EMAIL, request.reporterEmail() == null ? "" : request.reporterEmail());
    variables.put(Variables.KEY_COMPROMISE_PROVEN, request.provenSpkiSha256() != null);
    variables.put(Variables.PROPOSED_BY, request.proposedBy() == null ? "" : request.proposedBy());
    Instant investigationDeadline = request.requestedAt().plus(INVESTIGATION_TIME);
    variables.put(Variables.INVESTIGATION_DEADLINE, Date.from(investigationDeadline));
    variables.put(Variables.ESCALATE_INVESTIGATION_AT, Date.from(escalationBefore(investigationDeadline, INVESTIGATION_TIME)));
    variables.put(Variables.AUTOMATIC_PRELIMINARY_REPORT_AT, Date.from(investigationDeadline.minus(AUTOMATIC_REPORT_MARGIN)));
    variables.putAll(revocationDeadlines(request));
    process.start(request.id(), variables);
    log.info(
        "revocation request {} for certificate {} from {} ({})",
        request.id(),
        request.serial(),
        request.origin(),
        request.reason() == null ? "to investigate" : request.reason().rfc5280Name());
    return request;
  }

  /**
   * BR 4.9.1.1: the reason's deadline runs from when the CA learned of it, which is when the
   * request or report arrived; the team is alerted a margin before it passes (at the latest
   * half-way, for a margin longer than the deadline's half).
   */
  Map<String, Object> revocationDeadlines(RevocationRequest request) {
    Duration deadline = request.reason() == null ? INVESTIGATION_TIME : request.reason().deadline();
    Instant due = request.requestedAt().plus(deadline);
    return Map.of(
        Variables.REVOCATION_DEADLINE, Date.from(due),
        Variables.ESCALATE_REVOCATION_AT, Date.from(escalationBefore(due, deadline)));
  }

  private Instant escalationBefore(Instant due, Duration deadline) {
    Duration margin = escalationMargin.compareTo(deadline.dividedBy(2)) > 0 ? deadline.dividedBy(2) : escalationMargin;
    return due.minus(margin);
  }

  /**
   * The investigating officer's decision on a problem report: revoke (with a BR 7.2.2 reason, then
   * a second officer approves) or no action. Findings are required: they are the preliminary
   * report mailed to the subscriber and the reporter (BR 4.9.5).
   *
   * @return the variables the approval's deadline timer reads, when a revocation is proposed
   */
  @Transactional
  public Map<String, Object> recordInvestigation(
      long requestId, String officer, boolean revoke, String reasonText, String findings) {
    RevocationRequest request = get(requestId);
    if (request.status() != RevocationRequestStatus.INVESTIGATING) {
      throw new IllegalStateException("revocation request " + requestId + " is not under investigation");
    }
    if (!staff.hasRole(officer, Roles.OFFICER) && !staff.hasRole(officer, Roles.SENIOR_OFFICER)) {
      throw new IllegalStateException(officer + " is not a validation officer");
    }
    if (findings == null || findings.isBlank()) {
      throw new IllegalArgumentException(
          "findings are required: they are the preliminary report to the subscriber and the reporter (BR 4.9.5)");
    }
    RevocationReason reason = revoke ? reason(reasonText) : null;
    request.investigated(officer, clock.instant(), findings.strip(), reason);
    log.info("revocation request {} investigated by {}: {}", requestId, officer, revoke ? "revoke, " + reason.rfc5280Name() : "no action");
    return revoke ? revocationDeadlines(request) : Map.of();
  }

  /**
   * Why {@code approver} may not decide the revocation the CA proposes, or empty when they may: a
   * senior officer other than the one who proposed it, as for issuance (EV Guidelines 5.2.4).
   */
  @Transactional(readOnly = true)
  public Optional<String> approverRefusal(long requestId, String approver) {
    if (approver == null || approver.isBlank()) {
      return Optional.of("claim the task before deciding: the approver must be known");
    }
    if (!staff.hasRole(approver, Roles.SENIOR_OFFICER)) {
      return Optional.of(approver + " is not a senior officer; only a senior officer approves a revocation");
    }
    RevocationRequest request = get(requestId);
    if (approver.equals(request.proposedBy()) || approver.equals(request.investigatedBy())) {
      return Optional.of(
          approver
              + " proposed this revocation and may not also approve it; another senior officer must decide");
    }
    return Optional.empty();
  }

  /** The second officer's decision; refused (and nothing recorded) for the proposer. */
  @Transactional
  public void recordApproval(long requestId, String approver, boolean approved, String note) {
    approverRefusal(requestId, approver)
        .ifPresent(
            refusal -> {
              throw new IllegalStateException(refusal);
            });
    RevocationRequest request = get(requestId);
    if (request.status() != RevocationRequestStatus.AWAITING_APPROVAL) {
      throw new IllegalStateException("revocation request " + requestId + " is not awaiting approval");
    }
    if (note == null || note.isBlank()) {
      throw new IllegalArgumentException("a note for the record is required");
    }
    if (approved) {
      request.approved(approver, clock.instant(), note.strip());
    } else {
      request.notApproved(approver, clock.instant(), note.strip());
    }
    log.info("revocation request {} {} by {}", requestId, approved ? "approved" : "not approved", approver);
  }

  /**
   * Revokes the request's certificate. A key compromise also puts the key on the blocklist (BR
   * 6.1.1.3) and revokes every other certificate with the key (BR 4.9.1.1). Idempotent: a retried
   * job finds the revocations made and adds none.
   *
   * @return the serials revoked, the request's own first
   */
  @Transactional
  public List<String> carryOut(long requestId) {
    RevocationRequest request = get(requestId);
    if (request.status() != RevocationRequestStatus.REVOKING && request.status() != RevocationRequestStatus.REVOKED) {
      throw new IllegalStateException("revocation request " + requestId + " is " + request.status() + ", not decided for revocation");
    }
    String decidedBy = decidedBy(request);
    String basis = basis(request);
    List<String> revoked = new ArrayList<>();
    revoked.add(revocations.revoke(request.serial(), request.reason(), decidedBy, basis).serial());
    if (request.reason() == RevocationReason.KEY_COMPROMISE) {
      IssuedCertificate certificate = certificate(request.serial()).orElseThrow();
      String spki = certificate.spkiSha256();
      if (!blockedKeys.contains(spki)) {
        blockedKeys.add(spki, "key compromise: revocation request " + requestId + " for certificate " + request.serial(), decidedBy);
      }
      for (IssuedCertificate sameKey : certificates.withKey(spki)) {
        if (!sameKey.serial().equals(request.serial())) {
          revoked.add(
              revocations
                  .revoke(sameKey.serial(), RevocationReason.KEY_COMPROMISE, decidedBy, basis + "; same key as " + request.serial())
                  .serial());
        }
      }
    }
    if (request.status() != RevocationRequestStatus.REVOKED) {
      request.revoked(clock.instant());
    }
    return revoked;
  }

  /** Who decided: the approver of a CA revocation, the requester otherwise; the rule for a proof. */
  private static String decidedBy(RevocationRequest request) {
    if (request.approvedBy() != null) {
      return request.approvedBy();
    }
    if (request.origin() == RevocationOrigin.PROBLEM_REPORT) {
      return CertificateRevocations.SYSTEM;
    }
    String requester = request.requestedBy();
    return requester.length() > 128 ? requester.substring(0, 128) : requester;
  }

  private static String basis(RevocationRequest request) {
    StringBuilder basis = new StringBuilder("revocation request " + request.id() + " (" + request.origin());
    if (request.proposedBy() != null) {
      basis.append(", proposed by ").append(request.proposedBy());
    }
    if (request.approvedBy() != null) {
      basis.append(", approved by ").append(request.approvedBy());
    }
    if (request.provenSpkiSha256() != null) {
      basis.append(", possession of the key proven by a CSR over the CA's challenge");
    }
    basis.append(")");
    String why = request.findings() != null ? request.findings() : request.comment();
    if (why != null) {
      basis.append(": ").append(why);
    }
    return basis.length() > 2000 ? basis.substring(0, 1997) + "..." : basis.toString();
  }

  /** When the process mailed the preliminary report itself (BR 4.9.5), kept once. */
  @Transactional
  public void automaticReportSent(long requestId) {
    get(requestId).automaticReportSent(clock.instant());
  }

  /** When the preliminary report went out (BR 4.9.5), kept once. */
  @Transactional
  public void preliminaryReportSent(long requestId) {
    get(requestId).preliminaryReportSent(clock.instant());
  }

  @Override
  @Transactional
  public void processEnded(long requestId, boolean cancelled, String endedBy, String reason) {
    requests
        .findById(requestId)
        .filter(request -> !request.status().isFinal())
        .ifPresent(
            request -> {
              // Deleted by an administrator, or an edited model that ends without a decision: the
              // record says so instead of staying open with nothing behind it.
              request.close(RevocationRequestStatus.CANCELLED, endedBy, clock.instant(), cancelled ? "process deleted: " + reason : "process ended at " + reason);
              log.info("revocation request {} cancelled ({}) by {}", requestId, reason, endedBy);
            });
  }

  @Transactional(readOnly = true)
  public RevocationRequest get(long requestId) {
    return requests
        .findById(requestId)
        .orElseThrow(
            () -> new RevocationRefused(RevocationRefused.Ground.NOT_FOUND, "revocation.no-request", "no revocation request " + requestId));
  }

  @Transactional(readOnly = true)
  public List<RevocationRequest> ofApplication(long applicationId) {
    return requests.findByApplicationIdOrderByIdAsc(applicationId);
  }

  Optional<IssuedCertificate> certificate(String serial) {
    try {
      return certificates.findBySerial(serial);
    } catch (IllegalArgumentException e) {
      throw RevocationRefused.badInput("revocation.serial-invalid", e.getMessage());
    }
  }

  private void refuseWhenRevoked(IssuedCertificate certificate) {
    revocations
        .find(certificate.serial())
        .ifPresent(
            earlier -> {
              throw new RevocationRefused(
                  RevocationRefused.Ground.CONFLICT,
                  "revocation.already-revoked",
                  "certificate " + certificate.serial() + " was revoked at " + earlier.revokedAt() + "; revocation is final");
            });
  }

  private static RevocationReason reason(String text) {
    if (text == null || text.isBlank()) {
      throw RevocationRefused.badInput("revocation.reason-missing", "reason is required (BR 7.2.2: keyCompromise, superseded, cessationOfOperation, affiliationChanged, privilegeWithdrawn)");
    }
    try {
      return RevocationReason.parse(text);
    } catch (IllegalArgumentException e) {
      throw RevocationRefused.badInput("revocation.reason-unknown", e.getMessage());
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
