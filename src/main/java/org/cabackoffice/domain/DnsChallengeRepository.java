package org.cabackoffice.domain;

import java.util.List;
import org.springframework.data.repository.Repository;

public interface DnsChallengeRepository extends Repository<DnsChallenge, Long> {

  DnsChallenge save(DnsChallenge challenge);

  List<DnsChallenge> findByApplicationIdOrderByIdAsc(long applicationId);

  List<DnsChallenge> findByApplicationIdAndDomainNameOrderByIdAsc(
      long applicationId, String domainName);
}
