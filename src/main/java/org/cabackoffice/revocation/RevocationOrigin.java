package org.cabackoffice.revocation;

/**
 * Who asked for a revocation (BR 4.9.2); the names are the model's routing values
 * ({@code RevocationProcess.Origins}).
 */
public enum RevocationOrigin {
  /** The customer account that applied for the certificate. */
  SUBSCRIBER,
  /** An officer recording the subscriber's own request: revoked without a second officer. */
  OFFICER_FOR_SUBSCRIBER,
  /** The CA's own initiative: a second officer approves before anything is revoked. */
  CA,
  /** Anyone, through a certificate problem report (BR 4.9.3, 4.9.5). */
  PROBLEM_REPORT
}
