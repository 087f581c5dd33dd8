package org.cabackoffice.acme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cabackoffice.domain.corroboration.Corroboration;
import org.cabackoffice.domain.corroboration.CorroborationRecords;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an auditor reads of ACME orders (issue 15: every order is a process auditors can open):
 * a search, and one order's record: its names, account, organization, the identity decision
 * (reused or confirmed by an officer), each name's authorization with its challenges and their
 * evidence as recorded (the perspectives' results are part of that evidence when corroboration
 * ran), the CAA corroboration by the remote perspectives right before signing (BR 3.2.2.9, BR 5.4.1
 * items 7 and 8), the outcome and the certificate's serial. Read only.
 */
@Service
public class AcmeOrderRecords {

  /** Orders the search reads at most; the page says when there were more. */
  public static final int MOST = 200;

  static final Set<String> STATUSES =
      Set.of(AcmeOrder.PENDING, AcmeOrder.READY, AcmeOrder.PROCESSING, AcmeOrder.VALID, AcmeOrder.INVALID);

  private final AcmeOrderRepository orders;
  private final AcmeAccountRepository accounts;
  private final AcmeAuthorizationRepository authorizations;
  private final AcmeChallengeRepository challenges;
  private final AcmeIdentityConfirmationRepository confirmations;
  private final ValidatedOrganizations organizations;
  private final CorroborationRecords corroborations;

  AcmeOrderRecords(
      AcmeOrderRepository orders,
      AcmeAccountRepository accounts,
      AcmeAuthorizationRepository authorizations,
      AcmeChallengeRepository challenges,
      AcmeIdentityConfirmationRepository confirmations,
      ValidatedOrganizations organizations,
      CorroborationRecords corroborations) {
    this.orders = orders;
    this.accounts = accounts;
    this.authorizations = authorizations;
    this.challenges = challenges;
    this.confirmations = confirmations;
    this.organizations = organizations;
    this.corroborations = corroborations;
  }

  /** The search as typed: dates are Japanese calendar days, inclusive. */
  public record Query(String organization, String domain, String status, String from, String to) {}

  /** A search the form cannot run, with the field and the reason. */
  public static class QueryRefusedException extends RuntimeException {
    private final String field;

    QueryRefusedException(String field, String message) {
      super(field + ": " + message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  public record Row(long id, String status, List<String> names, Instant createdAt, String organization, String serial) {}

  public record ChallengeRecord(String type, String status, Instant validatedAt, String evidence, String error) {}

  public record AuthorizationRecord(
      String dnsName, String status, Instant validatedAt, String method, Instant expiresAt, List<ChallengeRecord> challenges) {}

  /** An officer's confirmation the order rests on; {@code approvedBy} is null for one from before approvals. */
  public record Confirmation(String officer, Instant at, String note, String approvedBy, Instant approvedAt) {}

  /** One remote perspective's result as recorded: its id, RIR region, verdict, what it saw, DNSSEC. */
  public record PerspectiveRecord(String perspectiveId, String region, String verdict, String detail, String dnssec) {}

  /**
   * The order's CAA corroboration by the remote perspectives (BR 3.2.2.9) as kept: when, the names
   * and requesters judged, the quorum in words ({@link Corroboration#outcome()}: met or not, or
   * not asked because corroboration is off), the summary, each perspective's result.
   */
  public record CaaCorroboration(
      long id, Instant checkedAt, List<String> names, String requesters, String quorum, boolean met,
      String outcome, String summary, List<PerspectiveRecord> perspectives) {}

  /** @param caaCorroborations oldest first; empty when none is recorded (orders before V121) */
  public record OrderRecord(
      Row row, String businessKey, long accountId, long customerAccountId, Instant expiresAt, Instant finalizedAt,
      String identityBasis, Boolean identityCurrent, List<Confirmation> confirmations, String errorType,
      String errorDetail, List<AuthorizationRecord> authorizations, String registrantEvidence,
      List<CaaCorroboration> caaCorroborations) {}

  /** Matching orders, newest first, at most {@link #MOST} (+1 to tell that there were more). */
  @Transactional(readOnly = true)
  public List<Row> search(Query q, ZoneId zone) {
    String status = blank(q.status()) ? "" : q.status().strip().toLowerCase(Locale.ROOT);
    if (!status.isEmpty() && !STATUSES.contains(status)) {
      throw new QueryRefusedException("status", "one of " + STATUSES);
    }
    String domain = blank(q.domain()) ? "%" : "%" + like(q.domain().strip().toLowerCase(Locale.ROOT)) + "%";
    Instant from = blank(q.from()) ? Instant.EPOCH : day("from", q.from()).atStartOfDay(zone).toInstant();
    Instant to = blank(q.to()) ? Instant.parse("9999-12-31T00:00:00Z") : day("to", q.to()).plusDays(1).atStartOfDay(zone).toInstant();
    if (!to.isAfter(from)) {
      throw new QueryRefusedException("to", "the period ends before it starts");
    }
    String organization = blank(q.organization()) ? null : q.organization().strip().toLowerCase(Locale.ROOT);
    if (organization != null && organization.length() > 200 || domain.length() > 260) {
      throw new QueryRefusedException(organization != null && organization.length() > 200 ? "organization" : "domain", "too long");
    }
    List<Row> rows = new ArrayList<>();
    // The organization is the directory's record the account is bound to: matched on its names,
    // over the newest orders the other criteria select (bounded like the page).
    for (AcmeOrder o : orders.search(status, domain, from, to, PageRequest.of(0, organization == null ? MOST + 1 : 10 * MOST))) {
      Row row = row(o);
      if (organization == null || row.organization().toLowerCase(Locale.ROOT).contains(organization)) {
        rows.add(row);
        if (rows.size() > MOST) {
          break;
        }
      }
    }
    return rows;
  }

  @Transactional(readOnly = true)
  public Optional<OrderRecord> record(long orderId) {
    return orders.findById(orderId).map(o -> {
      AcmeAccount account = accounts.findById(o.getAccountId()).orElseThrow();
      List<AuthorizationRecord> names = new ArrayList<>();
      for (AcmeAuthorization a : authorizations.findAllById(o.getAuthorizationIds())) {
        names.add(new AuthorizationRecord(a.getDnsName(), a.getStatus(), a.getValidatedAt(), a.getValidatedBy(), a.getExpiresAt(),
            challenges.findByAuthorizationIdOrderByIdAsc(a.getId()).stream()
                .map(c -> new ChallengeRecord(c.getType(), c.getStatus(), c.getValidatedAt(), c.getEvidence(), c.getErrorDetail()))
                .toList()));
      }
      // A call still waiting for the second officer, or refused by them, confirms nothing.
      List<Confirmation> confirmed = confirmations.findByOrderIdOrderByIdAsc(o.getId()).stream()
          .filter(AcmeIdentityConfirmation::reusable)
          .map(c -> new Confirmation(c.getOfficer(), c.getConfirmedAt(), c.getNote(), c.getApprovedBy(), c.getApprovedAt()))
          .toList();
      return new OrderRecord(row(o), AcmeOrderVariables.businessKey(o.getId()), account.getId(), account.getCustomerAccountId(),
          o.getExpiresAt(), o.getFinalizedAt(), o.getIdentityBasis(), o.getIdentityCurrent(), confirmed, o.getErrorType(),
          o.getErrorDetail(), names, o.getRegistrantEvidence(), caaCorroborations(o.getId()));
    });
  }

  private List<CaaCorroboration> caaCorroborations(long orderId) {
    return corroborations.ofAcmeOrder(orderId).stream()
        .filter(r -> r.corroboration().getSubject() == Corroboration.Subject.CAA)
        .map(r -> {
          Corroboration c = r.corroboration();
          return new CaaCorroboration(c.getId(), c.getCheckedAt(), c.getDnsNames(), c.getCaaRequesters(), c.getQuorum(),
              c.isMet(), c.outcome(), c.getSummary(),
              r.attempts().stream()
                  .map(a -> new PerspectiveRecord(a.getPerspectiveId(), String.valueOf(a.getRegion()),
                      String.valueOf(a.getVerdict()), a.getDetail(), a.getDnssec()))
                  .toList());
        })
        .toList();
  }

  private Row row(AcmeOrder o) {
    String organization = accounts.findById(o.getAccountId())
        .flatMap(a -> organizations.entry(a.getOrganizationEntryId()))
        .map(e -> e.getNameEn() + " / " + e.getNameJa())
        .orElse("");
    return new Row(o.getId(), o.getStatus(), o.getDnsNames(), o.getCreatedAt(), organization, o.getCertificateSerial());
  }

  private static LocalDate day(String field, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new QueryRefusedException(field, "a date as YYYY-MM-DD (Japanese calendar day)");
    }
  }

  private static String like(String s) {
    return s.replace("\\", "").replace("%", "").replace("_", "");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
