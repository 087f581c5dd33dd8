package org.cabackoffice.acme;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AcmeChallengeRepository extends JpaRepository<AcmeChallenge, Long> {
  List<AcmeChallenge> findByAuthorizationIdOrderByIdAsc(long authorizationId);
}
