package org.cabackoffice.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.util.ReflectionTestUtils;

class BlockedKeysTest {

  static final String FINGERPRINT = "ab".repeat(32);
  static final Instant NOW = Instant.parse("2026-05-11T01:02:03Z");

  /** The repository in a list, with the unique constraint of V9__key_blocklist.sql. */
  static final class ListBlockedKeyRepository implements BlockedKeyRepository {
    final List<BlockedKey> rows = new ArrayList<>();
    boolean raceLost;

    @Override
    public BlockedKey saveAndFlush(BlockedKey key) {
      if (raceLost || existsBySpkiSha256(key.spkiSha256())) {
        throw new DataIntegrityViolationException("unique key_blocklist.spki_sha256");
      }
      ReflectionTestUtils.setField(key, "id", (long) rows.size() + 1);
      rows.add(key);
      return key;
    }

    @Override
    public boolean existsBySpkiSha256(String spkiSha256) {
      return rows.stream().anyMatch(k -> k.spkiSha256().equals(spkiSha256));
    }

    @Override
    public List<BlockedKey> findAllByOrderByIdAsc() {
      return rows.stream().sorted(Comparator.comparing(BlockedKey::id)).toList();
    }
  }

  private final ListBlockedKeyRepository repository = new ListBlockedKeyRepository();
  private final BlockedKeys blockedKeys = new BlockedKeys(repository, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void addedKeyIsBlockedWithWhoAndWhen() {
    BlockedKey added = blockedKeys.add(FINGERPRINT.toUpperCase(), "  private key published on a paste site  ", "officer");

    assertThat(added.spkiSha256()).isEqualTo(FINGERPRINT);
    assertThat(added.reason()).isEqualTo("private key published on a paste site");
    assertThat(added.addedBy()).isEqualTo("officer");
    assertThat(added.addedAt()).isEqualTo(NOW);
    assertThat(blockedKeys.contains(FINGERPRINT)).isTrue();
    assertThat(blockedKeys.contains("cd".repeat(32))).isFalse();
    assertThat(blockedKeys.all()).containsExactly(added);
  }

  @Test
  void aKeyIsListedOnceAndTheFirstReasonStays() {
    blockedKeys.add(FINGERPRINT, "reported by the subscriber", "officer");

    assertThatThrownBy(() -> blockedKeys.add(FINGERPRINT, "reported again", "senior"))
        .isInstanceOfSatisfying(
            KeyAlreadyBlockedException.class, e -> assertThat(e.spkiSha256()).isEqualTo(FINGERPRINT));
    assertThat(blockedKeys.all()).extracting(BlockedKey::reason).containsExactly("reported by the subscriber");
  }

  @Test
  void aConcurrentDuplicateIsADuplicateToo() {
    repository.raceLost = true;

    assertThatThrownBy(() -> blockedKeys.add(FINGERPRINT, "reported", "officer"))
        .isInstanceOf(KeyAlreadyBlockedException.class);
  }

  @Test
  void reasonIsRequiredAndBounded() {
    for (String missing : new String[] {null, "", "   "}) {
      assertThatThrownBy(() -> blockedKeys.add(FINGERPRINT, missing, "officer"))
          .isInstanceOfSatisfying(
              BlocklistEntryInvalidException.class,
              e -> assertThat(e.code()).isEqualTo("key-blocklist.reason-missing"));
    }
    assertThatThrownBy(() -> blockedKeys.add(FINGERPRINT, "x".repeat(2001), "officer"))
        .isInstanceOfSatisfying(
            BlocklistEntryInvalidException.class,
            e -> assertThat(e.code()).isEqualTo("key-blocklist.reason-too-long"));
    assertThat(repository.rows).isEmpty();
  }
}
