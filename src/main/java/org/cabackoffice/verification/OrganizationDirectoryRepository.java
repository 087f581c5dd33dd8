package org.cabackoffice.verification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganizationDirectoryRepository
    extends JpaRepository<OrganizationDirectoryEntry, Long> {

  List<OrganizationDirectoryEntry> findByNameEnIgnoreCaseOrNameJa(String nameEn, String nameJa);
}
