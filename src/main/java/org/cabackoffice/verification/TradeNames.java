package org.cabackoffice.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.calendar.ValidityReductionSchedule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * DBAs and trade names (屋号, 通称) an organization may put in its certificate's O (BR 7.1.4.2.2:
 * the Subject's name and/or DBA; both as "DBA (Name)"). An officer records one after verifying the
 * organization's right to it by one of BR 3.2.2.2's means; it counts while the reuse period of
 * subject identity information runs from that verification (BR 4.2.1, ValidityReductionSchedule),
 * and is verified again after.
 */
@Service
public class TradeNames {

  /** RFC 5280's upper bound for organizationName (ub-organization-name). */
  static final int MAX_LENGTH = 64;

  private final TradeNameRepository names;
  private final OrganizationDirectory directory;
  private final DirectoryChanges changes;
  private final Clock clock;

  public TradeNames(TradeNameRepository names, OrganizationDirectory directory, DirectoryChanges changes, Clock clock) {
    this.names = names;
    this.directory = directory;
    this.changes = changes;
    this.clock = clock;
  }

  /** What an officer submits: the name as the certificate will state it, the basis, the evidence. */
  public record Verification(String name, String basis, String evidence) {}

  @Transactional
  public TradeName verify(long entryId, Verification verification, String officer) {
    OrganizationDirectoryEntry entry =
        directory.byId(entryId).orElseThrow(() -> new DirectoryEntryNotFoundException(entryId));
    List<String> wrong = new ArrayList<>();
    String name = verification.name() == null ? "" : SubjectAgreement.exact(verification.name());
    if (name.isEmpty() || name.length() > MAX_LENGTH || !name.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)
        || name.chars().noneMatch(Character::isLetter)) {
      wrong.add("name: the trade name as the certificate's O states it, 1 to " + MAX_LENGTH
          + " Latin letters, digits, spaces or punctuation (guide [1-2]: O is in English)");
    } else if (entry.getNameEn() != null && SubjectAgreement.folded(name).equals(SubjectAgreement.folded(entry.getNameEn()))) {
      wrong.add("name: \"" + name + "\" is the registered name itself, not a trade name");
    } else if (current(entryId).stream().anyMatch(t -> SubjectAgreement.folded(t.getName()).equals(SubjectAgreement.folded(name)))) {
      wrong.add("name: \"" + name + "\" is already a verified trade name of record #" + entryId);
    }
    TradeNameBasis basis = null;
    try {
      basis = verification.basis() == null ? null : TradeNameBasis.valueOf(verification.basis().strip());
    } catch (IllegalArgumentException e) {
      basis = null;
    }
    if (basis == null) {
      wrong.add("basis: one of BR 3.2.2.2's means: GOVERNMENT_AGENCY_DOCUMENT, RELIABLE_DATA_SOURCE, "
          + "TRADE_NAME_REGISTRY, ATTESTATION_LETTER or RELIABLE_DOCUMENT");
    }
    String evidence = verification.evidence() == null ? "" : verification.evidence().strip();
    if (evidence.isEmpty() || evidence.length() > 2000 || evidence.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
      wrong.add("evidence: what the right to the name was verified with (document, source, reference), up to 2000 characters");
    }
    if (!wrong.isEmpty()) {
      throw new TradeNameRefused(String.join("; ", wrong));
    }
    Instant now = clock.instant();
    TradeName saved = names.save(new TradeName(entryId, name, basis, evidence, officer, now));
    entry.touched(now);
    String reason = "trade name \"" + name + "\" verified by " + basis.section() + ": " + evidence;
    changes.record(entry, null, DirectoryChange.Kind.TRADE_NAME, null, officer,
        reason.length() > 2000 ? reason.substring(0, 2000) : reason);
    return saved;
  }

  /** The trade names verified within the reuse period: those a certificate may state today. */
  @Transactional(readOnly = true)
  public List<TradeName> current(long entryId) {
    Instant now = clock.instant();
    Instant since = now.minus(Duration.ofDays(ValidityReductionSchedule.at(now).organizationDataReuseDays()));
    return names.findByEntryIdAndVerifiedAtAfterOrderByIdAsc(entryId, since);
  }

  /** Every trade name ever verified for the entry, for the record. */
  @Transactional(readOnly = true)
  public List<TradeName> all(long entryId) {
    return names.findByEntryIdOrderByIdAsc(entryId);
  }
}
