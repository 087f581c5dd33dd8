package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cabackoffice.calendar.Deadlines;
import org.cabackoffice.domain.CaaEvidence;
import org.cabackoffice.domain.CaaEvidenceRepository;
import org.cabackoffice.domain.DnsChallengeView;
import org.cabackoffice.domain.RegistrationEvidence;
import org.cabackoffice.domain.RegistrationEvidenceRepository;
import org.cabackoffice.issuance.CertificateAuthority;
import org.cabackoffice.issuance.IssuedCertificateRepository;
import org.cabackoffice.mail.CaughtMail;
import org.cabackoffice.testsupport.CsrFactory;
import org.cabackoffice.testsupport.PreviousSystemCertificate;
import org.cabackoffice.workflow.RenewalProcess;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Applications through the HTTP API from submission to the certificate in the technical
 * contact's mailbox, the chain checked by the JDK's PKIX validator for serverAuth.
 */
class CertificateApplicationIT extends BackOfficeIT {

  static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

  @Autowired CertificateAuthority ca;
  @Autowired RegistrationEvidenceRepository registrationEvidence;
  @Autowired CaaEvidenceRepository caaEvidence;
  @Autowired Deadlines deadlines;
  @Autowired JdbcTemplate jdbc;
  @Autowired IssuedCertificateRepository certificates;

  @BeforeAll
  static void registries() {
    // The applicant holds sample-direct.jp; sample-hosted.jp is held by its hosting company.
    WHOIS.answer("sample-direct.jp", jprsRecord("sample-direct.jp", "Sample K.K.", "hostmaster@sample.co.jp"));
    WHOIS.answer(
        "sample-hosted.jp",
        jprsRecord("sample-hosted.jp", "Web Hosting Japan Co., Ltd.", "hostmaster@webhosting.example.jp"));
    WHOIS.answer(
        "sample-refused.jp", jprsRecord("sample-refused.jp", "Sample K.K.", "hostmaster@sample.co.jp"));
  }

  @Test
  void newApplicationWithDomainConsentAndDocumentsEndsInAMailedCertificate() throws Exception {
    KeyPair key = CsrFactory.p256();
    long id =
        submit(
            form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr(key, "www.sample-hosted.jp", "sample-hosted.jp"), null));
    runJobs();
    assertThat(stage(id)).containsExactly("Wait for domain-use consent");

    // Guide [3-1]: the WHOIS contact is asked, with the guide's subject, and approves by link.
    CaughtMail consentMail = only(mailsTo("hostmaster@webhosting.example.jp"));
    assertThat(consentMail.subject()).isEqualTo("ドメイン名 (sample-hosted.jp) 使用権確認のお願い");
    String consentLink = link(consentMail, "domain-consent");
    assertThat(http.getForEntity(consentLink, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(postForm(consentLink, "decision", "approve").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(postForm(consentLink, "decision", "approve").getStatusCode()).isEqualTo(HttpStatus.GONE);
    runJobs();

    // The registrant's consent is no proof of control (BR 3.2.2.4, ballot SC-080): the
    // technical contact gets a DNS challenge and publishes it.
    assertThat(stage(id)).containsExactly("Wait before checking again");
    assertThat(mailsTo(CUSTOMER)).anyMatch(m -> m.subject().startsWith("ドメイン名 (sample-hosted.jp) の DNS 確認のお願い"));
    proveDomainControl(id);

    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NEEDED", "documentsNote", "登記事項証明書 (certificate of registered matters)"));
    CaughtMail uploadMail =
        mailsTo(CUSTOMER).stream().filter(m -> m.text().contains("/public/documents/")).findFirst().orElseThrow();
    ResponseEntity<String> upload = uploadPdf(link(uploadMail, "documents"));
    assertThat(upload.getStatusCode().is2xxSuccessful()).as(upload.getBody()).isTrue();
    runJobs();
    completeTask(id, "review-documents", "officer2", Map.of("documentsReview", "ACCEPTED", "documentsReviewNote", "registry certificate matches"));

    // Guide [3-2]: the invoice names the customer's virtual account; an officer records the money.
    @SuppressWarnings("unchecked")
    Map<String, Object> invoice = as("officer", "officer").getForObject("/api/applications/" + id + "/invoice", Map.class);
    assertThat((String) invoice.get("accountNumber")).matches("\\d{7}");
    ResponseEntity<String> paid =
        as("officer", "officer")
            .postForEntity(
                "/api/applications/" + id + "/payments",
                Map.of("amountYen", invoice.get("totalYen"), "valueDate", java.time.LocalDate.now(org.cabackoffice.calendar.BusinessCalendar.ZONE).toString(), "reference", "ﾌﾘｺﾐ ｻﾝﾌﾟﾙ"),
                String.class);
    assertThat(paid.getStatusCode()).as(paid.getBody()).isEqualTo(HttpStatus.CREATED);
    runJobs();

    confirmByPhone(id, "officer");
    completeTask(id, "approve-issuance", "senior", Map.of("issuanceDecision", "APPROVE", "approvalNote", "all checks recorded"));

    assertThat(status(id)).isEqualTo("ISSUED");
    X509Certificate leaf = assertMailedCertificateValidates("グローバル・サーバ ID", "www.sample-hosted.jp");
    // DESIGN.md: an issued application's GET names its certificate's serial.
    String serial = (String) customer().getForObject("/api/applications/" + id, Map.class).get("serial");
    assertThat(serial).isEqualTo(certificates.findFirstByApplicationId(id).orElseThrow().serial());
    assertThat(new java.math.BigInteger(serial, 16)).isEqualTo(leaf.getSerialNumber());
    assertThat(leaf.getSubjectAlternativeNames())
        .extracting(n -> (Object) n.get(1))
        .containsExactlyInAnyOrder("www.sample-hosted.jp", "sample-hosted.jp");
  }

  @Test
  void renewalOfAnImportedCertificateIsIssuedBeforePayment() throws Exception {
    Instant now = Instant.now();
    PreviousSystemCertificate.Issued previous =
        PreviousSystemCertificate.issue(
            "www.sample-direct.jp", now.minus(300, ChronoUnit.DAYS), now.plus(60, ChronoUnit.DAYS));
    ResponseEntity<String> imported = importCertificate(previous.pem());
    assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);

    long id =
        submit(
            form(
                "SECURE_SERVER_ID",
                "RENEWAL",
                "DEFERRED",
                csr(CsrFactory.rsa2048(), "www.sample-direct.jp", "www.sample-direct.jp"),
                previous.serialHex()));
    runJobs();
    proveDomainControl(id);
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "renewal, registrant unchanged"));
    // 先行納入手配: no wait for the money; the invoice is still sent.
    assertThat(stage(id)).containsExactly("Verify responsible person by phone");
    assertThat(mailsTo(CUSTOMER)).anyMatch(m -> m.subject().contains("申請番号 " + id));
    confirmByPhone(id, "officer2");
    completeTask(id, "approve-issuance", "senior", Map.of("issuanceDecision", "APPROVE", "approvalNote", "renewal"));

    assertThat(status(id)).isEqualTo("ISSUED");
    assertMailedCertificateValidates("セキュア・サーバ ID", "www.sample-direct.jp");
  }

  @Test
  void aSecondApplicationOfTheSameResponsiblePersonReusesThePhoneVerification() throws Exception {
    WHOIS.answer("sample-again.jp", jprsRecord("sample-again.jp", "Sample K.K.", "hostmaster@sample.co.jp"));
    String responsible = "Jiro Again";
    long first =
        submit(form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr(CsrFactory.p256(), "www.sample-again.jp", "www.sample-again.jp"), null, responsible));
    runJobs();
    proveDomainControl(first);
    completeTask(first, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    payInvoice(first);
    confirmByPhone(first, "officer");

    // Guide [4]: a valid earlier phone verification may be reused.
    long second =
        submit(form("SECURE_SERVER_ID", "NEW", "BANK_TRANSFER", csr(CsrFactory.p256(), "shop.sample-again.jp", "shop.sample-again.jp"), null, responsible));
    runJobs();
    // BR 4.2.1: the first application's DNS validation counts for the same applicant.
    assertThat(stage(second)).containsExactly("Decide whether documents are needed");
    completeTask(second, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    payInvoice(second);
    assertThat(stage(second)).containsExactly("Approve issuance");
    // The officer of the reused call validated this application too: not the approver.
    org.camunda.bpm.engine.task.Task approval =
        tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(second)).singleResult();
    assertThat(tasks.getVariable(approval.getId(), "validatedBy")).isEqualTo("officer");
  }

  @Test
  void responsiblePersonDenyingTheApplicationRejectsItAndTellsTheTechnicalContact() throws Exception {
    Map<String, Object> order =
        form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr(CsrFactory.p256(), "www.sample-refused.jp", "www.sample-refused.jp"), null);
    order.put("licences", 2);
    order.put("serverSoftware", "APACHE_OPENSSL");
    long id = submit(order);
    // What was ordered is what the customer and staff read back.
    @SuppressWarnings("unchecked")
    Map<String, Object> ordered = customer().getForObject("/api/applications/" + id, Map.class);
    assertThat(ordered).containsEntry("licences", 2).containsEntry("serverSoftware", "APACHE_OPENSSL");
    runJobs();
    proveDomainControl(id);
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    payInvoice(id);
    completeTask(id, "verify-by-phone", "officer", Map.of("phoneOutcome", "REFUSED", "spokeWith", "Ichiro Yamada", "phoneNote", "did not order a certificate"));

    @SuppressWarnings("unchecked")
    Map<String, Object> view = customer().getForObject("/api/applications/" + id, Map.class);
    assertThat(view.get("status")).isEqualTo("REJECTED");
    @SuppressWarnings("unchecked")
    Map<String, Object> rejection = (Map<String, Object>) view.get("rejection");
    assertThat(rejection.get("code")).isEqualTo("PHONE_VERIFICATION_REFUSED");
    assertThat(mailsTo(CUSTOMER)).anyMatch(m -> m.subject().contains("申請のお断り (申請番号 " + id + ")"));
  }

  @Test
  void anOrganizationTypeDomainsConsentMailGoesToTheContactsItsHandlesName() throws Exception {
    // .co.jp records name their contacts by JP handle; their addresses are in contact records.
    WHOIS.answer(
        "hosted-shop.co.jp",
        """
        Domain Information: [ドメイン情報]
        a. [ドメイン名]                 HOSTED-SHOP.CO.JP
        f. [組織名]                     ウェブホスティング株式会社
        g. [Organization]               Web Hosting Japan K.K.
        m. [登録担当者]                 WH100JP
        n. [技術連絡担当者]             WH200JP
        """,
        Charset.forName("ISO-2022-JP"));
    WHOIS.answer("CONTACT WH100JP", "Contact Information:\nd. [E-Mail]    admin@webhosting.example.jp\n");
    WHOIS.answer("CONTACT WH200JP", "Contact Information:\nd. [E-Mail]    noc@webhosting.example.jp\n");
    long id =
        submit(form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr(CsrFactory.p256(), "www.hosted-shop.co.jp", "www.hosted-shop.co.jp"), null));
    runJobs();

    assertThat(stage(id)).containsExactly("Wait for domain-use consent");
    for (String contact : List.of("admin@webhosting.example.jp", "noc@webhosting.example.jp")) {
      assertThat(only(mailsTo(contact)).subject()).isEqualTo("ドメイン名 (hosted-shop.co.jp) 使用権確認のお願い");
    }
    RegistrationEvidence evidence = registrationEvidence.findByDomainNameOrderByQueriedAtDesc("hosted-shop.co.jp").get(0);
    assertThat(evidence.getContactEmails()).containsExactly("admin@webhosting.example.jp", "noc@webhosting.example.jp");
    assertThat(evidence.getContactRecords()).contains("> CONTACT WH100JP", "> CONTACT WH200JP", "noc@webhosting.example.jp");
  }

  @Test
  void aWhoisContactDecliningTheUseOfTheDomainEndsTheApplication() throws Exception {
    WHOIS.answer(
        "sample-declined.jp",
        jprsRecord("sample-declined.jp", "Domain Parking Co., Ltd.", "owner@parking.example.jp"));
    long id =
        submit(form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr(CsrFactory.p256(), "www.sample-declined.jp", "www.sample-declined.jp"), null));
    runJobs();
    String consentLink = link(only(mailsTo("owner@parking.example.jp")), "domain-consent");
    assertThat(postForm(consentLink, "decision", "decline").getStatusCode()).isEqualTo(HttpStatus.OK);
    runJobs();

    assertThat(status(id)).isEqualTo("REJECTED");
    assertThat(rejectionCode(id)).isEqualTo("DOMAIN_CONSENT_DECLINED");
    assertThat(mailsTo(CUSTOMER)).anyMatch(m -> m.subject().contains("申請のお断り (申請番号 " + id + ")"));
  }

  @Test
  void unansweredConsentIsRemindedThenExpiresAndTheLinkStopsWorking() throws Exception {
    WHOIS.answer(
        "sample-silent.jp",
        jprsRecord("sample-silent.jp", "Silent Hosting Co., Ltd.", "noc@silent.example.jp"));
    long id =
        submit(form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr(CsrFactory.p256(), "www.sample-silent.jp", "www.sample-silent.jp"), null));
    runJobs();
    String consentLink = link(only(mailsTo("noc@silent.example.jp")), "domain-consent");
    // The reminder is set the configured business days ahead (5 by default), not at the expiry.
    org.camunda.bpm.engine.runtime.Job reminder =
        management.createJobQuery().timers().activityId("domain-consent-reminder-due").processInstanceId(processInstanceId(id)).singleResult();
    assertThat(reminder.getDuedate()).isCloseTo(deadlines.reminder(), 60_000);

    fireTimer(id, "domain-consent-reminder-due");
    assertThat(mailsTo("noc@silent.example.jp")).hasSize(2);
    assertThat(status(id)).isEqualTo("IN_PROGRESS");
    fireTimer(id, "domain-consent-expired");

    assertThat(status(id)).isEqualTo("REJECTED");
    assertThat(rejectionCode(id)).isEqualTo("DOMAIN_CONSENT_EXPIRED");
    assertThat(http.getForEntity(consentLink, String.class).getStatusCode()).isEqualTo(HttpStatus.GONE);
    assertThat(mailsTo(CUSTOMER)).anyMatch(m -> m.subject().contains("申請のお断り (申請番号 " + id + ")"));
  }

  @Test
  void aDnsRecordThatNeverAnswersInTimeIsLookedForUntilTheChallengeExpires() throws Exception {
    long id = registrantMatched("sample-slowdns.jp");
    DnsChallengeView challenge = dnsChallenges.challenges(id).get(0);
    DNS.txt(challenge.recordName(), challenge.value());
    DNS.delay(challenge.recordName(), 2_500); // the resolver gives up after 1 s

    fireTimer(id, "dns-recheck-wait");
    // A timeout says nothing about the record: not yet, look again later.
    assertThat(stage(id)).containsExactly("Wait before checking again");
    assertThat(status(id)).isEqualTo("IN_PROGRESS");

    // Thirty days on, the random value has expired (BR 3.2.2.4.7) and the next look ends it.
    jdbc.update(
        "update dns_challenge set expires_at = ? where application_id = ?",
        java.sql.Timestamp.from(Instant.now().minusSeconds(60)),
        id);
    fireTimer(id, "dns-recheck-wait");
    assertThat(status(id)).isEqualTo("REJECTED");
    assertThat(rejectionCode(id)).isEqualTo("DOMAIN_CONTROL_NOT_VALIDATED");
    assertThat(mailsTo(CUSTOMER)).anyMatch(m -> m.subject().contains("申請のお断り (申請番号 " + id + ")"));
    DNS.remove(challenge.recordName());
  }

  @Test
  void anOfficerDecidesWhetherACloseRegistrantNameIsTheApplicant() throws Exception {
    WHOIS.answer("sample-close.jp", jprsRecord("sample-close.jp", "Sampl K.K.", "hostmaster@sample.co.jp"));
    long id =
        submit(form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr(CsrFactory.p256(), "www.sample-close.jp", "www.sample-close.jp"), null));
    runJobs();
    assertThat(stage(id)).containsExactly("Compare registrant with applicant");

    org.camunda.bpm.engine.task.Task task =
        tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).singleResult();
    assertThat(tasks.getVariable(task.getId(), "registrantOrganization")).isEqualTo("Sampl K.K.");
    tasks.claim(task.getId(), "officer");
    // Nothing running inside the engine decides in an officer's name: only someone logged in.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> tasks.complete(task.getId(), Map.of("registrantDecision", "SAME", "registrantComparisonNote", "x")))
        .hasMessageContaining("logged in");
    // Without a reason nothing is recorded and the task stays open.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> completeAs("officer", task.getId(), Map.of("registrantDecision", "SAME")))
        .hasMessageContaining("kept as evidence");
    completeAs("officer", task.getId(), Map.of("registrantDecision", "SAME", "registrantComparisonNote", "typo in the WHOIS record"));
    runJobs();
    assertThat(stage(id)).containsExactly("Wait before checking again");
  }

  @Test
  void aFailedCaaLookupIsRetriedAndEachAttemptStaysOnRecord() throws Exception {
    long id = validatedUpToApproval("sample-servfail.jp");
    DNS.servfail("www.sample-servfail.jp");
    Task approval =
        tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey("approve-issuance").singleResult();
    tasks.claim(approval.getId(), "senior");
    completeAs("senior", approval.getId(), Map.of("issuanceDecision", "APPROVE", "approvalNote", "ok"));

    Job check = management.createJobQuery().processInstanceId(processInstanceId(id)).activityId("check-caa").singleResult();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> management.executeJob(check.getId()))
        .hasMessageContaining("CAA could not be looked up, nothing signed");

    // The job rolled back, the attempt did not: auditors see what the resolver said.
    List<CaaEvidence> attempts = caaEvidence.findByApplicationIdOrderByCheckedAt(id);
    assertThat(attempts).hasSize(1);
    assertThat(attempts.get(0).isPermitted()).isFalse();
    assertThat(attempts.get(0).getFindings()).anyMatch(v -> v.contains("failed"));
    assertThat(certificates.findFirstByApplicationId(id)).isEmpty();

    // The resolver recovers; the retried job issues.
    DNS.remove("www.sample-servfail.jp");
    management.setJobRetries(check.getId(), 1);
    management.executeJob(check.getId());
    runJobs();
    // The retried check, then the recheck right before signing (BR 3.2.2.8): both permitted.
    assertThat(caaEvidence.findByApplicationIdOrderByCheckedAt(id))
        .extracting(CaaEvidence::isPermitted)
        .containsExactly(false, true, true);
    assertThat(status(id)).isEqualTo("ISSUED");
  }

  @Test
  void aPaymentMessageWithoutARecordedPaymentSignsNothing() throws Exception {
    long id = domainControlled("sample-unpaid.jp");
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    // Whatever moves the process past the payment wait (here the bare message), signing reads
    // the invoice itself.
    runtime
        .createMessageCorrelation(RenewalProcess.Messages.PAYMENT_RECEIVED)
        .processInstanceBusinessKey(String.valueOf(id))
        .correlate();
    runJobs();
    confirmByPhone(id, "officer");
    Task approval =
        tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey("approve-issuance").singleResult();
    tasks.claim(approval.getId(), "senior");
    completeAs("senior", approval.getId(), Map.of("issuanceDecision", "APPROVE", "approvalNote", "ok"));

    org.assertj.core.api.Assertions.assertThatThrownBy(this::runJobs)
        .hasMessageContaining("the invoice is OPEN, not paid; nothing signed");
    assertThat(certificates.findFirstByApplicationId(id)).isEmpty();
    assertThat(status(id)).isEqualTo("IN_PROGRESS");
  }

  @Test
  void caaChangedBetweenItsCheckAndSigningEndsTheApplication() throws Exception {
    long id = validatedUpToApproval("sample-caa-late.jp");
    Task approval =
        tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey("approve-issuance").singleResult();
    tasks.claim(approval.getId(), "senior");
    completeAs("senior", approval.getId(), Map.of("issuanceDecision", "APPROVE", "approvalNote", "ok"));
    Job check = management.createJobQuery().processInstanceId(processInstanceId(id)).activityId("check-caa").singleResult();
    management.executeJob(check.getId());
    // The domain's holder names another CA before the signing job runs (BR 3.2.2.8: right before).
    DNS.caa("sample-caa-late.jp", 0, "issue", "other-ca.example");
    runJobs();

    assertThat(status(id)).isEqualTo("REJECTED");
    assertThat(rejectionCode(id)).isEqualTo("CAA_FORBIDS");
    assertThat(certificates.findFirstByApplicationId(id)).isEmpty();
    assertThat(mailsTo(CUSTOMER)).anyMatch(m -> m.subject().contains("申請のお断り (申請番号 " + id + ")"));
    DNS.remove("sample-caa-late.jp");
  }

  @Test
  void anApplicationPastItsServiceLevelIsBroughtToTheTeamDaily() throws Exception {
    long id = domainControlled("sample-overdue.jp");
    assertThat(stage(id)).containsExactly("Decide whether documents are needed");

    fireTimer(id, "overdue-reminder-due");
    CaughtMail reminder = only(mailsTo("validation-team@backoffice.example"));
    assertThat(reminder.subject()).contains("申請番号 " + id + " (www.sample-overdue.jp)");
    assertThat(reminder.text()).contains("Waiting for: Decide whether documents are needed");
    // The cycle goes on while the application waits; a second firing the same day mails nobody again.
    fireTimer(id, "overdue-reminder-due");
    assertThat(mailsTo("validation-team@backoffice.example")).hasSize(1);
    assertThat(stage(id)).containsExactly("Decide whether documents are needed");
  }

  @Test
  void caaRecordsNamingAnotherCaStopIssuance() throws Exception {
    // RFC 8659: the record at the registered domain governs the names below it.
    DNS.caa("sample-caa.jp", 0, "issue", "other-ca.example");
    long id = validatedUpToApproval("sample-caa.jp");
    completeTask(id, "approve-issuance", "senior", Map.of("issuanceDecision", "APPROVE", "approvalNote", "ok"));

    @SuppressWarnings("unchecked")
    Map<String, Object> view = customer().getForObject("/api/applications/" + id, Map.class);
    assertThat(view.get("status")).isEqualTo("REJECTED");
    @SuppressWarnings("unchecked")
    Map<String, Object> rejection = (Map<String, Object>) view.get("rejection");
    assertThat(rejection.get("code")).isEqualTo("CAA_FORBIDS");
    assertThat((String) rejection.get("reason")).contains("www.sample-caa.jp");
  }

  @Test
  void caaParametersRestrictAnApplicationToTheNamedAccountAndMethod() throws Exception {
    // RFC 8657 (BR 4.2.2.1.2, SC-098): validationmethods lists only the persistent TXT record, and
    // this application's name was validated by DNS change (ca-tbr-7).
    DNS.caa("sample-caa-method.jp", 0, "issue", "backoffice.example; validationmethods=ca-tbr-22");
    long refused = validatedUpToApproval("sample-caa-method.jp");
    completeTask(refused, "approve-issuance", "senior", Map.of("issuanceDecision", "APPROVE", "approvalNote", "ok"));

    assertThat(status(refused)).isEqualTo("REJECTED");
    assertThat(rejectionCode(refused)).isEqualTo("CAA_FORBIDS");
    @SuppressWarnings("unchecked")
    Map<String, Object> rejection =
        (Map<String, Object>) customer().getForObject("/api/applications/" + refused, Map.class).get("rejection");
    assertThat((String) rejection.get("reason"))
        .contains("validationmethods ca-tbr-22 does not list ca-tbr-7 (BR 3.2.2.4.7)");

    // The applicant's own storefront account and its method: issued.
    long permitted = validatedUpToApproval("sample-caa-account.jp");
    Object account =
        customer().getForObject("/api/applications/" + permitted + "/domain-validation-method", Map.class)
            .get("accountUri");
    DNS.caa("sample-caa-account.jp", 0, "issue",
        "backoffice.example; accounturi=" + account + "; validationmethods=ca-tbr-7");
    completeTask(permitted, "approve-issuance", "senior", Map.of("issuanceDecision", "APPROVE", "approvalNote", "ok"));
    runJobs();

    assertThat(status(permitted)).isEqualTo("ISSUED");
    DNS.remove("sample-caa-method.jp");
    DNS.remove("sample-caa-account.jp");
  }

  @Test
  void intakeRefusesWhatCannotBeIssuedAndSaysWhy() throws Exception {
    Instant now = Instant.now();
    PreviousSystemCertificate.Issued recent =
        PreviousSystemCertificate.issue("shop.sample-direct.jp", now.minus(10, ChronoUnit.DAYS), now.plus(300, ChronoUnit.DAYS));
    importCertificate(recent.pem());
    String csr = csr(CsrFactory.p256(), "shop.sample-direct.jp", "shop.sample-direct.jp");

    // Guide, introduction: renewal opens 30 days after issuance.
    assertRefused(form("GLOBAL_SERVER_ID", "RENEWAL", "BANK_TRANSFER", csr, recent.serialHex()), 422, "renewal.too-early");
    assertRefused(form("GLOBAL_SERVER_ID", "RENEWAL", "BANK_TRANSFER", csr, "0badc0ffee"), 422, "renewal.certificate-unknown");
    assertRefused(form("GLOBAL_SERVER_ID", "RENEWAL", "BANK_TRANSFER", csr, "not-a-serial"), 422, "renewal.serial-invalid");
    // Guide [3-2]: deferred payment is for renewals only.
    assertRefused(form("GLOBAL_SERVER_ID", "NEW", "DEFERRED", csr, null), 422, "payment.deferred-needs-renewal");
    assertRefused(form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", "not a csr", null), 400, "csr.unreadable");
    Map<String, Object> noProduct = form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null);
    noProduct.remove("product");
    assertRefused(noProduct, 400, "field.invalid");
    // A value of the wrong kind names its field.
    assertRefused(form("PLATINUM_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null), 400, "body.unreadable", "product");
    Map<String, Object> maybe = form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null);
    maybe.put("express", "maybe");
    assertRefused(maybe, 400, "body.unreadable", "express");
    // Guide, renewal: the CSR's CN is the renewed certificate's CN.
    PreviousSystemCertificate.Issued due =
        PreviousSystemCertificate.issue("mail.sample-direct.jp", now.minus(40, ChronoUnit.DAYS), now.plus(280, ChronoUnit.DAYS));
    importCertificate(due.pem());
    assertRefused(
        form("GLOBAL_SERVER_ID", "RENEWAL", "BANK_TRANSFER", csr(CsrFactory.p256(), "www.sample-direct.jp", "www.sample-direct.jp"), due.serialHex()),
        422,
        "subject.cn.mismatch");
    // The serial belongs to renewals, and a renewal needs one.
    assertRefused(form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr, recent.serialHex()), 422, "new.has-serial");
    assertRefused(form("GLOBAL_SERVER_ID", "RENEWAL", "BANK_TRANSFER", csr, null), 422, "renewal.serial-missing");
    // Guide [1-3]: the technical contact is the storefront user the certificate is mailed to.
    Map<String, Object> otherContact = form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null);
    otherContact.put("technicalContact", Map.of("company", "Sample K.K.", "name", "Someone", "email", "someone@example.jp"));
    assertRefused(otherContact, 422, "technical-contact.not-user-id");
    // Every finding at once: the form's and the CSR's.
    otherContact.put("csr", csr(CsrFactory.p256(), "intranet", "intranet"));
    ResponseEntity<String> both = customer().postForEntity("/api/applications", otherContact, String.class);
    assertThat(both.getStatusCode().value()).isEqualTo(422);
    assertThat(both.getBody()).contains("technical-contact.not-user-id").contains("\"field\":\"csr\"");

    // A body far beyond any CSR is refused before it is read into memory.
    ResponseEntity<String> huge =
        customer()
            .exchange(
                "/api/applications",
                org.springframework.http.HttpMethod.POST,
                json("{\"csr\": \"" + "A".repeat(2_000_000) + "\"}"),
                String.class);
    assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    // ...also when the path is percent-encoded.
    assertThat(
            customer()
                .exchange(
                    java.net.URI.create(http.getRootUri() + "/%61pi/applications"),
                    org.springframework.http.HttpMethod.POST,
                    json("{\"csr\": \"" + "A".repeat(2_000_000) + "\"}"),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);

    ResponseEntity<String> malformed =
        customer().exchange("/api/applications", org.springframework.http.HttpMethod.POST, json("{\"product\": \"PLATINUM\"}"), String.class);
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(http.postForEntity("/api/applications", noProduct, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // Officers do not submit on a customer's behalf; customers read only their own applications.
    assertThat(
            as("officer", "officer")
                .postForEntity("/api/applications", form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null), String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    long id = submit(form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null));
    assertThat(as(AGENCY, "customer").getForEntity("/api/applications/" + id, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(as("auditor", "auditor").getForEntity("/api/applications/" + id, String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  // --- steps ---------------------------------------------------------------------------------

  private X509Certificate assertMailedCertificateValidates(String productNameJa, String dnsName) throws Exception {
    CaughtMail issued =
        mailsTo(CUSTOMER).stream()
            .filter(m -> m.subject().equals("サーバ ID 発行のお知らせ (" + productNameJa + ")"))
            .filter(m -> m.text().contains(dnsName))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no issuance mail for " + dnsName));
    assertThat(issued.attachments()).contains("server.crt", "intermediate.crt");
    List<X509Certificate> certificates = certificatesIn(issued.text());
    assertThat(certificates).hasSize(2);
    X509Certificate leaf = certificates.get(0);
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.rootCertificate(), null)));
    parameters.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(certificates), parameters);
    assertThat(leaf.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    assertThat(leaf.getSubjectX500Principal().getName()).contains("CN=" + dnsName).contains("O=Sample K.K.");
    return leaf;
  }

  private static List<X509Certificate> certificatesIn(String text) throws Exception {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    Matcher m = Pattern.compile("-----BEGIN CERTIFICATE-----[\\s\\S]+?-----END CERTIFICATE-----").matcher(text);
    List<X509Certificate> found = new java.util.ArrayList<>();
    while (m.find()) {
      found.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.US_ASCII))));
    }
    return found;
  }

  /** An application for www.{@code domain}, registered to the applicant: it waits for DNS. */
  private long registrantMatched(String domain) throws Exception {
    WHOIS.answer(domain, jprsRecord(domain, "Sample K.K.", "hostmaster@sample.co.jp"));
    long id =
        submit(form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr(CsrFactory.p256(), "www." + domain, "www." + domain), null));
    runJobs();
    return id;
  }

  /** As {@link #registrantMatched}, with domain control proven: it waits for the documents decision. */
  private long domainControlled(String domain) throws Exception {
    long id = registrantMatched(domain);
    proveDomainControl(id);
    return id;
  }

  /**
   * An application for www.{@code domain}, registered to the applicant, taken through domain
   * control, documents (not needed), payment and the phone call: it waits for the approval.
   */
  private long validatedUpToApproval(String domain) throws Exception {
    long id = domainControlled(domain);
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    payInvoice(id);
    confirmByPhone(id, "officer");
    return id;
  }

  private long submit(Map<String, Object> form) {
    ResponseEntity<Map> created = customer().postForEntity("/api/applications", form, Map.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).isNotNull();
    long id = ((Number) created.getBody().get("id")).longValue();
    // The answer to the POST and every later read show the same stored instant.
    assertThat(customer().getForObject("/api/applications/" + id, Map.class).get("submittedAt"))
        .isEqualTo(created.getBody().get("submittedAt"));
    return id;
  }

  private void assertRefused(Map<String, Object> form, int status, String code) {
    ResponseEntity<String> refused = customer().postForEntity("/api/applications", form, String.class);
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(status);
    assertThat(refused.getBody()).contains("\"code\":\"" + code + "\"");
  }

  private void assertRefused(Map<String, Object> form, int status, String code, String field) {
    ResponseEntity<String> refused = customer().postForEntity("/api/applications", form, String.class);
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(status);
    assertThat(refused.getBody()).contains("\"code\":\"" + code + "\"").contains("\"field\":\"" + field + "\"");
  }

  private ResponseEntity<String> importCertificate(String pem) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.TEXT_PLAIN);
    return as("admin", "admin")
        .postForEntity("/api/certificates/import?customer=" + CUSTOMER, new HttpEntity<>(pem, headers), String.class);
  }

  @SuppressWarnings("unchecked")
  private List<String> stage(long id) {
    Map<String, Object> view = customer().getForObject("/api/applications/" + id, Map.class);
    return (List<String>) view.get("stage");
  }

  private void fireTimer(long id, String activityId) {
    org.camunda.bpm.engine.runtime.Job timer =
        management.createJobQuery().timers().activityId(activityId).processInstanceId(processInstanceId(id)).singleResult();
    assertThat(timer).as("timer " + activityId).isNotNull();
    management.executeJob(timer.getId());
    runJobs();
  }

  @SuppressWarnings("unchecked")
  private String rejectionCode(long id) {
    Map<String, Object> view = customer().getForObject("/api/applications/" + id, Map.class);
    return (String) ((Map<String, Object>) view.get("rejection")).get("code");
  }

  private String status(long id) {
    @SuppressWarnings("unchecked")
    Map<String, Object> view = customer().getForObject("/api/applications/" + id, Map.class);
    return (String) view.get("status");
  }

  private ResponseEntity<String> postForm(String path, String name, String value) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
    body.add(name, value);
    return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> uploadPdf(String path) {
    byte[] pdf = org.cabackoffice.documents.DocumentFixtures.pdf(1);
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add(
        "file",
        new ByteArrayResource(pdf) {
          @Override
          public String getFilename() {
            return "touki.pdf";
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static String csr(KeyPair key, String commonName, String... sans) throws Exception {
    return CsrFactory.pem(key, "CN=" + commonName + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of(sans));
  }

  /**
   * A form whose responsible person is new each time, so no application reuses another's phone
   * verification (guide [4]) unless a test means it to.
   */
  static Map<String, Object> form(String product, String type, String payment, String csr, String renewedSerial) {
    return form(product, type, payment, csr, renewedSerial, "Ichiro Yamada " + RESPONSIBLE_PEOPLE.incrementAndGet());
  }

  static final java.util.concurrent.atomic.AtomicInteger RESPONSIBLE_PEOPLE = new java.util.concurrent.atomic.AtomicInteger();

  static Map<String, Object> form(
      String product, String type, String payment, String csr, String renewedSerial, String responsiblePerson) {
    Map<String, Object> form = new HashMap<>();
    form.put("product", product);
    form.put("applicationType", type);
    form.put("csr", csr);
    form.put("express", false);
    form.put("paymentMethod", payment);
    form.put(
        "organization",
        Map.of("nameEn", "Sample K.K.", "nameJa", "サンプル株式会社", "locality", "Chuo-ku", "stateOrProvince", "Tokyo", "country", "JP"));
    form.put(
        "responsiblePerson",
        Map.of("name", responsiblePerson, "title", "General Manager", "email", "yamada@sample.co.jp", "phone", "03-5555-0101"));
    form.put("technicalContact", Map.of("company", "Sample K.K.", "name", "Hanako Web", "email", CUSTOMER));
    if (renewedSerial != null) {
      form.put("renewedCertificateSerial", renewedSerial);
    }
    return form;
  }

  private static CaughtMail only(List<CaughtMail> mails) {
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }
}
