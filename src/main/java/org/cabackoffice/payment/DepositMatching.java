package org.cabackoffice.payment;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which invoice a deposit pays, decided from the deposit and what is known of its account alone:
 * no repository, clock or transaction, so every rule is tested on its own and the import only
 * gathers the facts and stores the answer.
 *
 * <p>The rules, the first that applies decides:
 *
 * <ol>
 *   <li>a deposit stored before is a duplicate and never counts twice;
 *   <li>a cancellation by the bank (取消区分 1) pays nothing: an officer reverses by hand;
 *   <li>a value date before {@link ValueDates#EARLIEST} or after today in Japan is no real
 *       booking;
 *   <li>money paid at another branch, or into an account that is none of our virtual accounts,
 *       is not a customer's;
 *   <li>a payment of the same amount and value date recorded for the account already may be this
 *       very transfer (recorded by hand, or from the other file format);
 *   <li>otherwise the deposit pays the oldest open invoice of the account whose total is exactly
 *       the amount and whose date is not after the value date. Guide [3-2]: one virtual account
 *       per user ID is reused for every application, so several open invoices of one amount are
 *       normal, and paying the oldest is what the customer expects (README, step 4). A transfer
 *       booked before the invoice was issued cannot have paid it.
 * </ol>
 */
final class DepositMatching {

  private DepositMatching() {}

  /**
   * What is known of the deposit's account when it is matched.
   *
   * @param firstImportId the import that stored this deposit first, or null for a new deposit
   * @param virtualAccountsBranch the branch that hosts the customers' virtual accounts
   * @param virtualAccount whether the account paid into is a customer's virtual account
   * @param openInvoices the account's open invoices, in any order
   * @param recordedPayments the payments recorded for the account's paid invoices
   * @param today today in Japan, the bank's calendar
   */
  record Facts(
      Long firstImportId,
      String virtualAccountsBranch,
      boolean virtualAccount,
      List<Invoice> openInvoices,
      List<Payment> recordedPayments,
      LocalDate today) {

    Facts {
      openInvoices = List.copyOf(openInvoices);
      recordedPayments = List.copyOf(recordedPayments);
    }
  }

  /** What the deposit does. */
  sealed interface Outcome permits Pays, Unmatched, Duplicate {}

  /** The deposit pays this invoice. */
  record Pays(Invoice invoice) implements Outcome {}

  /** The deposit pays nothing by itself and waits for an officer, for this reason. */
  record Unmatched(UnmatchedReason reason, String explanation) implements Outcome {}

  /** The deposit was stored by an earlier import. */
  record Duplicate(Long firstImportId) implements Outcome {}

  private static final Comparator<Invoice> OLDEST_FIRST =
      Comparator.comparing(Invoice::getIssuedAt)
          .thenComparing(Invoice::getId, Comparator.nullsLast(Comparator.naturalOrder()));

  static Outcome match(DepositNotification deposit, Facts facts) {
    if (facts.firstImportId() != null) {
      return new Duplicate(facts.firstImportId());
    }
    if (deposit.cancellation()) {
      return new Unmatched(
          UnmatchedReason.CANCELLED_BY_BANK,
          "the bank cancelled (取消区分 1) its notice of transfer "
              + deposit.reference()
              + " to account "
              + deposit.accountNumber()
              + "; if that transfer paid an invoice, the payment must be reversed by hand");
    }
    Optional<String> tooEarly = ValueDates.tooEarly(deposit.valueDate());
    if (tooEarly.isPresent()) {
      return new Unmatched(UnmatchedReason.VALUE_DATE_TOO_EARLY, tooEarly.get());
    }
    Optional<String> inFuture = ValueDates.inFuture(deposit.valueDate(), facts.today());
    if (inFuture.isPresent()) {
      return new Unmatched(UnmatchedReason.VALUE_DATE_IN_FUTURE, inFuture.get());
    }
    if (deposit.branchCode() != null && !deposit.branchCode().equals(facts.virtualAccountsBranch())) {
      return new Unmatched(
          UnmatchedReason.OTHER_BRANCH,
          "paid into branch "
              + deposit.branchCode()
              + ", not the virtual accounts' branch "
              + facts.virtualAccountsBranch());
    }
    if (!facts.virtualAccount()) {
      return new Unmatched(
          UnmatchedReason.UNKNOWN_ACCOUNT,
          "account "
              + deposit.accountNumber()
              + " is no customer's virtual account (the CA's fixed account, or a mistyped number?)");
    }
    boolean recordedAlready =
        facts.recordedPayments().stream()
            .anyMatch(
                p -> p.getAmountYen() == deposit.amountYen() && p.getValueDate().equals(deposit.valueDate()));
    if (recordedAlready) {
      return new Unmatched(
          UnmatchedReason.POSSIBLY_RECORDED,
          String.format(
              "a payment of %,d yen with value date %s is recorded already for virtual account %s;"
                  + " check whether this is the same transfer",
              deposit.amountYen(), deposit.valueDate(), deposit.accountNumber()));
    }
    List<Invoice> open =
        facts.openInvoices().stream()
            .filter(i -> i.getStatus() == InvoiceStatus.OPEN)
            .sorted(OLDEST_FIRST)
            .toList();
    if (open.isEmpty()) {
      return new Unmatched(
          UnmatchedReason.NO_OPEN_INVOICE,
          "virtual account "
              + deposit.accountNumber()
              + " has no open invoice (paid already, cancelled, or not yet issued)");
    }
    List<Invoice> sameTotal = open.stream().filter(i -> i.getTotalYen() == deposit.amountYen()).toList();
    if (sameTotal.isEmpty()) {
      return new Unmatched(
          UnmatchedReason.AMOUNT_MISMATCH,
          String.format(
                  "received %,d yen; no open invoice of virtual account %s has that total (",
                  deposit.amountYen(), deposit.accountNumber())
              + open.stream()
                  .map(i -> String.format("application %d: %,d yen", i.getApplicationId(), i.getTotalYen()))
                  .collect(Collectors.joining(", "))
              + ")");
    }
    return sameTotal.stream()
        .filter(i -> ValueDates.beforeInvoice(deposit.valueDate(), i).isEmpty())
        .findFirst()
        .<Outcome>map(Pays::new)
        .orElseGet(
            () ->
                new Unmatched(
                    UnmatchedReason.VALUE_DATE_BEFORE_INVOICE,
                    ValueDates.beforeInvoice(deposit.valueDate(), sameTotal.get(0)).orElseThrow()));
  }
}
