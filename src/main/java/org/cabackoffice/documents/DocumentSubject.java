package org.cabackoffice.documents;

/**
 * Whom a document request serves: an application, or an ACME order whose organization's identity
 * is past its reuse period and is validated again with the renewal's steps (guide [3-1], [4];
 * BR 4.2.1). Exactly one of the two is set, as the table's check says (V117).
 */
public record DocumentSubject(Long applicationId, Long acmeOrderId) {

  public DocumentSubject {
    if ((applicationId == null) == (acmeOrderId == null)) {
      throw new IllegalArgumentException("a document request serves an application or an ACME order, one of them");
    }
  }

  public static DocumentSubject application(long applicationId) {
    return new DocumentSubject(applicationId, null);
  }

  public static DocumentSubject acmeOrder(long orderId) {
    return new DocumentSubject(null, orderId);
  }

  public boolean isAcmeOrder() {
    return acmeOrderId != null;
  }

  /** For logs and refusals: "application 12" or "ACME order 7". */
  @Override
  public String toString() {
    return isAcmeOrder() ? "ACME order " + acmeOrderId : "application " + applicationId;
  }
}
