package org.cabackoffice.workflow;

import java.util.Optional;

/**
 * The contract between bpmn/certificate-renewal.bpmn and the Java code: process key, stages,
 * the activity ids Java addresses, messages, errors and variables, kept in one place so a renamed
 * element breaks the compile or ProcessContractTest, not production. The rejection codes the
 * model sets are the names of {@code application.RejectionReason} (kept there, beside their
 * wording; this package is below {@code application} and must not import it).
 */
public final class RenewalProcess {

  public static final String PROCESS_KEY = "certificate-renewal";

  /**
   * The application a process's business key names: the application's id, bare (other processes'
   * keys carry a prefix, {@link RevocationProcess#businessKey}); empty for any other key.
   */
  public static Optional<Long> applicationId(String businessKey) {
    return businessKey != null && businessKey.matches("\\d{1,18}")
        ? Optional.of(Long.valueOf(businessKey))
        : Optional.empty();
  }

  /** The guide's stages: the collapsed sub-processes of the top level, in order. */
  public static final class Stages {
    public static final String APPLICATION = "application-stage";
    public static final String DOMAIN = "domain-stage";
    public static final String ORGANIZATION = "organization-stage";
    public static final String DOCUMENTS = "documents-stage";
    public static final String PAYMENT = "payment-stage";
    public static final String PHONE = "phone-stage";
    public static final String APPROVAL = "approval-stage";
    public static final String ISSUANCE = "issuance-stage";

    private Stages() {}
  }

  /**
   * Activity ids that code, operators (Cockpit, /engine-rest) and tests address: user tasks,
   * waits and their timers, and the steps jobs run at. They keep their ids whatever stage they
   * move to, because running instances, history and incidents name them.
   */
  public static final class Activities {
    public static final String APPLICATION_RECEIVED = "application-received";
    public static final String CHECK_CSR = "check-csr";
    public static final String LOOK_UP_DOMAIN_REGISTRANT = "look-up-domain-registrant";
    public static final String COMPARE_REGISTRANT_NAME = "compare-registrant-name";
    public static final String REQUEST_DOMAIN_USE_CONSENT = "request-domain-use-consent";
    public static final String WAIT_FOR_DOMAIN_CONSENT = "wait-for-domain-consent";
    public static final String DOMAIN_CONSENT_REMINDER_DUE = "domain-consent-reminder-due";
    public static final String DOMAIN_CONSENT_EXPIRED = "domain-consent-expired";
    public static final String ESTABLISH_DOMAIN_CONTROL = "establish-domain-control";
    public static final String CHECK_DNS_RECORD = "check-dns-record";
    public static final String DNS_RECHECK_WAIT = "dns-recheck-wait";
    public static final String LOOK_UP_ORGANIZATION = "look-up-organization";
    public static final String CONFIRM_ORGANIZATION = "confirm-organization";
    public static final String REQUEST_REGISTRY_CERTIFICATE = "request-registry-certificate";
    public static final String WAIT_FOR_REGISTRY_CERTIFICATE = "wait-for-registry-certificate";
    public static final String REGISTRY_CERTIFICATE_REMINDER_DUE = "registry-certificate-reminder-due";
    public static final String REGISTRY_CERTIFICATE_EXPIRED = "registry-certificate-expired";
    public static final String REVIEW_REGISTRY_CERTIFICATE = "review-registry-certificate";
    public static final String COMPARE_SUBJECT_WITH_RECORD = "compare-subject-with-record";
    public static final String DECIDE_DOCUMENTS = "decide-documents";
    public static final String REQUEST_DOCUMENTS = "request-documents";
    public static final String WAIT_FOR_DOCUMENTS = "wait-for-documents";
    public static final String DOCUMENTS_REMINDER_DUE = "documents-reminder-due";
    public static final String DOCUMENTS_EXPIRED = "documents-expired";
    public static final String REVIEW_DOCUMENTS = "review-documents";
    public static final String ISSUE_INVOICE = "issue-invoice";
    public static final String WAIT_FOR_PAYMENT = "wait-for-payment";
    public static final String PAYMENT_DUE_DATE_PASSED = "payment-due-date-passed";
    public static final String LOOK_UP_MAIN_PHONE_NUMBER = "look-up-main-phone-number";
    public static final String VERIFY_BY_PHONE = "verify-by-phone";
    public static final String REQUEST_EMPLOYMENT_CERTIFICATE = "request-employment-certificate";
    public static final String WAIT_FOR_EMPLOYMENT_CERTIFICATE = "wait-for-employment-certificate";
    public static final String EMPLOYMENT_CERTIFICATE_REMINDER_DUE = "employment-certificate-reminder-due";
    public static final String EMPLOYMENT_CERTIFICATE_EXPIRED = "employment-certificate-expired";
    public static final String REVIEW_EMPLOYMENT_CERTIFICATE = "review-employment-certificate";
    public static final String APPROVE_ISSUANCE = "approve-issuance";
    public static final String CHECK_CAA = "check-caa";
    public static final String SIGN_CERTIFICATE = "sign-certificate";
    public static final String SIGNING_REFUSED = "signing-refused";
    public static final String MAIL_CERTIFICATE = "mail-certificate";
    public static final String CERTIFICATE_ISSUED = "certificate-issued";
    public static final String APPLICATION_REFUSED = "application-refused";
    public static final String REJECT_APPLICATION = "reject-application";
    public static final String APPLICATION_REJECTED = "application-rejected";
    public static final String SERVICE_LEVEL_PASSED = "service-level-passed";
    public static final String OVERDUE_REMINDER_DUE = "overdue-reminder-due";

    private Activities() {}
  }

  /** Messages the process waits for; correlated by the business key (the application id). */
  public static final class Messages {
    public static final String DOMAIN_CONSENT_DECIDED = "domain-consent-decided";
    public static final String DOCUMENTS_UPLOADED = "documents-uploaded";
    public static final String PAYMENT_RECEIVED = "payment-received";
    public static final String EMPLOYMENT_CERTIFICATE_UPLOADED = "employment-certificate-uploaded";
    public static final String REGISTRY_CERTIFICATE_UPLOADED = "registry-certificate-uploaded";

    private Messages() {}
  }

  /** BPMN error codes. */
  public static final class Errors {
    /** Thrown by signing when a rule of issuance is not met; the model routes it to refusal. */
    public static final String SIGNING_REFUSED = "signing-refused";
    /** Ends a stage that refused the application; the top level records the refusal. */
    public static final String APPLICATION_REFUSED = "application-refused";

    private Errors() {}
  }

  /**
   * Process variables: what the application starts with, the routing flags delegates set, and
   * what the officers' forms show and set. Every variable a model expression reads is one of
   * these or a form field (ProcessContractTest).
   */
  public static final class Variables {
    // Set at start (application.Applications): copies for the forms, and the deadlines.
    public static final String APPLICATION_ID = "applicationId";
    public static final String PRODUCT = "product";
    public static final String PRODUCT_NAME = "productName";
    public static final String APPLICATION_TYPE = "applicationType";
    public static final String EXPRESS = "express";
    public static final String PAYMENT_METHOD = "paymentMethod";
    public static final String COMMON_NAME = "commonName";
    public static final String ORGANIZATION_NAME = "organizationName";
    public static final String CSR_ORGANIZATION = "csrOrganization";
    public static final String TECHNICAL_CONTACT = "technicalContact";
    public static final String RESPONSIBLE_PERSON = "responsiblePerson";
    public static final String SERVICE_LEVEL_DEADLINE = "serviceLevelDeadline";
    public static final String OVERDUE_REMINDER_CYCLE = "overdueReminderCycle";
    /**
     * Set on each officer task as it is created: the other applications for the same common name
     * (guide [1-2] FAQ), as they stand then.
     */
    public static final String SAME_COMMON_NAME = "sameCommonName";

    // Refusal: a RejectionReason name and a detail for the technical contact.
    public static final String REJECTION_CODE = "rejectionCode";
    public static final String REJECTION_DETAIL = "rejectionDetail";

    // Application stage.
    public static final String CSR_ACCEPTABLE = "csrAcceptable";

    // Domain stage.
    public static final String DOMAIN_OUTCOME = "domainOutcome";
    public static final String REGISTRABLE_DOMAIN = "registrableDomain";
    public static final String WHOIS_CONTACTS = "whoisContacts";
    public static final String REGISTRANT_ORGANIZATION = "registrantOrganization";
    /** A finding about the registration the officer must see (e.g. it has expired). */
    public static final String REGISTRATION_FINDING = "registrationFinding";
    public static final String REGISTRATION_EVIDENCE_ID = "registrationEvidenceId";
    public static final String REGISTRANT_DECISION = "registrantDecision";
    public static final String REGISTRANT_COMPARISON_NOTE = "registrantComparisonNote";
    public static final String CONSENT_REMINDER_AT = "consentReminderAt";
    public static final String CONSENT_EXPIRES_AT = "consentExpiresAt";
    public static final String DOMAIN_CONSENT_APPROVED = "domainConsentApproved";
    public static final String DOMAIN_CONTROL = "domainControl";
    public static final String DNS_RECHECK_INTERVAL = "dnsRecheckInterval";
    public static final String DNS_RECORD = "dnsRecord";
    public static final String DNS_RECORD_REASON = "dnsRecordReason";

    // Organization stage (guide [1-1]; BR 3.2.2.1; EV Guidelines 3.2.2).
    /** REUSED, CANDIDATES or NOT_FOUND: what the directory lookup found. */
    public static final String ORGANIZATION_LOOKUP = "organizationLookup";
    /** The applicant's side of the confirmation form. */
    public static final String ORGANIZATION_APPLICANT = "organizationApplicant";
    /** The directory's side: the candidate records. */
    public static final String ORGANIZATION_CANDIDATES = "organizationCandidates";
    /** The officer's answer: the number of the matching record, or NOT_LISTED. */
    public static final String ORGANIZATION_MATCH = "organizationMatch";
    public static final String ORGANIZATION_NOTE = "organizationNote";
    public static final String LEGAL_EXISTENCE_VERIFIED = "legalExistenceVerified";
    public static final String OPERATIONAL_EXISTENCE_VERIFIED = "operationalExistenceVerified";
    public static final String PHYSICAL_ADDRESS_VERIFIED = "physicalAddressVerified";
    public static final String COMMUNICATION_VERIFIED = "communicationVerified";
    public static final String REGISTRY_CERTIFICATE_REMINDER_AT = "registryCertificateReminderAt";
    public static final String REGISTRY_CERTIFICATE_EXPIRES_AT = "registryCertificateExpiresAt";
    public static final String REGISTRY_CERTIFICATE_REVIEW = "registryCertificateReview";
    public static final String REGISTRY_CERTIFICATE_NOTE = "registryCertificateNote";
    /** Which document the officer recorded an unlisted organization from: registry certificate or 職員録. */
    public static final String REGISTRY_DOCUMENT = "registryDocument";
    public static final String REGISTERED_NAME_EN = "registeredNameEn";
    public static final String REGISTERED_NAME_JA = "registeredNameJa";
    public static final String REGISTERED_CORPORATE_NUMBER = "registeredCorporateNumber";
    public static final String REGISTERED_STATE_OR_PROVINCE = "registeredStateOrProvince";
    public static final String REGISTERED_LOCALITY = "registeredLocality";
    public static final String REGISTERED_BUSINESS_CATEGORY = "registeredBusinessCategory";
    public static final String REGISTERED_MAIN_PHONE = "registeredMainPhone";
    public static final String SUBJECT_AGREES = "subjectAgrees";

    // Documents stage.
    public static final String DOCUMENTS_REQUIREMENT = "documentsRequirement";
    public static final String DOCUMENTS_NOTE = "documentsNote";
    public static final String DOCUMENTS_REMINDER_AT = "documentsReminderAt";
    public static final String DOCUMENTS_EXPIRE_AT = "documentsExpireAt";
    public static final String DOCUMENTS_URL = "documentsUrl";
    public static final String DOCUMENTS_REVIEW = "documentsReview";
    public static final String DOCUMENTS_REVIEW_NOTE = "documentsReviewNote";

    // Payment stage.
    public static final String PAYMENT_DEFERRED = "paymentDeferred";
    public static final String PAYMENT_DUE_AT = "paymentDueAt";
    /** The invoice was paid before the stage began (a coupon on applying, an early transfer). */
    public static final String INVOICE_PAID = "invoicePaid";

    // Phone stage.
    public static final String PHONE_VERIFICATION_REUSED = "phoneVerificationReused";
    public static final String MAIN_PHONE_NUMBER = "mainPhoneNumber";
    public static final String DIRECTORY_SOURCE = "directorySource";
    public static final String PHONE_OUTCOME = "phoneOutcome";
    public static final String SPOKE_WITH = "spokeWith";
    public static final String PHONE_NOTE = "phoneNote";
    /** Who was phoned: the responsible person, or the technical contact standing in (guide [4]). */
    public static final String PHONED_PERSON = "phonedPerson";
    public static final String EMPLOYMENT_BASIS = "employmentBasis";
    public static final String EMPLOYMENT_BASIS_NOTE = "employmentBasisNote";
    public static final String PRODUCT_AND_TYPE_CONFIRMED = "productAndTypeConfirmed";
    public static final String ORGANIZATION_AND_COMMON_NAME_CONFIRMED = "organizationAndCommonNameConfirmed";
    public static final String TECHNICAL_CONTACT_CONFIRMED = "technicalContactConfirmed";
    public static final String INTENT_CONFIRMED = "intentConfirmed";
    public static final String EMPLOYMENT_CERTIFICATE_REMINDER_AT = "employmentCertificateReminderAt";
    public static final String EMPLOYMENT_CERTIFICATE_EXPIRES_AT = "employmentCertificateExpiresAt";
    public static final String EMPLOYMENT_CERTIFICATE_REVIEW = "employmentCertificateReview";
    public static final String EMPLOYMENT_CERTIFICATE_NOTE = "employmentCertificateNote";

    // Approval stage.
    public static final String VALIDATED_BY = "validatedBy";
    public static final String ISSUANCE_DECISION = "issuanceDecision";
    public static final String APPROVAL_NOTE = "approvalNote";

    // Issuance stage.
    public static final String CAA_PERMITTED = "caaPermitted";
    public static final String CERTIFICATE_SERIAL = "certificateSerial";

    private Variables() {}
  }

  private RenewalProcess() {}
}
