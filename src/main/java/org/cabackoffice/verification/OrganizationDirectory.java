package org.cabackoffice.verification;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks organizations up in the qualified independent information source. */
@Service
public class OrganizationDirectory {

  /** A lookup by name answers a screenful; a longer list asks for a more precise name. */
  static final int MAX_FOUND = 50;

  private final OrganizationDirectoryRepository entries;

  public OrganizationDirectory(OrganizationDirectoryRepository entries) {
    this.entries = entries;
  }

  /**
   * The entry whose English or Japanese name is the applicant's, if exactly one open entry is
   * listed: a closed registration (登記記録の閉鎖等) vouches for no one.
   */
  @Transactional(readOnly = true)
  public Optional<OrganizationDirectoryEntry> find(String nameEn, String nameJa) {
    List<OrganizationDirectoryEntry> found =
        entries.findByNameEnIgnoreCaseOrNameJa(nameEn.trim(), nameJa.trim()).stream()
            .filter(e -> e.getClosedOn() == null)
            .toList();
    // Two different listings for one name cannot tell the officer which number to call.
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  @Transactional
  public OrganizationDirectoryEntry add(OrganizationDirectoryEntry entry) {
    return entries.save(entry);
  }

  @Transactional(readOnly = true)
  public long size() {
    return entries.count();
  }

  @Transactional(readOnly = true)
  public Optional<OrganizationDirectoryEntry> byId(long id) {
    return entries.findById(id);
  }

  @Transactional(readOnly = true)
  public Optional<OrganizationDirectoryEntry> byCorporateNumber(String corporateNumber) {
    return entries.findByCorporateNumber(corporateNumber.trim());
  }

  /** Entries whose English or Japanese name contains {@code part}, case-insensitive. */
  @Transactional(readOnly = true)
  public List<OrganizationDirectoryEntry> byName(String part) {
    String escaped =
        part.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return entries.findByNameContaining("%" + escaped + "%", PageRequest.of(0, MAX_FOUND));
  }

}
