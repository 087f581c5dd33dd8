package org.cabackoffice.revocation;

import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Storage of {@link KeyCompromiseChallenge}s. */
public interface KeyCompromiseChallengeRepository extends Repository<KeyCompromiseChallenge, Long> {

  KeyCompromiseChallenge save(KeyCompromiseChallenge challenge);

  Optional<KeyCompromiseChallenge> findByChallenge(String challenge);
}
