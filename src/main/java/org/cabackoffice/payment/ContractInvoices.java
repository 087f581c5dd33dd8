package org.cabackoffice.payment;

import java.time.LocalDate;
import java.util.List;

/**
 * Invoices billed outside the applications: an annual ACME contract's (issue 15), drawn from the
 * same number series and paid into the same dedicated account of the customer (guide [3-2]). The
 * feature that keeps them implements this, so a bank statement's deposit can pay them as it pays
 * an application's invoice ({@link ContractDeposits}) without this package knowing the contracts.
 */
public interface ContractInvoices {

  /** An unpaid contract invoice: what a deposit must match to pay it. */
  record Open(long contractId, long invoiceNumber, long totalYen, LocalDate invoicedOn) {}

  /**
   * The virtual accounts that have an unpaid contract invoice: a handful, so an import whose
   * deposits go elsewhere (nearly all of a day's million) looks at none of its lines again.
   */
  java.util.Collection<Long> accountsWithOpenInvoices();

  /** The unpaid contract invoices of a virtual account, in any order. */
  List<Open> openOf(long virtualAccountId);

  /**
   * Records that the transfer paid the contract's invoice, in the caller's transaction.
   *
   * @return false when it was paid already (by an officer, or another import at the same moment)
   */
  boolean pay(long contractId, LocalDate valueDate, String reference, String recordedBy);
}
