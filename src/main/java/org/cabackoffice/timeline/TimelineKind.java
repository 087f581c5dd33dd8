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

  // Documents (guide [3-1], [4])
  /** The officer's decision whether documents are needed, and the reason given. */
  DOCUMENTS_DECIDED,
  DOCUMENTS_REQUESTED,
  DOCUMENT_UPLOADED,
  DOCUMENTS_REVIEWED,

  // Payment (guide [3-2])
  INVOICE_ISSUED,
  INVOICE_CANCELLED,
  PAYMENT_RECORDED,

  // Verification and approval (guide [4], EV Guidelines 5.2.4)
  PHONE_VERIFICATION,
  ISSUANCE_DECISION,
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
  MAIL_SENT
}
