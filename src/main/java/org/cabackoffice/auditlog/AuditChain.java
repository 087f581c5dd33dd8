package org.cabackoffice.auditlog;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The canonical form of a row and the hash that links it to the one before (package-info
 * describes the encoding for outside verifiers). Times are kept to the microsecond, which both
 * H2 and PostgreSQL store exactly, so a row read back hashes as it was written.
 */
public final class AuditChain {

  /** The previous hash of row 1. */
  public static final String GENESIS = "0".repeat(64);

  static final String FORMAT = "cabackoffice-audit-log-v1";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private AuditChain() {}

  /** The instant as stored: truncated to microseconds. */
  public static Instant storable(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  public static String time(Instant instant) {
    return TIME.format(storable(instant));
  }

  /** Length-prefixed UTF-8 fields: the format tag, seq, time, source, kind, subject, actor, details. */
  public static byte[] canonicalForm(
      long seq, Instant recordedAt, String source, String kind, String subject, String actor, String details) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    field(out, FORMAT);
    field(out, Long.toString(seq));
    field(out, time(recordedAt));
    field(out, source);
    field(out, kind);
    field(out, subject);
    field(out, actor);
    field(out, details);
    return out.toByteArray();
  }

  /** SHA-256 over the previous row's hash (32 bytes) and this row's canonical form. */
  public static String hash(String previousHash, byte[] canonicalForm) {
    MessageDigest sha256 = sha256();
    sha256.update(HexFormat.of().parseHex(previousHash));
    sha256.update(canonicalForm);
    return HexFormat.of().formatHex(sha256.digest());
  }

  /** The hash the row should carry if its previous hash were {@code previousHash} and its seq {@code seq}. */
  public static String hashOf(AuditRow row, String previousHash, long seq) {
    return hash(
        previousHash,
        canonicalForm(seq, row.recordedAt(), row.source(), row.kind(), row.subject(), row.actor(), row.details()));
  }

  public static String sha256Hex(byte[] content) {
    return HexFormat.of().formatHex(sha256().digest(content));
  }

  private static void field(ByteArrayOutputStream out, String value) {
    if (value == null) {
      out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
    out.writeBytes(utf8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
