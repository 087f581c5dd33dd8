package org.cabackoffice.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an import did: the answer to the posting officer and what an officer reads later. MATCHING
 * lines (an import stopped before it recorded them) are listed as unmatched with the reason that
 * the payment may or may not be recorded.
 *
 * <p>The counts cover every line; each list holds the first {@value
 * BankStatementImports#REPORT_LINES} lines of its kind in file order (issue 12: a file of a
 * million lines). {@code GET /api/bank-statements/{importId}/lines?kind=UNMATCHED&afterLine=}
 * pages through the rest.
 */
public record StatementImportReport(
    long importId,
    BankStatementFormat format,
    String fileName,
    String sha256,
    String importedBy,
    Instant importedAt,
    Instant completedAt,
    List<Matched> matched,
    List<Unmatched> unmatched,
    List<Duplicate> duplicates,
    List<Error> errors,
    long matchedCount,
    long unmatchedCount,
    long duplicateCount,
    long errorCount) {

  /**
   * A deposit that paid an invoice: an application's (its payment) or an ACME contract's
   * ({@code acmeContractId}, whose payment the contract records).
   */
  public record Matched(
      long line, Long applicationId, long amountYen, LocalDate valueDate, String reference, String payer,
      Long paymentId, String note, Long acmeContractId) {}

  public record Unmatched(
      long line, String accountNumber, long amountYen, String reason, UnmatchedReason reasonCode,
      LocalDate valueDate, String reference, String payer, Long applicationId) {}

  public record Duplicate(long line, String reference, Long firstImportId) {}

  public record Error(long line, String message) {}

  /** The report's lists, and which stored outcomes each holds. */
  public enum Kind {
    MATCHED(EnumSet.of(StatementLineOutcome.MATCHED)),
    UNMATCHED(EnumSet.of(StatementLineOutcome.UNMATCHED, StatementLineOutcome.MATCHING)),
    DUPLICATE(EnumSet.of(StatementLineOutcome.DUPLICATE)),
    ERROR(EnumSet.of(StatementLineOutcome.ERROR));

    private final Set<StatementLineOutcome> outcomes;

    Kind(Set<StatementLineOutcome> outcomes) {
      this.outcomes = outcomes;
    }

    Set<StatementLineOutcome> outcomes() {
      return outcomes;
    }

    /** The completed import's stored count of this kind. */
    long countOf(BankStatementImport statement) {
      return switch (this) {
        case MATCHED -> statement.getMatchedCount();
        case UNMATCHED -> statement.getUnmatchedCount();
        case DUPLICATE -> statement.getDuplicateCount();
        case ERROR -> statement.getErrorCount();
      };
    }
  }

  /**
   * One line of any kind, as {@code GET /api/bank-statements/{importId}/lines} pages them: the
   * fields of the report's entries, with the line's kind.
   */
  public record Line(
      long line, Kind kind, String accountNumber, Long amountYen, LocalDate valueDate, String reference,
      String payer, Long applicationId, Long paymentId, UnmatchedReason reasonCode, String message,
      Long firstImportId) {

    static Line of(BankStatementLine l) {
      Kind kind =
          switch (l.getOutcome()) {
            case MATCHED -> Kind.MATCHED;
            case UNMATCHED, MATCHING -> Kind.UNMATCHED;
            case DUPLICATE -> Kind.DUPLICATE;
            case ERROR -> Kind.ERROR;
          };
      return l.getOutcome() == StatementLineOutcome.MATCHING
          ? new Line(
              l.getLineNumber(), kind, l.getAccountNumber(), l.getAmountYen(), l.getValueDate(), l.getReference(),
              l.getPayer(), l.getApplicationId(), null, UnmatchedReason.NOT_RECORDED, stoppedWhileRecording(l),
              null)
          : new Line(
              l.getLineNumber(), kind, l.getAccountNumber(), l.getAmountYen(), l.getValueDate(), l.getReference(),
              l.getPayer(), l.getApplicationId(), l.getPaymentId(), l.getReason(), l.getMessage(),
              l.getDuplicateOfImportId());
    }
  }

  static StatementImportReport of(
      BankStatementImport statement, Map<Kind, Long> counts, Map<Kind, List<BankStatementLine>> firstLines) {
    List<Matched> matched = new ArrayList<>();
    List<Unmatched> unmatched = new ArrayList<>();
    List<Duplicate> duplicates = new ArrayList<>();
    List<Error> errors = new ArrayList<>();
    for (List<BankStatementLine> lines : firstLines.values()) {
      for (BankStatementLine l : lines) {
        switch (l.getOutcome()) {
          case MATCHED ->
              matched.add(
                  new Matched(
                      l.getLineNumber(), l.getApplicationId(), l.getAmountYen(), l.getValueDate(),
                      l.getReference(), l.getPayer(), l.getPaymentId(), l.getMessage(), l.getAcmeContractId()));
          case UNMATCHED ->
              unmatched.add(
                  new Unmatched(
                      l.getLineNumber(), l.getAccountNumber(), l.getAmountYen(), l.getMessage(),
                      l.getReason(), l.getValueDate(), l.getReference(), l.getPayer(), l.getApplicationId()));
          case MATCHING ->
              unmatched.add(
                  new Unmatched(
                      l.getLineNumber(), l.getAccountNumber(), l.getAmountYen(), stoppedWhileRecording(l),
                      UnmatchedReason.NOT_RECORDED, l.getValueDate(), l.getReference(), l.getPayer(),
                      l.getApplicationId()));
          case DUPLICATE ->
              duplicates.add(new Duplicate(l.getLineNumber(), l.getReference(), l.getDuplicateOfImportId()));
          case ERROR -> errors.add(new Error(l.getLineNumber(), l.getMessage()));
        }
      }
    }
    return new StatementImportReport(
        statement.getId(),
        statement.getFormat(),
        statement.getFileName(),
        statement.getSha256(),
        statement.getImportedBy(),
        statement.getImportedAt(),
        statement.getCompletedAt(),
        matched,
        unmatched,
        duplicates,
        errors,
        counts.getOrDefault(Kind.MATCHED, 0L),
        counts.getOrDefault(Kind.UNMATCHED, 0L),
        counts.getOrDefault(Kind.DUPLICATE, 0L),
        counts.getOrDefault(Kind.ERROR, 0L));
  }

  private static String stoppedWhileRecording(BankStatementLine l) {
    return "the import stopped while recording this deposit for application "
        + l.getApplicationId()
        + "; check that application's invoice before recording it by hand";
  }
}
