package org.cabackoffice.issuance;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Storage of {@link CertificateSigning} records; narrow, so tests can fake it in a map. */
public interface CertificateSigningRepository extends Repository<CertificateSigning, Long> {

  CertificateSigning saveAndFlush(CertificateSigning signing);

  Optional<CertificateSigning> findBySerial(String serial);

  List<CertificateSigning> findByApplicationIdAndStateInOrderByIdAsc(
      Long applicationId, Collection<CertificateSigning.State> states);

  List<CertificateSigning> findByAcmeOrderIdAndStateInOrderByIdAsc(
      Long acmeOrderId, Collection<CertificateSigning.State> states);

  List<CertificateSigning> findByStateAndStartedAtBefore(CertificateSigning.State state, Instant before);

  List<CertificateSigning> findByApplicationIdOrderByIdAsc(Long applicationId);
}
