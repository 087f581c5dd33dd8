package org.cabackoffice.auditlog;

import java.time.Instant;

/** A row of {@code audit_log} as stored, hashes in lower-case hex. */
public record AuditRow(
    long seq,
    Instant recordedAt,
    String source,
    String kind,
    String subject,
    String actor,
    String details,
    String previousHash,
    String hash) {}
