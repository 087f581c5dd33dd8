package org.cabackoffice.verification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PhoneVerificationRepository extends JpaRepository<PhoneVerification, Long> {

  List<PhoneVerification> findByApplicationIdOrderByIdAsc(long applicationId);

  /**
   * Calls actually made (not reuses) and confirmed for other applications of the same storefront
   * account, technical contact, organization and responsible person.
   */
  @Query(
      "select p from PhoneVerification p, org.cabackoffice.application.Application a"
          + " where a.id = p.applicationId and p.outcome = 'CONFIRMED' and p.reusedFrom is null"
          + " and p.applicationId <> :applicationId"
          + " and a.customerAccountId = :customerAccountId"
          + " and lower(a.technicalEmail) = lower(:technicalEmail)"
          + " and lower(a.organizationNameEn) = lower(:organization)"
          + " and a.responsibleName = :responsiblePerson"
          + " and p.verifiedAt >= :since order by p.verifiedAt desc")
  List<PhoneVerification> confirmedEarlier(
      @Param("applicationId") long applicationId,
      @Param("customerAccountId") long customerAccountId,
      @Param("technicalEmail") String technicalEmail,
      @Param("organization") String organization,
      @Param("responsiblePerson") String responsiblePerson,
      @Param("since") Instant since);
}
