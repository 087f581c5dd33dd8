package org.cabackoffice.revocationplan;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Storage of {@link RevocationPlan}s. */
public interface RevocationPlanRepository extends Repository<RevocationPlan, Long> {

  RevocationPlan save(RevocationPlan plan);

  Optional<RevocationPlan> findById(Long id);

  List<RevocationPlan> findAllByOrderByIdDesc();

  /** The approved plans that name the serial, the earliest planned revocation first. */
  @Query("select p from RevocationPlan p join p.serials s where s = :serial and p.status = :status"
      + " order by p.plannedRevocationAt asc")
  List<RevocationPlan> findBySerialAndStatus(@Param("serial") String serial, @Param("status") RevocationPlan.Status status);
}
