package org.cabackoffice.acme;

import java.util.Optional;

/**
 * The {@code acme-order} process's contract (bpmn/acme-order.bpmn): business key, variables and
 * activity ids, in one place; AcmeOrderModelTest holds the model to it.
 */
public final class AcmeOrderVariables {

  private AcmeOrderVariables() {}

  static final String BUSINESS_KEY_PREFIX = "acme-order-";

  /** Variables the model's expressions and forms read. */
  public static final String ORDER_ID = "orderId";
  public static final String ACCOUNT_URI = "accountUri";
  public static final String IDENTITY_CURRENT = "identityCurrent";
  public static final String IDENTITY_BASIS = "identityBasis";
  public static final String ORGANIZATION = "organization";
  public static final String DNS_NAMES = "dnsNames";
  public static final String IDENTITY_DECISION = "identityDecision";
  public static final String IDENTITY_NOTE = "identityNote";
  public static final String DIRECTORY_RECORD_CURRENT = "directoryRecordCurrent";
  public static final String INTENT_CONFIRMED = "intentConfirmed";
  public static final String SPOKE_WITH = "spokeWith";
  public static final String VALIDATED_BY = "validatedBy";
  public static final String IDENTITY_APPROVAL = "identityApproval";
  /** The registrants of the order's registrable domains beside the organization (AcmeRegistrants). */
  public static final String REGISTRANT_EVIDENCE = "registrantEvidence";
  /** What the identity steps found, for the approver's form (the call, the documents and their reviews). */
  public static final String IDENTITY_EVIDENCE = "identityEvidence";
  /** The calling officer's answer: supporting documents NEEDED or NOT_NEEDED (guide [3-1]), and which. */
  public static final String DOCUMENTS_REQUIREMENT = "documentsRequirement";
  public static final String DOCUMENTS_NOTE = "documentsNote";
  /** Where officers open what the technical contact uploaded for the order. */
  public static final String DOCUMENTS_URL = "documentsUrl";
  public static final String EMPLOYMENT_CERTIFICATE_EXPIRES_AT = "employmentCertificateExpiresAt";
  public static final String EMPLOYMENT_CERTIFICATE_REVIEW = "employmentCertificateReview";
  public static final String EMPLOYMENT_CERTIFICATE_NOTE = "employmentCertificateNote";
  public static final String DOCUMENTS_EXPIRE_AT = "documentsExpireAt";
  public static final String DOCUMENTS_REVIEW = "documentsReview";
  public static final String DOCUMENTS_REVIEW_NOTE = "documentsReviewNote";
  public static final String IDENTITY_APPROVAL_NOTE = "identityApprovalNote";
  public static final String FINALIZATION = "finalization";
  public static final String WITHIN_CONTRACT = "withinContract";
  public static final String BEYOND_CONTRACT_REASON = "beyondContractReason";
  public static final String CONTRACT_DECISION = "contractDecision";
  public static final String CONTRACT_NOTE = "contractNote";
  public static final String CAA_PERMITS = "caaPermits";
  public static final String SIGNED = "signed";
  public static final String FAILURE_REASON = "failureReason";
  public static final String WAITING_FOR = "waitingFor";

  /** The officers' answers on the identity forms (the call, then the approval). */
  public static final String CONFIRMED = "CONFIRMED";
  public static final String REFUSED = "REFUSED";
  /** The call's third outcome: the responsible person could not be reached (guide [4]). */
  public static final String UNREACHABLE = "UNREACHABLE";
  public static final String NEEDED = "NEEDED";
  /** The reviewing officer's answer on a document review form. */
  public static final String ACCEPTED = "ACCEPTED";

  /** The officer's answers on the beyond-contract form. */
  public static final String APPROVED = "APPROVED";
  public static final String REJECTED = "REJECTED";

  /** Activity ids tests and operators address. */
  public static final class Activities {
    private Activities() {}

    public static final String ORDER_PLACED = "order-placed";
    public static final String IDENTITY_STAGE = "identity-stage";
    public static final String CHECK_IDENTITY_REUSE = "check-identity-reuse";
    public static final String LOOK_UP_REGISTRANTS = "look-up-registrants";
    public static final String CONFIRM_IDENTITY = "confirm-organization-identity";
    public static final String IDENTITY_NOT_CONFIRMED_IN_TIME = "identity-not-confirmed-in-time";
    public static final String IDENTITY_CALL_REMINDER_DUE = "identity-call-reminder-due";
    public static final String APPROVE_IDENTITY = "approve-organization-identity";
    public static final String IDENTITY_APPROVAL_REMINDER_DUE = "identity-approval-reminder-due";
    public static final String IDENTITY_NOT_APPROVED_IN_TIME = "identity-not-approved-in-time";
    public static final String REMIND_IDENTITY_CALL = "remind-identity-call";
    public static final String REMIND_IDENTITY_APPROVAL = "remind-identity-approval";
    public static final String REQUEST_EMPLOYMENT_CERTIFICATE = "request-employment-certificate";
    public static final String WAIT_FOR_EMPLOYMENT_CERTIFICATE = "wait-for-employment-certificate";
    public static final String EMPLOYMENT_CERTIFICATE_REMINDER_DUE = "employment-certificate-reminder-due";
    public static final String REMIND_EMPLOYMENT_CERTIFICATE = "remind-employment-certificate";
    public static final String EMPLOYMENT_CERTIFICATE_EXPIRED = "employment-certificate-expired";
    public static final String CLOSE_EMPLOYMENT_CERTIFICATE_REQUEST = "close-employment-certificate-request";
    public static final String REVIEW_EMPLOYMENT_CERTIFICATE = "review-employment-certificate";
    public static final String EMPLOYMENT_CERTIFICATE_REVIEW_REMINDER_DUE = "employment-certificate-review-reminder-due";
    public static final String EMPLOYMENT_CERTIFICATE_NOT_REVIEWED_IN_TIME = "employment-certificate-not-reviewed-in-time";
    public static final String REQUEST_DOCUMENTS = "request-documents";
    public static final String WAIT_FOR_DOCUMENTS = "wait-for-documents";
    public static final String DOCUMENTS_REMINDER_DUE = "documents-reminder-due";
    public static final String REMIND_DOCUMENTS = "remind-documents";
    public static final String DOCUMENTS_EXPIRED = "documents-expired";
    public static final String CLOSE_DOCUMENT_REQUEST = "close-document-request";
    public static final String REVIEW_DOCUMENTS = "review-documents";
    public static final String DOCUMENTS_REVIEW_REMINDER_DUE = "documents-review-reminder-due";
    public static final String DOCUMENTS_NOT_REVIEWED_IN_TIME = "documents-not-reviewed-in-time";
    public static final String DOMAIN_STAGE = "domain-validation-stage";
    public static final String CHECK_FINALIZATION = "check-finalization";
    public static final String REFUSE_EXPIRED_ORDER = "refuse-expired-order";
    public static final String WAIT_FOR_CSR = "wait-for-csr";
    public static final String LOOK_AGAIN = "look-again";
    public static final String ISSUANCE_STAGE = "issuance-stage";
    public static final String CHECK_CONTRACT = "check-contract";
    public static final String APPROVE_BEYOND_CONTRACT = "approve-beyond-contract";
    public static final String BEYOND_CONTRACT_NOT_DECIDED_IN_TIME = "beyond-contract-not-decided-in-time";
    public static final String CHECK_CAA = "check-caa";
    public static final String SIGN_CERTIFICATE = "sign-certificate";
    public static final String ORDER_VALID = "order-valid";
    public static final String ORDER_INVALID = "order-invalid";
  }

  public static String businessKey(long orderId) {
    return BUSINESS_KEY_PREFIX + orderId;
  }

  public static Optional<Long> orderId(String businessKey) {
    if (businessKey == null || !businessKey.startsWith(BUSINESS_KEY_PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(businessKey.substring(BUSINESS_KEY_PREFIX.length())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
