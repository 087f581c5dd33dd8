package org.cabackoffice.auditlog;

/**
 * The log at a glance, read without verifying it.
 *
 * @param rows rows the chain head counts (seq runs gapless from 1)
 * @param lastCheckpoint the latest signed checkpoint as stored, its signature not yet checked (a
 *     verification does that); null before the first
 */
public record AuditLogSummary(long rows, AuditCheckpoint lastCheckpoint) {}
