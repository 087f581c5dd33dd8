package org.cabackoffice.verification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DirectoryChangeRepository extends JpaRepository<DirectoryChange, Long> {
  List<DirectoryChange> findByEntryIdOrderByIdAsc(long entryId);
}
