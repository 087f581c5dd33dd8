package org.cabackoffice.issuance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Storage of {@link PrecertificateSigning} records; narrow, so tests can fake it in a map. */
public interface PrecertificateSigningRepository extends Repository<PrecertificateSigning, Long> {

  PrecertificateSigning saveAndFlush(PrecertificateSigning signing);

  Optional<PrecertificateSigning> findBySerial(String serial);

  List<PrecertificateSigning> findByStateAndStartedAtBefore(PrecertificateSigning.State state, Instant before);

  List<PrecertificateSigning> findByApplicationIdOrderByIdAsc(Long applicationId);
}
