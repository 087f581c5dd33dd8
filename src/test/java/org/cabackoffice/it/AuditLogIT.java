package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cabackoffice.auditlog.AuditLogVerifier;
import org.cabackoffice.auditlog.VerifyAuditLog;
import org.cabackoffice.csr.BlockedKeys;
import org.cabackoffice.security.RefusedAttempts;
import org.cabackoffice.testsupport.CsrFactory;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log as an auditor relies on it: what the application records and the engine does
 * enters it in the same transaction, and a row changed, removed or inserted directly in the
 * database is named by the online verification and by the offline command alike.
 */
class AuditLogIT extends BackOfficeIT {

  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired RefusedAttempts refusedAttempts;
  @Autowired BlockedKeys blockedKeys;
  @Autowired AuditLogVerifier verifier;
  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;
  @Autowired Environment environment;

  @BeforeAll
  static void registry() {
    WHOIS.answer("audit-log-sample.jp", jprsRecord("audit-log-sample.jp", "Sample K.K.", "hostmaster@sample.co.jp"));
  }

  @Test
  void anApplicationAndItsProcessEnterTheLog() throws Exception {
    long id = submit("www.audit-log-sample.jp");
    List<String> kinds =
        jdbc.queryForList("select kind from audit_log where subject = ? order by seq", String.class, "application:" + id);
    assertThat(kinds).contains("Application.recorded", "process-instance.start");
    Map<String, Object> recorded =
        jdbc.queryForMap("select source, actor, details from audit_log where subject = ? and kind = 'Application.recorded'", "application:" + id);
    assertThat(recorded.get("source")).isEqualTo("record");
    assertThat(recorded.get("actor")).isEqualTo(CUSTOMER);
    assertThat((String) recorded.get("details"))
        .contains("\"commonName\":\"www.audit-log-sample.jp\"")
        // The CSR is in the record; the log holds its hash.
        .contains("\"csrPem\":\"sha256:");
    assertThat(verification("auditor").get("intact")).isEqualTo(true);
  }

  @Test
  void anIssuedApplicationLeavesEveryStepInTheLog() throws Exception {
    long id = submit("shop.audit-log-sample.jp");
    runJobs();
    proveDomainControl(id);
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    payInvoice(id);
    confirmByPhone(id, "officer");
    completeTask(id, "approve-issuance", "senior", Map.of("issuanceDecision", "APPROVE", "approvalNote", "all checks recorded"));

    List<String> kinds =
        jdbc.queryForList("select kind from audit_log where subject = ? order by seq", String.class, "application:" + id);
    assertThat(kinds)
        .contains(
            "Application.recorded",
            "process-instance.start",
            "DnsChallenge.recorded",
            "Payment.recorded",
            "PhoneVerification.recorded",
            "IssuanceApproval.recorded",
            "IssuedCertificate.recorded",
            "Application.changed",
            "user-task.complete");
    assertThat(
            jdbc.queryForList(
                "select actor from audit_log where subject = ? and kind = 'user-task.complete' and details like '%approve-issuance%'",
                String.class,
                "application:" + id))
        .containsExactly("senior");
    assertThat(verification("auditor").get("intact")).isEqualTo(true);
  }

  @Test
  void aRolledBackStepLeavesNothingAndACommittedOneItsRow() {
    String rolledBack = fingerprint();
    transactions.executeWithoutResult(
        status -> {
          blockedKeys.add(rolledBack, "rolled back with the step", "officer");
          // A refusal is kept in a transaction of its own (RefusedAttempts): logged regardless.
          refusedAttempts.record(null, "officer", "audit-log-test", "refused inside a rolled-back step");
          status.setRollbackOnly();
        });
    assertThat(rowsMentioning(rolledBack)).isZero();
    assertThat(rowsMentioning("refused inside a rolled-back step")).isEqualTo(1);

    String committed = fingerprint();
    transactions.executeWithoutResult(status -> blockedKeys.add(committed, "committed with the step", "officer"));
    assertThat(rowsMentioning(committed)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select kind from audit_log where details like ?", String.class, "%" + committed + "%"))
        .isEqualTo("BlockedKey.recorded");
    assertThat(verification("auditor").get("intact")).isEqualTo(true);
  }

  private static String fingerprint() {
    byte[] random = new byte[32];
    new java.security.SecureRandom().nextBytes(random);
    return java.util.HexFormat.of().formatHex(random);
  }

  @Test
  void theVerificationIsForAuditorsOperationsAndAdmins() {
    for (String staff : List.of("auditor", "operator", "admin")) {
      ResponseEntity<Map> answer = as(staff, staff).getForEntity("/api/audit-log/verification", Map.class);
      assertThat(answer.getStatusCode()).as(staff).isEqualTo(HttpStatus.OK);
      // The contract's keys are there when the log is intact too.
      assertThat(answer.getBody()).containsEntry("intact", true).containsEntry("firstBrokenRow", null).containsKey("rows");
    }
    assertThat(customer().getForEntity("/api/audit-log/verification", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("officer", "officer").getForEntity("/api/audit-log/verification", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aChangedRemovedOrInsertedRowIsNamed(@TempDir Path dir) throws Exception {
    refusedAttempts.record(null, "officer", "audit-log-test", "one");
    refusedAttempts.record(null, "officer", "audit-log-test", "two");
    refusedAttempts.record(null, "officer", "audit-log-test", "three");
    long last = jdbc.queryForObject("select max(seq) from audit_log", Long.class);
    long target = last - 1;
    assertThat(verification("auditor")).containsEntry("intact", true).containsEntry("rows", (int) last);
    Path certificate = Files.write(dir.resolve("audit-key.crt"), http.getForObject("/ca/audit-key.crt", byte[].class));
    assertThat(offline(certificate)).isZero();

    // Changed: an actor rewritten.
    String actor = jdbc.queryForObject("select actor from audit_log where seq = ?", String.class, target);
    jdbc.update("update audit_log set actor = 'someone-else' where seq = ?", target);
    assertBroken(target, "changed");
    assertThat(offline(certificate)).isEqualTo(1);
    jdbc.update("update audit_log set actor = ? where seq = ?", actor, target);
    assertThat(verification("auditor").get("intact")).isEqualTo(true);

    // Removed: a row deleted from the middle.
    Map<String, Object> row = jdbc.queryForMap("select * from audit_log where seq = ?", target);
    jdbc.update("delete from audit_log where seq = ?", target);
    assertBroken(target, "removed");
    assertThat(offline(certificate)).isEqualTo(1);
    restore(row);
    assertThat(verification("auditor").get("intact")).isEqualTo(true);

    // Inserted: a row added after the last, chained to it.
    String lastHash = jdbc.queryForObject("select hash from audit_log where seq = ?", String.class, last);
    jdbc.update(
        "insert into audit_log (seq, recorded_at, source, kind, subject, actor, details, previous_hash, hash)"
            + " values (?, ?, 'record', 'IssuanceApproval.recorded', 'application:1', 'senior', '{}', ?, ?)",
        last + 1,
        OffsetDateTime.now(),
        lastHash,
        "ab".repeat(32));
    assertBroken(last + 1, "inserted");
    assertThat(offline(certificate)).isEqualTo(1);
    jdbc.update("delete from audit_log where seq = ?", last + 1);
    assertThat(verification("auditor").get("intact")).isEqualTo(true);
    assertThat(offline(certificate)).isZero();
  }

  @Test
  void aCheckpointVerifiesWithOpensslAndThePublishedCertificate(@TempDir Path dir) throws Exception {
    refusedAttempts.record(null, "officer", "audit-log-test", "before a checkpoint");
    verifier.checkpoint();
    Map<String, Object> answer = verification("auditor");
    assertThat(answer.get("intact")).isEqualTo(true);
    assertThat((Integer) answer.get("checkpoints")).isPositive();
    Map<String, Object> checkpoint = (Map<String, Object>) answer.get("lastCheckpoint");
    assertThat(((Number) checkpoint.get("seq")).longValue())
        .isEqualTo(jdbc.queryForObject("select max(seq) from audit_log", Long.class));

    Path certificate = Files.write(dir.resolve("audit-key.crt"), http.getForObject("/ca/audit-key.crt", byte[].class));
    Path text = Files.write(dir.resolve("checkpoint.txt"), ((String) checkpoint.get("signedText")).getBytes(StandardCharsets.UTF_8));
    Path signature = Files.write(dir.resolve("checkpoint.sig"), Base64.getDecoder().decode((String) checkpoint.get("signature")));
    Path publicKey = dir.resolve("audit-key.pub");
    assertThat(run(dir, "openssl", "x509", "-inform", "DER", "-in", certificate.toString(), "-pubkey", "-noout", "-out", publicKey.toString()))
        .isZero();
    assertThat(run(dir, "openssl", "dgst", "-sha256", "-verify", publicKey.toString(), "-signature", signature.toString(), text.toString()))
        .isZero();
  }

  @Test
  void historyIsRemovedOnlyPastItsRemovalTime() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(configuration.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("certificate-renewal").latestVersion().singleResult().getHistoryTimeToLive())
        .isEqualTo(2000);
    assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
  }

  private void assertBroken(long row, String reason) {
    Map<String, Object> answer = verification("auditor");
    assertThat(answer.get("intact")).as(answer.toString()).isEqualTo(false);
    assertThat(((Number) answer.get("firstBrokenRow")).longValue()).as(answer.toString()).isEqualTo(row);
    assertThat(answer.get("reason")).as(answer.toString()).isEqualTo(reason);
  }

  private void restore(Map<String, Object> row) {
    jdbc.update(
        "insert into audit_log (seq, recorded_at, source, kind, subject, actor, details, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row.get("seq"), row.get("recorded_at"), row.get("source"), row.get("kind"), row.get("subject"), row.get("actor"),
        row.get("details"), row.get("previous_hash"), row.get("hash"));
  }

  private Map<String, Object> verification(String staff) {
    ResponseEntity<Map> answer = as(staff, staff).getForEntity("/api/audit-log/verification", Map.class);
    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private int offline(Path certificate) {
    return VerifyAuditLog.run(
        new String[] {
          "--jdbc-url", environment.getProperty("spring.datasource.url"),
          "--user", environment.getProperty("spring.datasource.username", ""),
          "--password", environment.getProperty("spring.datasource.password", ""),
          "--certificate", certificate.toString()
        });
  }

  private int rowsMentioning(String text) {
    return jdbc.queryForObject("select count(*) from audit_log where details like ?", Integer.class, "%\"" + text + "\"%");
  }

  private long submit(String commonName) throws Exception {
    KeyPair key = CsrFactory.p256();
    String csr = CsrFactory.pem(key, "CN=" + commonName + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of(commonName));
    Map<String, Object> form = CertificateApplicationIT.form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null);
    ResponseEntity<Map> created = customer().postForEntity("/api/applications", new HashMap<>(form), Map.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return ((Number) created.getBody().get("id")).longValue();
  }

  private static int run(Path dir, String... command) throws Exception {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    return process.waitFor();
  }
}
