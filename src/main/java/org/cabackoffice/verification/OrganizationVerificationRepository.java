package org.cabackoffice.verification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrganizationVerificationRepository extends JpaRepository<OrganizationVerification, Long> {

  List<OrganizationVerification> findByApplicationIdOrderByIdAsc(long applicationId);

  /** Confirmations of the entry since {@code since}, newest first, whose subject agreed. */
  @Query(
      "select v from OrganizationVerification v where v.entryId = :entryId and v.outcome = 'CONFIRMED'"
          + " and v.verifiedAt >= :since and v.applicationId <> :applicationId"
          + " and v.subjectAgrees = true order by v.verifiedAt desc, v.id desc")
  List<OrganizationVerification> confirmedSince(
      @Param("entryId") long entryId, @Param("since") Instant since, @Param("applicationId") long applicationId);
}
