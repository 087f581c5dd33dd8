package org.cabackoffice.payment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Contract invoices as the ACME contracts keep them, for the import's tests: paid once at most. */
final class InMemoryContractInvoices implements ContractInvoices {

  /** A contract's invoice billed to a virtual account. */
  record Billed(long virtualAccountId, Open invoice) {}

  final List<Billed> billed = new ArrayList<>();
  /** Contract id → the reference of the transfer that paid it. */
  final Map<Long, String> paid = new HashMap<>();

  void bill(long virtualAccountId, long contractId, long invoiceNumber, long totalYen, LocalDate invoicedOn) {
    billed.add(new Billed(virtualAccountId, new Open(contractId, invoiceNumber, totalYen, invoicedOn)));
  }

  @Override
  public java.util.Collection<Long> accountsWithOpenInvoices() {
    return billed.stream()
        .filter(b -> !paid.containsKey(b.invoice().contractId()))
        .map(Billed::virtualAccountId)
        .collect(java.util.stream.Collectors.toSet());
  }

  @Override
  public List<Open> openOf(long virtualAccountId) {
    return billed.stream()
        .filter(b -> b.virtualAccountId() == virtualAccountId && !paid.containsKey(b.invoice().contractId()))
        .map(Billed::invoice)
        .toList();
  }

  @Override
  public boolean pay(long contractId, LocalDate valueDate, String reference, String recordedBy) {
    return paid.putIfAbsent(contractId, reference + " / " + valueDate + " / " + recordedBy) == null;
  }
}
