package org.cabackoffice.documents;

/**
 * Tells an ACME order's process that documents it asked for arrived, as {@code ProcessSignals}
 * tells an application's. The acme feature answers it: it asks this feature for the documents, so
 * this feature may not know it (no package cycles).
 */
public interface AcmeOrderDocumentArrivals {

  /**
   * Delivers the kind's uploaded message to the order's process.
   *
   * @throws org.cabackoffice.workflow.ProcessSignals.NoProcessWaitingException when the order's
   *     process does not wait for it
   */
  void arrived(long orderId, String messageName);
}
