package org.cabackoffice.workflow;

import java.util.Optional;

/**
 * The contract between bpmn/certificate-revocation.bpmn and the Java code (as {@link
 * RenewalProcess} is for the application's model). One process per revocation request.
 *
 * <p>The business key is {@code revocation-<request id>}, not the bare id: every reader of the
 * application's process takes a numeric business key for an application id (the timeline, the
 * officers' task subjects, refused attempts), and a revocation request must never be read as the
 * application that happens to share its number.
 */
public final class RevocationProcess {

  public static final String PROCESS_KEY = "certificate-revocation";

  private static final String KEY_PREFIX = "revocation-";

  private RevocationProcess() {}

  public static String businessKey(long requestId) {
    return KEY_PREFIX + requestId;
  }

  /** The revocation request a business key names, or empty for any other process's key. */
  public static Optional<Long> requestId(String businessKey) {
    if (businessKey == null || !businessKey.startsWith(KEY_PREFIX)) {
      return Optional.empty();
    }
    String digits = businessKey.substring(KEY_PREFIX.length());
    return digits.matches("\\d{1,18}") ? Optional.of(Long.valueOf(digits)) : Optional.empty();
  }

  /** Activity ids that code, operators and tests address. */
  public static final class Activities {
    public static final String REVOCATION_REQUESTED = "revocation-requested";
    public static final String REVOKE_CERTIFICATE = "revoke-certificate";
    public static final String CERTIFICATE_REVOKED = "certificate-revoked";
    public static final String APPROVE_REVOCATION = "approve-revocation";
    public static final String REVOCATION_DEADLINE_NEAR = "revocation-deadline-near";
    public static final String ESCALATE_REVOCATION = "escalate-revocation";
    public static final String REVOCATION_NOT_APPROVED = "revocation-not-approved";
    public static final String INVESTIGATE_PROBLEM_REPORT = "investigate-problem-report";
    public static final String INVESTIGATION_DEADLINE_NEAR = "investigation-deadline-near";
    public static final String ESCALATE_INVESTIGATION = "escalate-investigation";
    public static final String MAIL_PRELIMINARY_REPORT = "mail-preliminary-report";
    public static final String PRELIMINARY_REPORT_DUE = "preliminary-report-due";
    public static final String MAIL_AUTOMATIC_PRELIMINARY_REPORT = "mail-automatic-preliminary-report";
    public static final String AUTOMATIC_PRELIMINARY_REPORT_MAILED = "automatic-preliminary-report-mailed";
    public static final String REPORT_CLOSED = "report-closed";
    public static final String REVOKE_COMPROMISED_KEY = "revoke-compromised-key";
    public static final String MAIL_KEY_COMPROMISE_REPORT = "mail-key-compromise-report";
    public static final String COMPROMISED_KEY_REVOKED = "compromised-key-revoked";

    private Activities() {}
  }

  /** Where a request comes from; the model routes on it ({@link Variables#ORIGIN}). */
  public static final class Origins {
    /** The customer account that applied for the certificate (BR 4.9.2). */
    public static final String SUBSCRIBER = "SUBSCRIBER";
    /** An officer recording the subscriber's own request (by phone, in writing). */
    public static final String OFFICER_FOR_SUBSCRIBER = "OFFICER_FOR_SUBSCRIBER";
    /** The CA's own initiative: a second officer approves. */
    public static final String CA = "CA";
    /** A certificate problem report from anyone (BR 4.9.3, 4.9.5). */
    public static final String PROBLEM_REPORT = "PROBLEM_REPORT";

    private Origins() {}
  }

  /** Process variables: set at start, set by the forms, and read by the model's expressions. */
  public static final class Variables {
    public static final String REVOCATION_ID = "revocationId";
    public static final String SERIAL = "serial";
    public static final String COMMON_NAME = "commonName";
    public static final String ORIGIN = "origin";
    public static final String REASON = "reason";
    public static final String REQUESTED_BY = "requestedBy";
    public static final String REQUEST_COMMENT = "requestComment";
    public static final String REPORT_TEXT = "reportText";
    public static final String REPORTER_EMAIL = "reporterEmail";
    /** True when a problem report proved possession of the certificate's key (BR 4.9.1.1). */
    public static final String KEY_COMPROMISE_PROVEN = "keyCompromiseProven";
    /** BR 4.9.5: the preliminary report is due 24 hours after the report arrived. */
    public static final String INVESTIGATION_DEADLINE = "investigationDeadline";
    public static final String ESCALATE_INVESTIGATION_AT = "escalateInvestigationAt";
    /**
     * BR 4.9.5: when the process mails the preliminary report itself because no officer has
     * finished the investigation; before the 24 hours pass.
     */
    public static final String AUTOMATIC_PRELIMINARY_REPORT_AT = "automaticPreliminaryReportAt";
    /** BR 4.9.1.1: the reason's deadline, counted from when the CA learned of it. */
    public static final String REVOCATION_DEADLINE = "revocationDeadline";
    public static final String ESCALATE_REVOCATION_AT = "escalateRevocationAt";
    /** The escalation's input parameters: the deadline that nears and the step that waits. */
    public static final String ESCALATION_DEADLINE = "escalationDeadline";
    public static final String ESCALATION_WAITING_FOR = "escalationWaitingFor";
    /** Who proposed the revocation the approver decides on. */
    public static final String PROPOSED_BY = "proposedBy";

    // The investigation's form.
    public static final String INVESTIGATION_DECISION = "investigationDecision";
    public static final String INVESTIGATION_REASON = "investigationReason";
    public static final String INVESTIGATION_FINDINGS = "investigationFindings";

    // The approval's form.
    public static final String REVOCATION_DECISION = "revocationDecision";
    public static final String REVOCATION_APPROVAL_NOTE = "revocationApprovalNote";

    private Variables() {}
  }
}
