package org.cabackoffice.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApplicationRepository extends JpaRepository<Application, Long> {

  List<Application> findByCustomerAccountIdOrderByIdDesc(long customerAccountId);

  List<Application> findByStatusOrderByIdDesc(ApplicationStatus status);
}
