package org.cabackoffice.verification;

import org.cabackoffice.input.CorporateNumber;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.verification.DirectoryCorrectionRefused.Why;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Officers' corrections of the organization directory, each one recorded (issue 8 item 15). */
@Service
public class DirectoryCorrections {

  private final OrganizationDirectoryRepository entries;
  private final DirectoryChanges changes;
  private final Clock clock;

  public DirectoryCorrections(
      OrganizationDirectoryRepository entries, DirectoryChanges changes, Clock clock) {
    this.entries = entries;
    this.changes = changes;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<DirectoryChange> of(long entryId) {
    return changes.of(entryId);
  }

  /**
   * An officer's correction of an entry, recorded with who, when, before, after and why.
   *
   * @throws DirectoryCorrectionRefused when the reason is missing, nothing would change, or a
   *     value is not one the directory may hold
   */
  @Transactional
  public OrganizationDirectoryEntry correct(
      long entryId, DirectoryCorrection correction, String officer) {
    OrganizationDirectoryEntry entry =
        entries.findById(entryId).orElseThrow(() -> new DirectoryEntryNotFoundException(entryId));
    List<DirectoryCorrectionRefused.Finding> wrong = new ArrayList<>();
    if (correction.reason() == null || correction.reason().isBlank()) {
      wrong.add(finding(Why.REASON_MISSING, "say why the entry is corrected (which source shows the new value)"));
    }
    String number = blankToNull(correction.corporateNumber());
    if (number != null && !CorporateNumber.isValid(number)) {
      wrong.add(finding(Why.CORPORATE_NUMBER_INVALID, "not 13 digits with a valid check digit"));
    } else if (number != null
        && entries.findByCorporateNumber(number).filter(other -> !other.getId().equals(entry.getId())).isPresent()) {
      wrong.add(finding(Why.CORPORATE_NUMBER_TAKEN, "another entry already has " + number));
    }
    String phone = blankToNull(correction.mainPhone());
    if (phone != null && !VendorDirectoryExport.isPhoneNumber(phone)) {
      wrong.add(finding(Why.MAIN_PHONE_INVALID, "not a Japanese number (10 or 11 digits starting with 0)"));
    }
    if (!wrong.isEmpty()) {
      throw new DirectoryCorrectionRefused(wrong);
    }
    var before = entry.state();
    boolean changed =
        entry.apply(
            new DirectoryValues(
                number,
                blankToNull(correction.nameJa()),
                blankToNull(correction.nameEn()),
                blankToNull(correction.stateOrProvince()),
                blankToNull(correction.locality()),
                null,
                phone,
                correction.businessCategory(),
                correction.closedOn(),
                blankToNull(correction.source()),
                correction.verifiedOn()));
    if (!changed) {
      throw new DirectoryCorrectionRefused(Why.NOTHING_CHANGES, "the correction changes nothing in entry " + entryId);
    }
    entry.touched(clock.instant());
    changes.record(entry, before, DirectoryChange.Kind.CORRECTION, null, officer, correction.reason().trim());
    return entry;
  }

  private static DirectoryCorrectionRefused.Finding finding(Why why, String message) {
    return new DirectoryCorrectionRefused.Finding(why, message);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
