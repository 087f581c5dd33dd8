package org.cabackoffice.verification;

import java.util.List;
import org.cabackoffice.domain.ListedOrganizationNames;
import org.springframework.stereotype.Component;

/** The organization directory's names for an applicant, for the domain step's comparison. */
@Component
class DirectoryListedNames implements ListedOrganizationNames {

  private final OrganizationDirectory directory;

  DirectoryListedNames(OrganizationDirectory directory) {
    this.directory = directory;
  }

  @Override
  public List<String> listedNames(String nameEn, String nameJa) {
    return directory
        .find(nameEn == null ? "" : nameEn, nameJa == null ? "" : nameJa)
        .map(entry -> java.util.stream.Stream.of(entry.getNameEn(), entry.getNameJa()).filter(java.util.Objects::nonNull).toList())
        .orElse(List.of());
  }
}
