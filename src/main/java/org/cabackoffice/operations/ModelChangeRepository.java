package org.cabackoffice.operations;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ModelChangeRepository extends JpaRepository<ModelChange, Long> {

  List<ModelChange> findByOrderByIdDesc(Pageable page);
}
