package org.cabackoffice.auditlog;

/**
 * One event to be appended: what happened ({@code kind}), to what ({@code subject}), by whom,
 * and its recorded content as canonical JSON ({@code details}).
 *
 * @param source {@code engine} (the process engine's history) or {@code record} (a feature's
 *     evidence record)
 */
public record AuditEntry(String source, String kind, String subject, String actor, String details) {}
