package org.cabackoffice.csr;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Storage of {@link BlockedKey}s; narrow on purpose, so tests can fake it in a map. */
interface BlockedKeyRepository extends Repository<BlockedKey, Long> {

  /** Stores the entry and flushes, so a duplicate fingerprint fails here, not at commit. */
  BlockedKey saveAndFlush(BlockedKey key);

  boolean existsBySpkiSha256(String spkiSha256);

  List<BlockedKey> findAllByOrderByIdAsc();
}
