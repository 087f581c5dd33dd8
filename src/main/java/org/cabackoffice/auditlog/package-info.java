/**
 * The tamper-evident audit log: one table, {@code audit_log}, whose rows form a hash chain, with
 * checkpoints signed by the audit key.
 *
 * <h2>What goes in</h2>
 *
 * <ul>
 *   <li>Engine history ({@code source = engine}, {@code camunda.EngineHistoryFeed}): a handler
 *       added to the engine's composite history handler appends process starts and ends, user-task
 *       completions and deletions, incidents and the user operation log.
 *   <li>The features' evidence records ({@code source = record}, {@link
 *       org.cabackoffice.auditlog.RecordedEvidenceFeed}): Hibernate post-insert and post-update
 *       events of the evidence entities (applications submitted and decided, phone verifications,
 *       issuance approvals, directory imports and corrections, domain evidence, documents, payments,
 *       signings, issued certificates, revocation requests and revocations, refused attempts). This
 *       was chosen over domain events because few exist and a record that is written is by
 *       definition one the log must hold; the features do not know of the log. A record's content
 *       enters as canonical JSON (sorted keys); secrets (tokens), files and texts longer than 512
 *       characters enter as {@code sha256:<hex>}, so the log proves the record without repeating it.
 * </ul>
 *
 * Both feeds queue their entries with {@link org.cabackoffice.auditlog.TransactionAuditTrail}, which
 * appends them just before the recorded step's transaction commits, on its connection (records
 * flushed in the commit itself are appended in Hibernate's before-completion step, which runs only
 * for a commit): nothing is logged for a rolled-back step, and no committed step lacks its entries.
 *
 * <h2>Serialized appends</h2>
 *
 * An append locks the single row of {@code audit_chain_head} ({@code SELECT … FOR UPDATE}), takes
 * the next seq, inserts and moves the head, all in the recorded step's transaction. Nodes sharing
 * one database therefore append one at a time, on H2 and on PostgreSQL alike.
 *
 * <h2>Canonical form and hash (for outside verifiers)</h2>
 *
 * <pre>
 * field(s)  = 4-byte big-endian length of UTF-8(s), then UTF-8(s); a NULL column is FF FF FF FF
 * canonical = field("cabackoffice-audit-log-v1") field(seq as decimal) field(recorded_at)
 *             field(source) field(kind) field(subject) field(actor) field(details)
 * recorded_at = UTC, "yyyy-MM-ddTHH:mm:ss.SSSSSSZ" (microseconds, as stored)
 * hash(row n) = SHA-256( bytes(previous_hash) || canonical(row n) ), stored as lower-case hex
 * previous_hash(row 1) = 64 zeros; previous_hash(row n) = hash(row n-1)
 * </pre>
 *
 * Seq numbers the rows 1, 2, 3… without gaps and is hashed, so a removed row leaves a gap, a row
 * inserted in the middle forces its successors to be renumbered (which breaks their hashes), and a
 * row added after the end lies beyond the chain head.
 *
 * <h2>Checkpoints</h2>
 *
 * Every {@code backoffice.audit-log.checkpoint-every} rows (in the append itself) and every {@code
 * checkpoint-interval} (scheduled), the head is signed with the audit key (EC P-256, its own
 * PKCS#12 beside the CA keystore, certificate at {@code /ca/audit-key.crt}). The signature is ECDSA
 * with SHA-256 (DER, base64 in {@code audit_checkpoint.signature}) over the UTF-8 text
 *
 * <pre>
 * cabackoffice-audit-checkpoint-v1\nrow=SEQ\nhash=HEX\ntime=yyyy-MM-ddTHH:mm:ss.SSSSSSZ\n
 * </pre>
 *
 * which {@code openssl dgst -sha256 -verify} checks. Someone with write access to the database can
 * rewrite rows and recompute every hash after them; a checkpoint they cannot forge then no longer
 * matches. Rows after the latest checkpoint are protected by the chain head alone until the next.
 *
 * <h2>Verification</h2>
 *
 * {@link org.cabackoffice.auditlog.ChainVerification} walks the rows and names the first broken one
 * with {@code changed}, {@code removed}, {@code inserted} or {@code checkpoint}; online at {@code GET
 * /api/audit-log/verification}, offline with {@link org.cabackoffice.auditlog.VerifyAuditLog}.
 */
package org.cabackoffice.auditlog;
