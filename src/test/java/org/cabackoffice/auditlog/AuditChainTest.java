package org.cabackoffice.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The canonical form an outside verifier rebuilds, and the breaks the chain walk names. */
class AuditChainTest {

  static final Instant T0 = Instant.parse("2026-12-06T05:00:00.123456789Z");

  @TempDir static Path keys;
  static AuditKey key;

  @BeforeAll
  static void key() {
    key = AuditKey.open(keys.resolve("audit-key.p12"), "test", true, "CN=Audit Test", Clock.fixed(T0, ZoneOffset.UTC));
  }

  @Test
  void theCanonicalFormIsLengthPrefixedUtf8InTheDocumentedOrder() {
    byte[] canonical = AuditChain.canonicalForm(7, T0, "record", "Application.recorded", "application:1", null, "{\"a\":\"申\"}");
    String expected =
        prefixed("cabackoffice-audit-log-v1")
            + prefixed("7")
            + prefixed("2026-12-06T05:00:00.123456Z")
            + prefixed("record")
            + prefixed("Application.recorded")
            + prefixed("application:1")
            + "ffffffff"
            + prefixed("{\"a\":\"申\"}");
    assertThat(HexFormat.of().formatHex(canonical)).isEqualTo(expected);
  }

  @Test
  void eachHashCoversThePreviousHashAndTheRow() throws Exception {
    byte[] canonical = AuditChain.canonicalForm(1, T0, "engine", "k", "s", "a", "{}");
    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
    sha.update(new byte[32]);
    sha.update(canonical);
    assertThat(AuditChain.hash(AuditChain.GENESIS, canonical)).isEqualTo(HexFormat.of().formatHex(sha.digest()));
    assertThat(AuditChain.hash("11".repeat(32), canonical)).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, canonical));
  }

  @Test
  void anIntactChainVerifies() {
    List<AuditRow> rows = chain(10);
    AuditLogVerification result = verify(rows, head(rows), List.of(key.checkpoint(5, rows.get(4).hash(), T0)));
    assertThat(result.intact()).isTrue();
    assertThat(result.rows()).isEqualTo(10);
    assertThat(result.firstBrokenRow()).isNull();
    assertThat(result.checkpoints()).isEqualTo(1);
  }

  @Test
  void aChangedRowIsNamed() {
    List<AuditRow> rows = chain(10);
    ChainVerification.Head head = head(rows);
    AuditRow row = rows.get(3);
    rows.set(3, new AuditRow(row.seq(), row.recordedAt(), row.source(), row.kind(), row.subject(), "mallory", row.details(), row.previousHash(), row.hash()));
    AuditLogVerification result = verify(rows, head, List.of());
    assertThat(result).extracting("intact", "firstBrokenRow", "reason").containsExactly(false, 4L, "changed");
    // The detail in English for the API and the offline command; its kind and rows for the page to say in Japanese.
    assertThat(result.detail()).isEqualTo("row 4's content no longer matches its hash");
    assertThat(result.chainBreak()).isEqualTo(ChainBreak.CONTENT_CHANGED);
    assertThat(result.chainBreakRows()).containsExactly(4L);
  }

  @Test
  void theAnswerAsJsonKeepsItsContractAndItsEnglishDetail() throws Exception {
    List<AuditRow> rows = chain(10);
    ChainVerification.Head head = head(rows);
    List<AuditRow> middle = new ArrayList<>(rows);
    middle.remove(5);
    middle.remove(5);
    String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(verify(middle, head, List.of()));
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).fieldNames())
        .toIterable().containsExactly("intact", "rows", "firstBrokenRow", "reason", "detail", "checkpoints", "lastCheckpoint");
    assertThat(json).contains("\"detail\":\"rows 6 to 7 are missing\"");
  }

  @Test
  void aRowRewrittenWithItsHashIsNamedThroughItsSuccessor() {
    List<AuditRow> rows = chain(10);
    ChainVerification.Head head = head(rows);
    AuditRow row = rows.get(3);
    AuditRow forged = new AuditRow(row.seq(), row.recordedAt(), row.source(), row.kind(), row.subject(), "mallory", row.details(), row.previousHash(), null);
    rows.set(3, withHash(forged, AuditChain.hashOf(forged, row.previousHash(), row.seq())));
    assertThat(verify(rows, head, List.of())).extracting("firstBrokenRow", "reason").containsExactly(4L, "changed");
  }

  @Test
  void aRemovedRowIsNamedInTheMiddleAndAtTheEnd() {
    List<AuditRow> rows = chain(10);
    ChainVerification.Head head = head(rows);
    List<AuditRow> middle = new ArrayList<>(rows);
    middle.remove(5);
    assertThat(verify(middle, head, List.of())).extracting("firstBrokenRow", "reason").containsExactly(6L, "removed");
    List<AuditRow> end = new ArrayList<>(rows.subList(0, 9));
    assertThat(verify(end, head, List.of())).extracting("firstBrokenRow", "reason").containsExactly(10L, "removed");
  }

  @Test
  void anInsertedRowIsNamedAtTheEndAndInTheMiddle() {
    List<AuditRow> rows = chain(10);
    ChainVerification.Head head = head(rows);
    List<AuditRow> appended = new ArrayList<>(rows);
    appended.add(next(rows.get(9), "forged"));
    assertThat(verify(appended, head, List.of())).extracting("firstBrokenRow", "reason").containsExactly(11L, "inserted");

    // In the middle: a well-formed row 4 is slipped in and the old rows 4..10 renumbered 5..11,
    // head moved too; the old row 4, now 5, still hashes as row 4.
    List<AuditRow> shifted = new ArrayList<>(rows.subList(0, 3));
    AuditRow inserted = next(rows.get(2), "forged");
    shifted.add(inserted);
    for (AuditRow row : rows.subList(3, 10)) {
      shifted.add(new AuditRow(row.seq() + 1, row.recordedAt(), row.source(), row.kind(), row.subject(), row.actor(), row.details(), row.previousHash(), row.hash()));
    }
    ChainVerification.Head moved = new ChainVerification.Head(11, rows.get(9).hash());
    assertThat(verify(shifted, moved, List.of())).extracting("firstBrokenRow", "reason").containsExactly(4L, "inserted");
  }

  @Test
  void aChainRecomputedFromARewrittenRowDisagreesWithItsSignedCheckpoint() {
    List<AuditRow> rows = chain(10);
    AuditCheckpoint checkpoint = key.checkpoint(8, rows.get(7).hash(), T0);
    List<AuditRow> rewritten = new ArrayList<>(rows.subList(0, 2));
    AuditRow forged = rows.get(2);
    forged = new AuditRow(3, forged.recordedAt(), forged.source(), forged.kind(), forged.subject(), "mallory", forged.details(), forged.previousHash(), null);
    rewritten.add(withHash(forged, AuditChain.hashOf(forged, forged.previousHash(), 3)));
    for (AuditRow row : rows.subList(3, 10)) {
      AuditRow relinked = new AuditRow(row.seq(), row.recordedAt(), row.source(), row.kind(), row.subject(), row.actor(), row.details(), rewritten.get(rewritten.size() - 1).hash(), null);
      rewritten.add(withHash(relinked, AuditChain.hashOf(relinked, relinked.previousHash(), relinked.seq())));
    }
    AuditLogVerification result = verify(rewritten, head(rewritten), List.of(checkpoint));
    assertThat(result).extracting("intact", "firstBrokenRow", "reason").containsExactly(false, 8L, "changed");
  }

  @Test
  void aForgedCheckpointIsNamed() {
    List<AuditRow> rows = chain(4);
    AuditCheckpoint genuine = key.checkpoint(4, rows.get(3).hash(), T0);
    AuditCheckpoint forged = new AuditCheckpoint(4, rows.get(3).hash(), T0.plusSeconds(1), genuine.signature());
    assertThat(verify(rows, head(rows), List.of(forged))).extracting("firstBrokenRow", "reason").containsExactly(4L, "checkpoint");
  }

  @Test
  void aCheckpointVerifiesWithOpenssl(@TempDir Path dir) throws Exception {
    AuditCheckpoint checkpoint = key.checkpoint(42, "ab".repeat(32), Instant.parse("2026-12-06T05:06:07.654321Z"));
    Path certificate = Files.writeString(dir.resolve("audit-key.pem"), key.certificatePem());
    Path text = Files.write(dir.resolve("checkpoint.txt"), checkpoint.signedText().getBytes(StandardCharsets.UTF_8));
    Path signature = Files.write(dir.resolve("checkpoint.sig"), java.util.Base64.getDecoder().decode(checkpoint.signature()));
    assertThat(Files.readString(text))
        .isEqualTo("cabackoffice-audit-checkpoint-v1\nrow=42\nhash=" + "ab".repeat(32) + "\ntime=2026-12-06T05:06:07.654321Z\n");
    Path publicKey = dir.resolve("audit-key.pub");
    assertThat(run(dir, "openssl", "x509", "-in", certificate.toString(), "-pubkey", "-noout", "-out", publicKey.toString())).isZero();
    assertThat(run(dir, "openssl", "dgst", "-sha256", "-verify", publicKey.toString(), "-signature", signature.toString(), text.toString()))
        .isZero();
    Files.writeString(text, checkpoint.signedText().replace("row=42", "row=43"));
    assertThat(run(dir, "openssl", "dgst", "-sha256", "-verify", publicKey.toString(), "-signature", signature.toString(), text.toString()))
        .isNotZero();
  }

  @Test
  void theAuditKeyIsP256AndReopensFromItsFile() throws Exception {
    assertThat(key.certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(((java.security.interfaces.ECPublicKey) key.certificate().getPublicKey()).getParams().getCurve().getField().getFieldSize())
        .isEqualTo(256);
    AuditKey again = AuditKey.open(keys.resolve("audit-key.p12"), "test", false, "CN=ignored", Clock.systemUTC());
    assertThat(again.certificate()).isEqualTo(key.certificate());
  }

  private static int run(Path dir, String... command) throws Exception {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    return process.waitFor();
  }

  private static AuditLogVerification verify(List<AuditRow> rows, ChainVerification.Head head, List<AuditCheckpoint> checkpoints) {
    ChainVerification verification = new ChainVerification(head, checkpoints, key.certificate().getPublicKey());
    rows.forEach(verification::accept);
    return verification.result();
  }

  private static ChainVerification.Head head(List<AuditRow> rows) {
    AuditRow last = rows.get(rows.size() - 1);
    return new ChainVerification.Head(last.seq(), last.hash());
  }

  static List<AuditRow> chain(int length) {
    List<AuditRow> rows = new ArrayList<>();
    AuditRow previous = null;
    for (int i = 0; i < length; i++) {
      previous = next(previous, "{\"n\":" + i + "}");
      rows.add(previous);
    }
    return rows;
  }

  private static AuditRow next(AuditRow previous, String details) {
    long seq = previous == null ? 1 : previous.seq() + 1;
    String previousHash = previous == null ? AuditChain.GENESIS : previous.hash();
    AuditRow row = new AuditRow(seq, T0.plusSeconds(seq), "record", "Test.recorded", "application:1", "officer", details, previousHash, null);
    return withHash(row, AuditChain.hashOf(row, previousHash, seq));
  }

  private static AuditRow withHash(AuditRow row, String hash) {
    return new AuditRow(row.seq(), row.recordedAt(), row.source(), row.kind(), row.subject(), row.actor(), row.details(), row.previousHash(), hash);
  }

  private static String prefixed(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    return String.format("%08x", utf8.length) + HexFormat.of().formatHex(utf8);
  }
}
