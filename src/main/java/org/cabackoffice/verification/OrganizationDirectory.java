package org.cabackoffice.verification;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks organizations up in the qualified independent information source. */
@Service
public class OrganizationDirectory {

  private final OrganizationDirectoryRepository entries;

  public OrganizationDirectory(OrganizationDirectoryRepository entries) {
    this.entries = entries;
  }

  /** The entry whose English or Japanese name is the applicant's, if exactly one is listed. */
  @Transactional(readOnly = true)
  public Optional<OrganizationDirectoryEntry> find(String nameEn, String nameJa) {
    List<OrganizationDirectoryEntry> found =
        entries.findByNameEnIgnoreCaseOrNameJa(nameEn.trim(), nameJa.trim());
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
}
