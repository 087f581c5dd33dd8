package org.cabackoffice.verification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DirectoryImportRepository extends JpaRepository<DirectoryImport, Long> {
  List<DirectoryImport> findTop50ByOrderByIdDesc();
}
