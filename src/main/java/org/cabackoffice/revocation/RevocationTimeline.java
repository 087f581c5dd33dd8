package org.cabackoffice.revocation;

import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.timeline.TimelineContributor;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The revocation part of an application's timeline (BR 5.4.1): each request for its certificate,
 * who asked and why, the investigation, the approval, and the revocation itself. A reporter's
 * address and proof stay in the request's row; the entry names it.
 */
@Component
class RevocationTimeline implements TimelineContributor {

  private final RevocationRequestRepository requests;
  private final CertificateRevocationRepository revocations;

  RevocationTimeline(RevocationRequestRepository requests, CertificateRevocationRepository revocations) {
    this.requests = requests;
    this.revocations = revocations;
  }

  @Override
  @Transactional(readOnly = true)
  public List<TimelineEntry> entriesOf(long applicationId) {
    List<TimelineEntry> entries = new ArrayList<>();
    List<String> serials = new ArrayList<>();
    for (RevocationRequest request : requests.findByApplicationIdOrderByIdAsc(applicationId)) {
      String reference = "revocation_request:" + request.id();
      String reason = request.reason() == null ? "reason to be decided" : request.reason().rfc5280Name();
      boolean report = request.origin() == RevocationOrigin.PROBLEM_REPORT;
      entries.add(
          new TimelineEntry(
              request.requestedAt(),
              report ? TimelineKind.PROBLEM_REPORT_RECEIVED : TimelineKind.REVOCATION_REQUESTED,
              report ? TimelineEntry.SYSTEM : actor(request),
              (report
                      ? "Certificate problem report about " + request.serial()
                          + (request.provenSpkiSha256() != null ? ", possession of the key proven" : "")
                      : "Revocation of " + request.serial() + " requested (" + request.origin() + ", " + reason + ")")
                  + (request.comment() != null ? ": " + request.comment() : ""),
              reference));
      if (request.investigatedAt() != null) {
        entries.add(
            new TimelineEntry(
                request.investigatedAt(),
                TimelineKind.PROBLEM_REPORT_INVESTIGATED,
                request.investigatedBy(),
                (request.reason() != null ? "Revocation proposed (" + reason + ")" : "No revocation")
                    + ": " + request.findings(),
                reference));
      }
      if (request.automaticReportAt() != null) {
        entries.add(
            new TimelineEntry(
                request.automaticReportAt(),
                TimelineKind.PRELIMINARY_REPORT_SENT,
                TimelineEntry.SYSTEM,
                "Preliminary report mailed automatically to the subscriber"
                    + (request.reporterEmail() != null ? " and the reporter" : "")
                    + ": no officer had finished the investigation within 23 hours (BR 4.9.5); under investigation",
                reference));
      }
      if (request.preliminaryReportAt() != null) {
        entries.add(
            new TimelineEntry(
                request.preliminaryReportAt(),
                TimelineKind.PRELIMINARY_REPORT_SENT,
                TimelineEntry.SYSTEM,
                "Preliminary report mailed to the subscriber" + (request.reporterEmail() != null ? " and the reporter" : ""),
                reference));
      }
      if (request.approvedAt() != null) {
        entries.add(
            new TimelineEntry(
                request.approvedAt(),
                TimelineKind.REVOCATION_DECISION,
                request.approvedBy(),
                (request.status() == RevocationRequestStatus.NOT_APPROVED ? "Revocation not approved" : "Revocation approved")
                    + ": " + request.approvalNote(),
                reference));
      }
      if (request.status() == RevocationRequestStatus.CANCELLED) {
        entries.add(
            new TimelineEntry(
                request.closedAt(), TimelineKind.REVOCATION_REQUEST_CANCELLED, request.closedBy(), "Revocation request cancelled: " + request.closeReason(), reference));
      }
      if (!serials.contains(request.serial())) {
        serials.add(request.serial());
      }
    }
    for (String serial : serials) {
      revocations
          .findBySerial(serial)
          .ifPresent(
              r ->
                  entries.add(
                      new TimelineEntry(
                          r.revokedAt(),
                          TimelineKind.CERTIFICATE_REVOKED,
                          r.revokedBy(),
                          "Certificate " + r.serial() + " revoked (" + r.reason().rfc5280Name() + "); basis: " + r.basis(),
                          "certificate_revocation:" + r.serial())));
    }
    return entries;
  }

  private static String actor(RevocationRequest request) {
    return request.origin() == RevocationOrigin.SUBSCRIBER ? TimelineEntry.CUSTOMER : request.requestedBy();
  }
}
