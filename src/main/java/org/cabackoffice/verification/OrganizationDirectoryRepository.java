package org.cabackoffice.verification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganizationDirectoryRepository
    extends JpaRepository<OrganizationDirectoryEntry, Long> {

  List<OrganizationDirectoryEntry> findByNameEnIgnoreCaseOrNameJa(String nameEn, String nameJa);

  Optional<OrganizationDirectoryEntry> findByCorporateNumber(String corporateNumber);

  @Query(
      "select e from OrganizationDirectoryEntry e where lower(e.nameEn) like :part escape '\\'"
          + " or lower(e.nameJa) like :part escape '\\' order by e.nameJa, e.id")
  List<OrganizationDirectoryEntry> findByNameContaining(@Param("part") String part, Pageable page);
}
