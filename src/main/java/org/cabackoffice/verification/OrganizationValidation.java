package org.cabackoffice.verification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.Applications;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.calendar.ValidityReductionSchedule;
import org.cabackoffice.csr.CsrCheck;
import org.cabackoffice.csr.CsrCheckContext;
import org.cabackoffice.csr.CsrSubject;
import org.cabackoffice.domain.NameMatch;
import org.cabackoffice.input.CorporateNumber;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization-validation stage (guide [1-1] 実在性; BR 3.2.2.1; EV Guidelines 3.2.2): finds
 * the applicant in the organization directory, records the officer's confirmation of the match,
 * records an organization the directory lacked from its registry certificate, reuses a recent
 * verification, and compares the certificate subject with the verified record.
 */
@Service
public class OrganizationValidation {

  /** The officer's answer on the confirmation form when no record is the applicant. */
  public static final String NOT_LISTED = "NOT_LISTED";

  /** What the lookup found. */
  public enum Found {
    /** A verification within the reuse period stands for this application (BR 4.2.1). */
    REUSED,
    /** Records that may be the applicant, for an officer to confirm. */
    CANDIDATES,
    /** No record by number or name: an officer may still know one, else the registry certificate. */
    NOT_FOUND
  }

  /** A directory record that may be the applicant, and how it was found. */
  public record Candidate(OrganizationDirectoryEntry entry, NameMatch match, boolean byCorporateNumber) {}

  /** The lookup's result, with the two sides the officer compares. */
  public record Lookup(Found found, List<Candidate> candidates, String applicant, String candidatesText) {}

  /** The EV checks the officer confirms (EV Guidelines 3.2.2); ignored for OV. */
  public record EvChecks(
      boolean legalExistence,
      boolean operationalExistence,
      boolean physicalAddress,
      boolean verifiedMethodOfCommunication) {}

  /** The organization as its 登記事項証明書 shows it, typed in by the reviewing officer. */
  public record RegistryRecord(
      String nameEn,
      String nameJa,
      String corporateNumber,
      String stateOrProvince,
      String locality,
      String businessCategory,
      String mainPhone) {}

  private final Applications applications;
  private final OrganizationDirectory directory;
  private final OrganizationVerificationRepository verifications;
  private final OrganizationCheckRepository checks;
  private final DirectoryChanges changes;
  private final OrganizationCandidates candidates;
  private final CsrCheck csrCheck;
  private final Clock clock;

  private final TradeNames tradeNames;

  public OrganizationValidation(
      Applications applications,
      OrganizationDirectory directory,
      OrganizationVerificationRepository verifications,
      OrganizationCheckRepository checks,
      DirectoryChanges changes,
      OrganizationCandidates candidates,
      CsrCheck csrCheck,
      TradeNames tradeNames,
      Clock clock) {
    this.tradeNames = tradeNames;
    this.applications = applications;
    this.directory = directory;
    this.verifications = verifications;
    this.checks = checks;
    this.changes = changes;
    this.candidates = candidates;
    this.csrCheck = csrCheck;
    this.clock = clock;
  }

  /** The directory's records that may be the applicant ({@link OrganizationCandidates}). */
  public List<Candidate> candidates(String corporateNumber, String nameEn, String nameJa) {
    return candidates.find(corporateNumber, nameEn, nameJa);
  }

  /**
   * Looks the applicant up for the stage. A verification of the same record within the reuse
   * period of subject identity information (398 days, BR 4.2.1; ValidityReductionSchedule) is
   * reused when the applicant's names match the record exactly, the record has not changed since,
   * and, for EV, the earlier one included the EV checks; the reuse is recorded with its source.
   */
  @Transactional
  public Lookup lookUp(long applicationId) {
    Application application = applications.get(applicationId);
    List<Candidate> found =
        candidates.find(application.getCorporateNumber(), application.getOrganizationNameEn(), application.getOrganizationNameJa());
    String applicant = applicantText(application);
    if (found.size() == 1 && found.get(0).match() == NameMatch.MATCH) {
      Optional<OrganizationVerification> reused = reuse(application, found.get(0).entry());
      if (reused.isPresent()) {
        return new Lookup(Found.REUSED, found, applicant, candidatesText(found));
      }
    }
    return new Lookup(found.isEmpty() ? Found.NOT_FOUND : Found.CANDIDATES, found, applicant, candidatesText(found));
  }

  private Optional<OrganizationVerification> reuse(Application application, OrganizationDirectoryEntry entry) {
    Instant now = clock.instant();
    Instant since = now.minus(Duration.ofDays(ValidityReductionSchedule.at(now).organizationDataReuseDays()));
    boolean ev = application.getProduct().extendedValidation();
    return verifications.confirmedSince(entry.getId(), since, application.getId()).stream()
        // A record corrected or re-imported since says something the earlier officer did not check.
        .filter(v -> entry.getUpdatedAt() == null || !entry.getUpdatedAt().isAfter(v.getVerifiedAt()))
        .filter(v -> !ev || OrganizationVerification.EV_SECTION.equals(v.getBrSection()))
        .findFirst()
        .map(
            earlier -> {
              OrganizationVerification reuse = verifications.save(earlier.reusedFor(application.getId(), clock.instant()));
              checks.findByVerificationIdOrderByIdAsc(earlier.getId())
                  .forEach(check -> checks.save(check.copyFor(reuse.getId())));
              return reuse;
            });
  }

  /**
   * Records the officer's confirmation: {@code match} is the number of the record that is the
   * applicant, or {@link #NOT_LISTED}. For EV each of the EV Guidelines' checks must be ticked and
   * the record must hold what an EV certificate states (corporate number, business category, main
   * number); otherwise nothing is stored and the officer is told why.
   */
  @Transactional
  public OrganizationVerification confirm(
      long applicationId, String officer, String match, String note, EvChecks evChecks) {
    Application application = applications.get(applicationId);
    String answer = match == null ? "" : match.strip();
    if (answer.equalsIgnoreCase(NOT_LISTED)) {
      return verifications.save(OrganizationVerification.notListed(applicationId, officer, note, clock.instant()));
    }
    long entryId;
    try {
      entryId = Long.parseLong(answer.startsWith("#") ? answer.substring(1) : answer);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "enter the number of the record that is the applicant (e.g. 12) or " + NOT_LISTED);
    }
    OrganizationDirectoryEntry entry =
        directory.byId(entryId).orElseThrow(() -> new IllegalArgumentException("the directory has no record #" + entryId));
    if (entry.getClosedOn() != null) {
      throw new IllegalArgumentException(
          "record #" + entryId + " was closed on " + entry.getClosedOn() + " (登記記録の閉鎖等): it vouches for no one");
    }
    boolean ev = application.getProduct().extendedValidation();
    if (ev) {
      requireEv(entry, evChecks);
    }
    OrganizationVerification.Method method =
        entry.getCorporateNumber() != null && entry.getCorporateNumber().equals(application.getCorporateNumber())
            ? OrganizationVerification.Method.CORPORATE_NUMBER
            : OrganizationVerification.Method.NAME;
    OrganizationVerification verification =
        verifications.save(
            OrganizationVerification.confirmed(applicationId, method, entry, officer, ev, note, clock.instant()));
    if (ev) {
      recordEvChecks(verification, entry, note);
    }
    return verification;
  }

  /**
   * The applicant was not listed; its registry certificate (登記事項証明書) was uploaded and the
   * officer accepted it. The organization goes into the directory with the certificate as its
   * source, so the next application finds it, and this application's verification names it.
   */
  @Transactional
  public OrganizationVerification recordFromRegistryCertificate(
      long applicationId, String officer, RegistryRecord record, String note, EvChecks evChecks) {
    return recordFromRegistryCertificate(applicationId, officer, RegistryDocument.REGISTRY_CERTIFICATE, record, note, evChecks);
  }

  /**
   * The document an unlisted organization's existence and address were verified from: the
   * registry certificate for a registered legal person, or the 職員録 for a national or local
   * government body, which no register lists (guide [1-2] ※ names both as sources of the address).
   */
  public enum RegistryDocument {
    /** 登記事項証明書: companies and every other registered legal person (一般社団・財団法人, 学校法人, 医療法人, NPO 法人, 組合…). */
    REGISTRY_CERTIFICATE("登記事項証明書", OrganizationVerification.Method.REGISTRY_CERTIFICATE),
    /** 職員録: a body of the state or of a local government (BR 3.2.2.1 (1): documentation from a government agency). */
    STAFF_DIRECTORY("職員録", OrganizationVerification.Method.STAFF_DIRECTORY);

    private final String title;
    private final OrganizationVerification.Method method;

    RegistryDocument(String title, OrganizationVerification.Method method) {
      this.title = title;
      this.method = method;
    }

    public String title() {
      return title;
    }

    /** The officer's choice on the review form; none given is the registry certificate, as before. */
    public static RegistryDocument parse(String value) {
      if (value == null || value.isBlank()) {
        return REGISTRY_CERTIFICATE;
      }
      try {
        return valueOf(value.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("to record the organization, choose the document it was verified from: "
            + "REGISTRY_CERTIFICATE (登記事項証明書) or STAFF_DIRECTORY (職員録)");
      }
    }
  }

  @Transactional
  public OrganizationVerification recordFromRegistryCertificate(
      long applicationId, String officer, RegistryDocument document, RegistryRecord record, String note, EvChecks evChecks) {
    Application application = applications.get(applicationId);
    List<String> wrong = new ArrayList<>();
    String nameEn = blankToNull(record.nameEn());
    String nameJa = blankToNull(record.nameJa());
    String number = blankToNull(record.corporateNumber());
    if (nameJa == null) {
      wrong.add("the registered name (商号) as the certificate shows it");
    }
    if (nameEn == null || !nameEn.chars().anyMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
      wrong.add("the official English name in Latin letters (guide [1-2])");
    }
    if (blankToNull(record.stateOrProvince()) == null || blankToNull(record.locality()) == null) {
      wrong.add("the registered prefecture and city or ward (本店所在地)");
    }
    if (number != null && !CorporateNumber.isValid(number)) {
      wrong.add("a corporate number of 13 digits with a valid check digit, or none");
    } else if (number != null && directory.byCorporateNumber(number).isPresent()) {
      wrong.add(
          "a new organization: corporate number " + number + " is already record #"
              + directory.byCorporateNumber(number).get().getId() + "; correct that record instead");
    }
    BusinessCategory category = null;
    if (blankToNull(record.businessCategory()) != null) {
      category = BusinessCategory.parse(record.businessCategory()).orElse(null);
      if (category == null) {
        wrong.add("a business category of Private Organization, Government Entity, Business Entity or Non-Commercial Entity");
      }
    }
    String phone = blankToNull(record.mainPhone());
    if (phone != null && !VendorDirectoryExport.isPhoneNumber(phone)) {
      wrong.add("a Japanese main number (10 or 11 digits starting with 0), or none");
    }
    if (document == RegistryDocument.STAFF_DIRECTORY && category != BusinessCategory.GOVERNMENT_ENTITY) {
      wrong.add("the business category Government Entity: the 職員録 lists bodies of the state and of local"
          + " governments; any other body shows its registry certificate");
    }
    if (!wrong.isEmpty()) {
      throw new IllegalArgumentException("to record the organization, enter " + String.join("; ", wrong));
    }
    Instant now = clock.instant();
    LocalDate today = now.atZone(BusinessCalendar.ZONE).toLocalDate();
    OrganizationDirectoryEntry entry =
        directory.add(
            new OrganizationDirectoryEntry(
                new DirectoryValues(
                    number, nameJa, nameEn, record.stateOrProvince().strip(), record.locality().strip(), "JP",
                    phone, category, null, document.title() + " (application " + applicationId + ")", today)));
    boolean ev = application.getProduct().extendedValidation();
    if (ev) {
      requireEv(entry, evChecks);
    }
    entry.touched(now);
    changes.record(
        entry, null, DirectoryChange.Kind.RECORDED, null, officer,
        "recorded from the " + document.title() + " uploaded for application " + applicationId
            + (note == null || note.isBlank() ? "" : ": " + note.strip()));
    OrganizationVerification verification =
        verifications.save(
            OrganizationVerification.confirmed(
                applicationId, document.method, entry, officer, ev, note, now));
    if (ev) {
      recordEvChecks(verification, entry, note);
    }
    return verification;
  }

  /**
   * Compares the CSR's subject with the verified record and keeps the outcome on the
   * verification; the disagreements, worded for the customer, are the refusal's detail.
   */
  @Transactional
  public List<SubjectAgreement.Disagreement> compareSubject(long applicationId) {
    OrganizationVerification verification =
        latestConfirmed(applicationId)
            .orElseThrow(() -> new IllegalStateException("application " + applicationId + " has no verified organization"));
    OrganizationDirectoryEntry entry =
        directory.byId(verification.getEntryId())
            .orElseThrow(() -> new IllegalStateException("record #" + verification.getEntryId() + " is gone"));
    CsrSubject subject = subjectOf(applications.get(applicationId));
    List<SubjectAgreement.Disagreement> disagreements =
        SubjectAgreement.compare(
            subject.organization(), subject.locality(), subject.stateOrProvince(), subject.country(), entry,
            tradeNameTexts(entry.getId()));
    verification.subjectCompared(
        disagreements.isEmpty(), disagreements.isEmpty() ? null : SubjectAgreement.describe(disagreements), clock.instant());
    return disagreements;
  }

  /**
   * The record the organization was verified against for this application, whose subject agreed:
   * what the phone call dials and the certificate states (BR 7.1.4.2).
   */
  @Transactional(readOnly = true)
  public Optional<OrganizationDirectoryEntry> verifiedRecord(long applicationId) {
    return latestConfirmed(applicationId)
        .filter(v -> Boolean.TRUE.equals(v.getSubjectAgrees()))
        .flatMap(v -> directory.byId(v.getEntryId()));
  }

  /**
   * The O the certificate states for this application: the registered English name, or the
   * CSR's verified trade name as it asked for it (BR 7.1.4.2.2, 3.2.2.2).
   */
  @Transactional(readOnly = true)
  public String statedOrganization(long applicationId, OrganizationDirectoryEntry entry) {
    return SubjectAgreement.statedOrganization(
        subjectOf(applications.get(applicationId)).organization(), entry, tradeNameTexts(entry.getId()));
  }

  private List<String> tradeNameTexts(long entryId) {
    return tradeNames.current(entryId).stream().map(TradeName::getName).toList();
  }

  @Transactional(readOnly = true)
  public List<OrganizationVerification> of(long applicationId) {
    return verifications.findByApplicationIdOrderByIdAsc(applicationId);
  }

  @Transactional(readOnly = true)
  public List<OrganizationCheck> checksOf(long verificationId) {
    return checks.findByVerificationIdOrderByIdAsc(verificationId);
  }

  private Optional<OrganizationVerification> latestConfirmed(long applicationId) {
    List<OrganizationVerification> all = verifications.findByApplicationIdOrderByIdAsc(applicationId);
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).getOutcome() == OrganizationVerification.Outcome.CONFIRMED) {
        return Optional.of(all.get(i));
      }
    }
    return Optional.empty();
  }

  /** EV Guidelines 3.2.2 and 7.1.4.2: every check ticked, and the record holds what EV states. */
  private static void requireEv(OrganizationDirectoryEntry entry, EvChecks evChecks) {
    List<String> missing = new ArrayList<>();
    if (evChecks == null || !evChecks.legalExistence()) {
      missing.add("legal existence (EVG 3.2.2.2)");
    }
    if (evChecks == null || !evChecks.operationalExistence()) {
      missing.add("operational existence (EVG 3.2.2.6)");
    }
    if (evChecks == null || !evChecks.physicalAddress()) {
      missing.add("physical address (EVG 3.2.2.4)");
    }
    if (evChecks == null || !evChecks.verifiedMethodOfCommunication()) {
      missing.add("verified method of communication (EVG 3.2.2.5)");
    }
    if (entry.getCorporateNumber() == null) {
      missing.add("a corporate number in the record (the EV registration number)");
    }
    if (entry.getBusinessCategory() == null) {
      missing.add("a business category in the record");
    }
    if (entry.getMainPhone() == null) {
      missing.add("a main number in the record (the verified method of communication)");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("an EV organization needs: " + String.join(", ", missing));
    }
  }

  private void recordEvChecks(OrganizationVerification verification, OrganizationDirectoryEntry entry, String note) {
    String source = entry.getSource() + " (" + entry.getVerifiedOn() + ")";
    String officerNote = note == null || note.isBlank() ? "" : "; officer's note: " + note.strip();
    long id = verification.getId();
    checks.save(
        new OrganizationCheck(
            id, OrganizationCheck.Kind.LEGAL_EXISTENCE,
            source + ": " + entry.getNameJa() + ", corporate number " + entry.getCorporateNumber() + ", "
                + entry.getBusinessCategory().text() + ", registration open"));
    checks.save(
        new OrganizationCheck(
            id, OrganizationCheck.Kind.PHYSICAL_ADDRESS,
            source + ": " + entry.getStateOrProvince() + " " + entry.getLocality() + ", " + entry.getCountry()));
    checks.save(
        new OrganizationCheck(
            id, OrganizationCheck.Kind.VERIFIED_METHOD_OF_COMMUNICATION, source + ": main number " + entry.getMainPhone()));
    checks.save(
        new OrganizationCheck(id, OrganizationCheck.Kind.OPERATIONAL_EXISTENCE, source + officerNote));
  }

  private CsrSubject subjectOf(Application application) {
    return csrCheck
        .check(application.getCsrPem().getBytes(StandardCharsets.US_ASCII), CsrCheckContext.standalone())
        .subject();
  }

  private String applicantText(Application application) {
    CsrSubject subject = subjectOf(application);
    return String.join(
        "\n",
        "English name / 英文社名: " + application.getOrganizationNameEn(),
        "Japanese name / 商号: " + application.getOrganizationNameJa(),
        "Corporate number / 法人番号: "
            + (application.getCorporateNumber() == null ? "not given / 記載なし" : application.getCorporateNumber()),
        "Address given / 所在地: " + nullToDash(application.getStateOrProvince()) + " " + nullToDash(application.getLocality())
            + ", " + application.getCountry(),
        "CSR subject / CSR: O=" + nullToDash(subject.organization()) + ", L=" + nullToDash(subject.locality())
            + ", ST=" + nullToDash(subject.stateOrProvince()) + ", C=" + nullToDash(subject.country()),
        "Product / 製品: " + application.getProduct().name());
  }

  static String candidatesText(List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return "No record found by corporate number or name. Search the directory under /operations/directory; if the"
          + " organization is not listed, answer " + NOT_LISTED + " to ask for its registry certificate.\n"
          + "法人番号・名称で該当する記録がありません。記載がなければ " + NOT_LISTED + " と入力し、登記事項証明書を依頼します。";
    }
    StringBuilder text = new StringBuilder();
    for (Candidate c : candidates) {
      OrganizationDirectoryEntry e = c.entry();
      text.append('#').append(e.getId()).append(" [").append(c.match())
          .append(c.byCorporateNumber() ? ", by corporate number" : ", by name").append("] ")
          .append(nullToDash(e.getNameEn())).append(" / ").append(e.getNameJa()).append('\n')
          .append("    法人番号 ").append(nullToDash(e.getCorporateNumber()))
          .append(", ").append(nullToDash(e.getStateOrProvince())).append(' ').append(nullToDash(e.getLocality()))
          .append(", ").append(e.getCountry())
          .append(", main number ").append(nullToDash(e.getMainPhone()))
          .append(", ").append(e.getBusinessCategory() == null ? "-" : e.getBusinessCategory().text()).append('\n')
          .append("    source ").append(e.getSource()).append(" (").append(e.getVerifiedOn()).append(")\n");
    }
    return text.toString().strip();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String nullToDash(String text) {
    return text == null || text.isBlank() ? "-" : text;
  }
}
