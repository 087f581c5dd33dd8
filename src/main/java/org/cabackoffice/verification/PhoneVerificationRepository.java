package org.cabackoffice.verification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PhoneVerificationRepository extends JpaRepository<PhoneVerification, Long> {

  List<PhoneVerification> findByApplicationIdOrderByIdAsc(long applicationId);
}
