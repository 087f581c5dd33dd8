package org.cabackoffice.auditlog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit log's key and checkpoints ({@code backoffice.audit-log.*}).
 *
 * @param keystorePath the audit key's PKCS#12 file; empty means {@code ${backoffice.data-dir}/ca/audit-key.p12},
 *     beside the development CA's keystore
 * @param keystorePassword its password; empty means the CA keystore's ({@code backoffice.ca.keystore-password})
 * @param createIfMissing whether a missing file gets a new key on start; empty follows {@code
 *     backoffice.ca.create-if-missing}, so a production CA fails on a wrong path instead
 * @param subject the distinguished name of a newly made audit certificate
 * @param checkpointEvery a checkpoint is signed in the append that passes each multiple of this
 *     many rows; the scheduled checkpoint covers quiet periods
 */
@ConfigurationProperties("backoffice.audit-log")
public record AuditLogProperties(
    String keystorePath,
    String keystorePassword,
    Boolean createIfMissing,
    @DefaultValue("CN=CA Back Office Audit Log,O=CA Back Office,C=JP") String subject,
    @DefaultValue("100") int checkpointEvery) {}
