package org.cabackoffice.operations;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface InstanceMigrationRepository extends JpaRepository<InstanceMigration, Long> {

  List<InstanceMigration> findByOrderByIdDesc(Pageable page);

  List<InstanceMigration> findByStatusIn(List<InstanceMigration.Status> statuses);
}
