package org.cabackoffice.csr;

import java.time.Clock;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The CA's blocklist of compromised keys, kept in the database; what the CSR policy consults. */
@Service
public class BlockedKeys implements KeyBlocklist {

  private final BlockedKeyRepository repository;
  private final Clock clock;

  BlockedKeys(BlockedKeyRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean contains(String spkiSha256) {
    return repository.existsBySpkiSha256(spkiSha256);
  }

  /**
   * Puts a key on the blocklist.
   *
   * @param spkiSha256 the key's fingerprint, as {@link SpkiFingerprint} normalizes it
   * @param reason why the key counts as compromised (BR 4.9.1.1), for the officers who read it later
   * @param officer the user ID of the officer listing the key
   * @throws KeyAlreadyBlockedException when the key is listed already
   */
  @Transactional
  public BlockedKey add(String spkiSha256, String reason, String officer) {
    String fingerprint = SpkiFingerprint.ofHex(spkiSha256);
    if (reason == null || reason.isBlank()) {
      throw new BlocklistEntryInvalidException(
          "key-blocklist.reason-missing",
          "reason is required: say how the key was compromised and who reported it");
    }
    String trimmed = reason.strip();
    if (trimmed.length() > BlockedKey.MAX_REASON) {
      throw new BlocklistEntryInvalidException(
          "key-blocklist.reason-too-long",
          "reason has " + trimmed.length() + " characters; at most " + BlockedKey.MAX_REASON);
    }
    if (repository.existsBySpkiSha256(fingerprint)) {
      throw new KeyAlreadyBlockedException(fingerprint);
    }
    try {
      return repository.saveAndFlush(new BlockedKey(fingerprint, trimmed, officer, clock.instant()));
    } catch (DataIntegrityViolationException e) {
      // Two officers listing the same key at once: the unique constraint decides, the second
      // hears the same as if it had come later.
      throw new KeyAlreadyBlockedException(fingerprint);
    }
  }

  /** Every entry, oldest first. */
  @Transactional(readOnly = true)
  public List<BlockedKey> all() {
    return repository.findAllByOrderByIdAsc();
  }
}
