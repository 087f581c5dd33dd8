package org.cabackoffice.timeline;

/**
 * What a timeline entry records. Stable names: auditors filter exports on them, so a new kind is
 * added, an existing one never renamed.
 */
public enum TimelineKind {
  // The storefront
  APPLICATION_SUBMITTED,
  APPLICATION_REFUSED,
  SERVICE_LEVEL_MISSED,

  // The engine's history
  PROCESS_STARTED,
  ACTIVITY_STARTED,
  ACTIVITY_COMPLETED,
  ACTIVITY_CANCELLED,
  /** A gateway or event that takes no time: one entry instead of a start and an end. */
  ACTIVITY_PASSED,
  INCIDENT_OPENED,
  INCIDENT_RESOLVED,
  INCIDENT_DELETED,
  /** Something staff did through the engine (Tasklist, Cockpit, /engine-rest): claim, retry. */
  ENGINE_OPERATION,
  /** Something staff tried that the rules refused: who, what, why (BR 5.4.1). */
  REFUSED_ATTEMPT,
  PROCESS_ENDED,

  // Domain (guide [3-1], BR 3.2.2.4, 3.2.2.8)
  REGISTRANT_LOOKUP,
  REGISTRANT_COMPARED,
  DOMAIN_CONSENT_REQUESTED,
  DOMAIN_CONSENT_DECIDED,
  /** How control was established: registrant evidence (private CA), reuse, or a DNS challenge. */
  DOMAIN_CONTROL_DECIDED,
  DNS_CHALLENGE_ISSUED,
  DNS_CHECK,
  CAA_CHECK,
  /** Remote network perspectives corroborated (or not) DNS change or CAA, with the quorum (BR 3.2.2.9). */
  MPIC_CORROBORATION,

  // Documents (guide [3-1], [4])
  /** The officer's decision whether documents are needed, and the reason given. */
  DOCUMENTS_DECIDED,
  DOCUMENTS_REQUESTED,
  DOCUMENT_UPLOADED,
  DOCUMENTS_REVIEWED,
  /**
   * A document that arrived by fax, e-mail or post ([3-1] 送付先), attached by an officer: how it
   * arrived, who attached it, and its SHA-256.
   */
  DOCUMENT_ATTACHED,

  // Payment (guide [3-2])
  INVOICE_ISSUED,
  INVOICE_CANCELLED,
  PAYMENT_RECORDED,

  // Verification and approval (guide [4], EV Guidelines 5.2.4)
  PHONE_VERIFICATION,
  ISSUANCE_DECISION,
  /**
   * The technical contact was phoned instead of the absent responsible person (guide [4]): who,
   * through which number, and how their employment by the applicant was confirmed.
   */
  PHONE_VERIFICATION_STAND_IN,
  /** The applicant matched with a directory record (or not listed), by whom, from which source (BR 3.2.2.1). */
  ORGANIZATION_VERIFIED,
  /** An organization the directory lacked, recorded from its registry certificate. */
  ORGANIZATION_RECORDED,
  /** One of the EV Guidelines' checks (3.2.2) and its basis. */
  ORGANIZATION_CHECK,
  /** The CSR subject compared with the verified record (guide [1-2]). */
  SUBJECT_COMPARED,

  // Issuance (guide [5-1])
  CERTIFICATE_ISSUED,

  // Mail
  MAIL_QUEUED,
  MAIL_SENT,

  // Revocation (BR 4.9)
  /** The subscriber or an officer asked for a revocation, with the reason. */
  REVOCATION_REQUESTED,
  /** A certificate problem report arrived (BR 4.9.3). */
  PROBLEM_REPORT_RECEIVED,
  /** The investigating officer's finding on a problem report (BR 4.9.5). */
  PROBLEM_REPORT_INVESTIGATED,
  /** The preliminary report went to the subscriber and the reporter (BR 4.9.5). */
  PRELIMINARY_REPORT_SENT,
  /** The second officer approved, or did not approve, a revocation the CA proposed. */
  REVOCATION_DECISION,
  REVOCATION_REQUEST_CANCELLED,
  CERTIFICATE_REVOKED,

  // ACME orders (issue 15), as the auditors' order page reads them
  ACME_ORDER_PLACED,
  ACME_CHALLENGE,
  ACME_ORDER_FINALIZED
}
