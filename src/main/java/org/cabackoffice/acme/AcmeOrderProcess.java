package org.cabackoffice.acme;

/**
 * The engine side of an order: each order runs as the {@code acme-order} process, business key
 * {@code acme-order-<order id>}, apart from the applications' plain numbers (bpmn/acme-order.bpmn).
 */
public interface AcmeOrderProcess {

  String PROCESS_KEY = "acme-order";
  String FINALIZED_MESSAGE = "acme-order-finalized";

  /** @param accountUri the ordering account's URL, which CAA's accounturi may name (RFC 8657) */
  void start(long orderId, String accountUri);

  /**
   * Tells a process waiting for the CSR that it came; one not waiting there reads the order
   * finalized when it next looks at it. Called after the order's finalized row is flushed, so a
   * look that read the order before has committed its wait (AcmeOrders#finalization).
   */
  void finalized(long orderId);
}
