package org.cabackoffice.workflow;

/**
 * Names shared between bpmn/certificate-renewal.bpmn and the Java code, kept in one place so a
 * renamed element breaks the compile, not production.
 */
public final class RenewalProcess {

  public static final String PROCESS_KEY = "certificate-renewal";

  /** Messages the process waits for; correlated by the business key (the application id). */
  public static final class Messages {
    public static final String DOMAIN_CONSENT_DECIDED = "domain-consent-decided";
    public static final String DOCUMENTS_UPLOADED = "documents-uploaded";
    public static final String PAYMENT_RECEIVED = "payment-received";
    public static final String EMPLOYMENT_CERTIFICATE_UPLOADED = "employment-certificate-uploaded";

    private Messages() {}
  }

  /** Process variables: routing flags and what forms show or set. */
  public static final class Variables {
    public static final String DOMAIN_CONSENT_APPROVED = "domainConsentApproved";

    private Variables() {}
  }

  /** User tasks whose id the Java code names. */
  public static final class UserTasks {
    /** The senior officer's second look before issuance (EV Guidelines 5.2.4). */
    public static final String APPROVE_ISSUANCE = "approve-issuance";

    private UserTasks() {}
  }

  private RenewalProcess() {}
}
