package org.cabackoffice.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drives bpmn/certificate-renewal.bpmn through each of its paths with the delegates replaced by
 * recording stand-ins: this test is about the model's routing, timers and messages; the real
 * delegates are exercised by the integration tests.
 */
@Deployment(
    resources = {
      "bpmn/certificate-renewal.bpmn",
      "forms/compare-registrant-name.form",
      "forms/confirm-organization.form",
      "forms/review-registry-certificate.form",
      "forms/decide-documents.form",
      "forms/review-documents.form",
      "forms/verify-by-phone.form",
      "forms/review-employment-certificate.form",
      "forms/approve-issuance.form"
    })
class CertificateRenewalProcessTest {

  /**
   * Not named camunda.cfg.xml: the engine REST API of the integration tests would otherwise
   * find that file and start a second "default" engine beside Spring's.
   */
  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder().configurationResource("process-test.camunda.cfg.xml").build();

  ProcessEngine engine;
  RuntimeService runtime;
  TaskService tasks;
  ManagementService management;

  /** Names of the delegates and listeners in the order they ran. */
  final List<String> calls = new ArrayList<>();
  /** What the stand-in delegates answer, per variable. */
  final Map<String, Object> answers = new HashMap<>();
  String rejectedWith;

  @BeforeEach
  void standIns() {
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    management = engine.getManagementService();
    answers.put("csrAcceptable", true);
    answers.put("domainOutcome", "MATCH");
    Date later = Date.from(Instant.now().plus(30, ChronoUnit.DAYS));
    Date soon = Date.from(Instant.now().plus(5, ChronoUnit.DAYS));

    delegate(
        "checkCsrDelegate",
        e -> {
          e.setVariable("csrAcceptable", answers.get("csrAcceptable"));
          if (Boolean.FALSE.equals(answers.get("csrAcceptable"))) {
            e.setVariable("rejectionCode", "CSR_REFUSED");
          }
        });
    delegate(
        "lookUpDomainRegistrantDelegate",
        e -> {
          e.setVariable("domainOutcome", answers.get("domainOutcome"));
          e.setVariable("registrableDomain", "sample.co.jp");
          e.setVariable("whoisContacts", answers.getOrDefault("whoisContacts", "hostmaster@sample.co.jp"));
          if ("REFUSED".equals(answers.get("domainOutcome"))) {
            e.setVariable("rejectionCode", "DOMAIN_NOT_REGISTERED");
          }
        });
    delegate(
        "requestDomainUseConsentDelegate",
        e -> {
          e.setVariable("consentReminderAt", soon);
          e.setVariable("consentExpiresAt", later);
        });
    delegate("remindDomainContactsDelegate", e -> {});
    delegate("closeDomainConsentDelegate", e -> {});
    answers.put("domainControl", "ESTABLISHED");
    answers.put("caaPermitted", true);
    delegate(
        "establishDomainControlDelegate",
        e -> {
          e.setVariable("domainControl", answers.get("domainControl"));
          e.setVariable("dnsRecheckInterval", "PT15M");
        });
    delegate(
        "checkDnsRecordDelegate",
        e -> {
          @SuppressWarnings("unchecked")
          List<String> outcomes = (List<String>) answers.get("dnsRecords");
          e.setVariable("dnsRecord", outcomes.remove(0));
        });
    // Most paths are about later stages: the organization was verified recently and is reused.
    answers.put("organizationLookup", "REUSED");
    answers.put("subjectAgrees", true);
    delegate(
        "lookUpOrganizationDelegate",
        e -> {
          e.setVariable("organizationLookup", answers.get("organizationLookup"));
          e.setVariable("organizationApplicant", "Sample K.K. / サンプル株式会社, 6010001000001");
          e.setVariable("organizationCandidates", "#1 [MATCH, by corporate number] Sample K.K. / サンプル株式会社");
        });
    delegate(
        "compareSubjectWithRecordDelegate",
        e -> {
          e.setVariable("subjectAgrees", answers.get("subjectAgrees"));
          if (Boolean.FALSE.equals(answers.get("subjectAgrees"))) {
            e.setVariable("rejectionDetail", "the CSR's locality (L) \"Minato-ku\" is not the registered \"Chuo-ku\"");
          }
        });
    delegate(
        "requestRegistryCertificateDelegate",
        e -> {
          e.setVariable("registryCertificateReminderAt", soon);
          e.setVariable("registryCertificateExpiresAt", later);
          e.setVariable("documentsUrl", "http://localhost/api/applications/1/documents");
        });
    delegate("remindRegistryCertificateDelegate", e -> {});
    delegate("closeRegistryCertificateRequestDelegate", e -> {});
    delegate("checkCaaDelegate", e -> e.setVariable("caaPermitted", answers.get("caaPermitted")));
    delegate(
        "requestDocumentsDelegate",
        e -> {
          e.setVariable("documentsReminderAt", soon);
          e.setVariable("documentsExpireAt", later);
          e.setVariable("documentsUrl", "http://localhost/api/applications/1/documents");
        });
    delegate("remindDocumentsDelegate", e -> {});
    delegate("closeDocumentRequestDelegate", e -> {});
    delegate(
        "issueInvoiceDelegate",
        e -> {
          e.setVariable("paymentDeferred", "DEFERRED".equals(e.getVariable("paymentMethod")));
          // A coupon pays on applying, before the stage begins.
          e.setVariable("invoicePaid", "COUPON".equals(e.getVariable("paymentMethod")));
          e.setVariable("paymentDueAt", later);
        });
    delegate(
        "lookUpMainPhoneNumberDelegate",
        e -> {
          e.setVariable("mainPhoneNumber", "03-5555-0100");
          e.setVariable("phoneVerificationReused", answers.getOrDefault("phoneVerificationReused", false));
        });
    delegate(
        "requestEmploymentCertificateDelegate",
        e -> {
          e.setVariable("employmentCertificateReminderAt", soon);
          e.setVariable("employmentCertificateExpiresAt", later);
        });
    delegate("remindEmploymentCertificateDelegate", e -> {});
    delegate("closeEmploymentCertificateRequestDelegate", e -> {});
    delegate("signCertificateDelegate", e -> e.setVariable("certificateSerial", "0a1b2c"));
    delegate("mailCertificateDelegate", e -> {});
    delegate("flagServiceLevelMissedDelegate", e -> {});
    delegate("remindTeamOfOverdueApplicationDelegate", e -> {});
    delegate(
        "rejectApplicationDelegate", e -> rejectedWith = (String) e.getVariable("rejectionCode"));
    listener("documentReviewListener");
    listener("completedByAssigneeListener");
    listener("registrantComparisonListener");
    listener("phoneVerificationListener");
    listener("employmentCertificateReviewListener");
    listener("issuanceApprovalListener");
    listener("organizationConfirmationListener");
    listener("registryCertificateReviewListener");
    listener("organizationRecordListener");
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  private void delegate(String name, JavaDelegateBody body) {
    Mocks.register(
        name,
        (JavaDelegate)
            execution -> {
              calls.add(name);
              body.run(execution);
            });
  }

  private void listener(String name) {
    Mocks.register(name, (TaskListener) task -> calls.add(name + ":" + task.getEventName()));
  }

  interface JavaDelegateBody {
    void run(DelegateExecution execution) throws Exception;
  }

  // --- paths -------------------------------------------------------------------------------

  @Test
  void newApplicationIsIssuedWhenTheRegistrantIsTheApplicant() {
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    complete("decide-documents", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "OV, listed in TDB"));
    runJobs();
    assertThat(pi).isWaitingAt("wait-for-payment");
    deliver(RenewalProcess.Messages.PAYMENT_RECEIVED, pi);
    runJobs();
    completePhoneCall("CONFIRMED");
    complete("approve-issuance", Map.of("issuanceDecision", "APPROVE", "approvalNote", "ok"));
    runJobs();

    assertThat(pi)
        .hasPassedInOrder(
            "check-csr",
            "look-up-domain-registrant",
            "domain-settled",
            "establish-domain-control",
            "domain-control-settled",
            "decide-documents",
            "issue-invoice",
            "wait-for-payment",
            "look-up-main-phone-number",
            "verify-by-phone",
            "approve-issuance",
            "check-caa",
            "sign-certificate",
            "mail-certificate",
            "certificate-issued")
        .isEnded();
    assertThat(pi).hasNotPassed("request-domain-use-consent", "request-documents", "reject-application");
    // The top level is the guide's stages, one after the other.
    assertThat(pi)
        .hasPassedInOrder(
            "application-stage",
            "domain-stage",
            "organization-stage",
            "documents-stage",
            "payment-stage",
            "phone-stage",
            "approval-stage",
            "issuance-stage");
    assertThat(calls)
        .contains(
            "phoneVerificationListener:complete",
            "issuanceApprovalListener:create",
            "issuanceApprovalListener:complete");
  }

  @Test
  void refusedCsrEndsTheApplication() {
    answers.put("csrAcceptable", false);
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    assertRejected(pi, "CSR_REFUSED");
    assertThat(pi).hasNotPassed("look-up-domain-registrant");
  }

  @Test
  void unregisteredDomainEndsTheApplication() {
    answers.put("domainOutcome", "REFUSED");
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    assertRejected(pi, "DOMAIN_NOT_REGISTERED");
  }

  @Test
  void consentFromTheWhoisContactsLetsTheApplicationGoOn() {
    answers.put("domainOutcome", "CONSENT_NEEDED");
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    assertThat(pi).isWaitingAt("wait-for-domain-consent");
    deliver(
        RenewalProcess.Messages.DOMAIN_CONSENT_DECIDED,
        pi,
        Map.of(RenewalProcess.Variables.DOMAIN_CONSENT_APPROVED, true));
    runJobs();
    assertThat(pi).hasPassedInOrder("names-close", "consent-needed", "request-domain-use-consent", "wait-for-domain-consent", "consent-given", "domain-settled");
    assertThat(pi).isWaitingAt("decide-documents");
  }

  @Test
  void anOfficerJudgesACloseRegistrantNameToBeTheApplicant() {
    answers.put("domainOutcome", "COMPARE");
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    assertThat(pi).isWaitingAt("compare-registrant-name");
    assertThat(tasks.createTaskQuery().taskDefinitionKey("compare-registrant-name").singleResult())
        .hasCandidateGroup("validationOfficers");
    complete("compare-registrant-name", Map.of("registrantDecision", "SAME", "registrantComparisonNote", "old trade name"));
    runJobs();
    assertThat(pi).hasPassedInOrder("registrant-matches", "names-close", "compare-registrant-name", "registrant-same", "domain-settled");
    assertThat(pi).hasNotPassed("request-domain-use-consent");
    assertThat(calls).contains("registrantComparisonListener:complete");
  }

  @Test
  void aDifferentCloseRegistrantIsAskedForConsent() {
    answers.put("domainOutcome", "COMPARE");
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    complete("compare-registrant-name", Map.of("registrantDecision", "DIFFERENT", "registrantComparisonNote", "a reseller"));
    runJobs();
    assertThat(pi).isWaitingAt("wait-for-domain-consent");
    assertThat(pi).hasPassedInOrder("compare-registrant-name", "contacts-listed", "consent-needed", "request-domain-use-consent");
  }

  @Test
  void aDifferentRegistrantWithoutContactsEndsTheApplication() {
    answers.put("domainOutcome", "COMPARE");
    answers.put("whoisContacts", "");
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    complete("compare-registrant-name", Map.of("registrantDecision", "DIFFERENT", "registrantComparisonNote", "another company"));
    runJobs();
    assertRejected(pi, "DOMAIN_NO_CONTACT");
  }

  @Test
  void declinedConsentEndsTheApplication() {
    answers.put("domainOutcome", "CONSENT_NEEDED");
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    deliver(
        RenewalProcess.Messages.DOMAIN_CONSENT_DECIDED,
        pi,
        Map.of(RenewalProcess.Variables.DOMAIN_CONSENT_APPROVED, false));
    runJobs();
    assertRejected(pi, "DOMAIN_CONSENT_DECLINED");
  }

  @Test
  void consentRemindsThenExpires() {
    answers.put("domainOutcome", "CONSENT_NEEDED");
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    fireTimer(pi, "domain-consent-reminder-due");
    runJobs();
    // The reminder does not end the wait.
    assertThat(pi).isWaitingAt("wait-for-domain-consent");
    assertThat(calls).contains("remindDomainContactsDelegate");
    fireTimer(pi, "domain-consent-expired");
    runJobs();
    assertThat(calls).contains("closeDomainConsentDelegate");
    assertRejected(pi, "DOMAIN_CONSENT_EXPIRED");
  }

  @Test
  void aPubliclyTrustedCaWaitsForTheDnsRecordCheckingAgainOnATimer() {
    answers.put("domainControl", "DNS_CHALLENGE");
    answers.put("dnsRecords", new ArrayList<>(List.of("NOT_YET", "NOT_YET", "VALIDATED")));
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    assertThat(pi).isWaitingAt("dns-recheck-wait");
    fireTimer(pi, "dns-recheck-wait");
    runJobs();
    assertThat(pi).isWaitingAt("dns-recheck-wait");
    fireTimer(pi, "dns-recheck-wait");
    runJobs();
    assertThat(pi).isWaitingAt("decide-documents");
    assertThat(calls.stream().filter("checkDnsRecordDelegate"::equals)).hasSize(3);
    assertThat(pi).hasPassedInOrder("establish-domain-control", "check-dns-record", "dns-recheck-wait", "domain-control-settled");
  }

  @Test
  void anExpiredDnsChallengeEndsTheApplication() {
    answers.put("domainControl", "DNS_CHALLENGE");
    answers.put("dnsRecords", new ArrayList<>(List.of("NOT_YET", "EXPIRED")));
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    fireTimer(pi, "dns-recheck-wait");
    runJobs();
    assertRejected(pi, "DOMAIN_CONTROL_NOT_VALIDATED");
  }

  @Test
  void caaForbiddingThisCaStopsIssuance() {
    answers.put("caaPermitted", false);
    ProcessInstance pi = untilPhoneCall();
    completePhoneCall("CONFIRMED");
    complete("approve-issuance", Map.of("issuanceDecision", "APPROVE", "approvalNote", "ok"));
    runJobs();
    assertRejected(pi, "CAA_FORBIDS");
    assertThat(pi).hasNotPassed("sign-certificate");
  }

  @Test
  void requestedDocumentsAreUploadedAndAccepted() {
    ProcessInstance pi = untilDocumentsDecision("NEEDED");
    assertThat(pi).isWaitingAt("wait-for-documents");
    deliver(RenewalProcess.Messages.DOCUMENTS_UPLOADED, pi);
    complete("review-documents", Map.of("documentsReview", "ACCEPTED", "documentsReviewNote", "registry certificate ok"));
    runJobs();
    assertThat(pi).hasPassedInOrder("request-documents", "wait-for-documents", "review-documents", "documents-settled", "issue-invoice");
    assertThat(calls).contains("documentReviewListener:complete");
  }

  @Test
  void refusedDocumentsEndTheApplication() {
    ProcessInstance pi = untilDocumentsDecision("NEEDED");
    deliver(RenewalProcess.Messages.DOCUMENTS_UPLOADED, pi);
    complete("review-documents", Map.of("documentsReview", "REFUSED", "documentsReviewNote", "not the applicant"));
    runJobs();
    assertRejected(pi, "DOCUMENTS_REFUSED");
  }

  @Test
  void documentsRemindThenExpire() {
    ProcessInstance pi = untilDocumentsDecision("NEEDED");
    fireTimer(pi, "documents-reminder-due");
    runJobs();
    assertThat(pi).isWaitingAt("wait-for-documents");
    fireTimer(pi, "documents-expired");
    runJobs();
    assertThat(calls).contains("remindDocumentsDelegate", "closeDocumentRequestDelegate");
    assertRejected(pi, "DOCUMENTS_NOT_RECEIVED");
  }

  @Test
  void deferredPaymentDoesNotWaitForMoney() {
    ProcessInstance pi = start("DEFERRED", false);
    runJobs();
    complete("decide-documents", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    runJobs();
    assertThat(pi).isWaitingAt("verify-by-phone");
    assertThat(pi).hasNotPassed("wait-for-payment");
  }

  @Test
  void anInvoicePaidOnApplyingIsNotWaitedFor() {
    ProcessInstance pi = start("COUPON", false);
    runJobs();
    complete("decide-documents", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    runJobs();
    assertThat(pi).hasPassed("issue-invoice").hasNotPassed("wait-for-payment").isWaitingAt("verify-by-phone");
  }

  @Test
  void unpaidInvoiceEndsTheApplicationAtItsDueDate() {
    ProcessInstance pi = untilDocumentsDecision("NOT_NEEDED");
    assertThat(pi).isWaitingAt("wait-for-payment");
    fireTimer(pi, "payment-due-date-passed");
    runJobs();
    assertRejected(pi, "PAYMENT_OVERDUE");
  }

  @Test
  void unreachableResponsiblePersonSendsAnEmploymentCertificate() {
    ProcessInstance pi = untilPhoneCall();
    completePhoneCall("UNREACHABLE");
    runJobs();
    assertThat(pi).isWaitingAt("wait-for-employment-certificate");
    deliver(RenewalProcess.Messages.EMPLOYMENT_CERTIFICATE_UPLOADED, pi);
    complete(
        "review-employment-certificate",
        Map.of("employmentCertificateReview", "ACCEPTED", "employmentCertificateNote", "issued by HR 2026-11-20"));
    runJobs();
    assertThat(pi).isWaitingAt("approve-issuance");
    assertThat(pi)
        .hasPassedInOrder(
            "verify-by-phone",
            "request-employment-certificate",
            "wait-for-employment-certificate",
            "review-employment-certificate",
            "responsible-person-verified");
  }

  @Test
  void refusedEmploymentCertificateEndsTheApplication() {
    ProcessInstance pi = untilPhoneCall();
    completePhoneCall("UNREACHABLE");
    runJobs();
    deliver(RenewalProcess.Messages.EMPLOYMENT_CERTIFICATE_UPLOADED, pi);
    complete(
        "review-employment-certificate",
        Map.of("employmentCertificateReview", "REFUSED", "employmentCertificateNote", "not an employee"));
    runJobs();
    assertRejected(pi, "EMPLOYMENT_CERTIFICATE_REFUSED");
  }

  @Test
  void employmentCertificateRemindsThenExpires() {
    ProcessInstance pi = untilPhoneCall();
    completePhoneCall("UNREACHABLE");
    runJobs();
    fireTimer(pi, "employment-certificate-reminder-due");
    runJobs();
    assertThat(pi).isWaitingAt("wait-for-employment-certificate");
    fireTimer(pi, "employment-certificate-expired");
    runJobs();
    assertThat(calls).contains("remindEmploymentCertificateDelegate", "closeEmploymentCertificateRequestDelegate");
    assertRejected(pi, "EMPLOYMENT_CERTIFICATE_NOT_RECEIVED");
  }

  @Test
  void aValidEarlierPhoneVerificationIsReusedInsteadOfCalling() {
    answers.put("phoneVerificationReused", true);
    ProcessInstance pi = untilDocumentsDecision("NOT_NEEDED");
    deliver(RenewalProcess.Messages.PAYMENT_RECEIVED, pi);
    runJobs();
    assertThat(pi).isWaitingAt("approve-issuance");
    assertThat(pi).hasPassedInOrder("look-up-main-phone-number", "phone-verification-needed", "responsible-person-verified");
    assertThat(pi).hasNotPassed("verify-by-phone");
  }

  @Test
  void responsiblePersonDenyingTheApplicationEndsIt() {
    ProcessInstance pi = untilPhoneCall();
    completePhoneCall("REFUSED");
    runJobs();
    assertRejected(pi, "PHONE_VERIFICATION_REFUSED");
  }

  @Test
  void seniorOfficerRefusingIssuanceEndsTheApplication() {
    ProcessInstance pi = untilPhoneCall();
    completePhoneCall("CONFIRMED");
    complete("approve-issuance", Map.of("issuanceDecision", "REFUSE", "approvalNote", "O does not match TDB"));
    runJobs();
    assertRejected(pi, "ISSUANCE_NOT_APPROVED");
    assertThat(pi).hasNotPassed("sign-certificate");
  }

  @Test
  void aRefusalAtSigningEndsTheApplicationWithItsReason() {
    // What signing finds (CAA changed, key blocklisted, lint) throws the model's "signing-refused" error.
    delegate(
        "signCertificateDelegate",
        e -> {
          e.setVariable("rejectionCode", "ISSUANCE_RULES_NOT_MET");
          e.setVariable("rejectionDetail", "e_ev_subject_incomplete");
          throw new org.camunda.bpm.engine.delegate.BpmnError("signing-refused", "lint");
        });
    ProcessInstance pi = untilPhoneCall();
    completePhoneCall("CONFIRMED");
    complete("approve-issuance", Map.of("issuanceDecision", "APPROVE", "approvalNote", "ok"));
    runJobs();
    assertThat(pi).hasPassed("sign-certificate", "signing-refused");
    assertRejected(pi, "ISSUANCE_RULES_NOT_MET");
    assertThat(pi).hasNotPassed("mail-certificate");
  }

  @Test
  void anOverdueApplicationIsRemindedDailyUntilDone() {
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    assertThat(pi).isWaitingAt("decide-documents");
    fireTimer(pi, "overdue-reminder-due");
    runJobs();
    // A cycle: the next reminder is set as soon as one fires, and the work goes on.
    fireTimer(pi, "overdue-reminder-due");
    runJobs();
    assertThat(calls.stream().filter("remindTeamOfOverdueApplicationDelegate"::equals)).hasSize(2);
    assertThat(pi).isWaitingAt("decide-documents");
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().activityId("overdue-reminder-due").count())
        .isEqualTo(1);
  }

  @Test
  void missedServiceLevelIsFlaggedWithoutStoppingTheWork() {
    ProcessInstance pi = start("BANK_TRANSFER", true);
    runJobs();
    assertThat(pi).isWaitingAt("decide-documents");
    fireTimer(pi, "service-level-passed");
    runJobs();
    assertThat(calls).contains("flagServiceLevelMissedDelegate");
    assertThat(pi).isWaitingAt("decide-documents");
  }

  @Test
  void officerTasksGoToTheirGroupsAndCarryTheirForms() {
    ProcessInstance pi = untilPhoneCall();
    Task phone = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(phone).hasCandidateGroup("validationOfficers");
    assertThat(engine.getFormService().getDeployedTaskForm(phone.getId())).isNotNull();
    completePhoneCall("CONFIRMED");
    Task approval = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(approval).hasCandidateGroup("seniorOfficers");
    assertThat(engine.getFormService().getDeployedTaskForm(approval.getId())).isNotNull();
  }

  // --- organization validation (guide [1-1], [1-2]; BR 3.2.2.1) ------------------------------

  @Test
  void anOfficerConfirmsTheRecordFoundByCorporateNumberOrNameSideBySide() {
    answers.put("organizationLookup", "CANDIDATES");
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    assertThat(pi).isWaitingAt("confirm-organization");
    Task confirm = tasks.createTaskQuery().taskDefinitionKey("confirm-organization").singleResult();
    assertThat(confirm).hasCandidateGroup("validationOfficers");
    assertThat(engine.getFormService().getDeployedTaskForm(confirm.getId())).isNotNull();
    // Both sides of the comparison are on the task for the form to show.
    assertThat(runtime.getVariables(pi.getId()))
        .containsKeys("organizationApplicant", "organizationCandidates");
    complete("confirm-organization", Map.of("organizationMatch", "1", "organizationNote", "same corporate number"));
    runJobs();
    assertThat(pi)
        .hasPassedInOrder(
            "domain-stage",
            "look-up-organization",
            "organization-identity-reusable",
            "confirm-organization",
            "organization-listed",
            "organization-identity-settled",
            "compare-subject-with-record",
            "subject-agrees",
            "organization-validated");
    assertThat(pi).hasNotPassed("request-registry-certificate");
    assertThat(pi).isWaitingAt("decide-documents");
    assertThat(calls).contains("organizationConfirmationListener:complete");
  }

  @Test
  void anUnlistedOrganizationSendsItsRegistryCertificateAndIsRecorded() {
    answers.put("organizationLookup", "NOT_FOUND");
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    complete("confirm-organization", Map.of("organizationMatch", "NOT_LISTED", "organizationNote", "not in TDB or NTA data"));
    runJobs();
    assertThat(pi).isWaitingAt("wait-for-registry-certificate");
    deliver(RenewalProcess.Messages.REGISTRY_CERTIFICATE_UPLOADED, pi);
    Task review = tasks.createTaskQuery().taskDefinitionKey("review-registry-certificate").singleResult();
    assertThat(review).hasCandidateGroup("validationOfficers");
    assertThat(engine.getFormService().getDeployedTaskForm(review.getId())).isNotNull();
    complete(
        "review-registry-certificate",
        Map.of(
            "registryCertificateReview", "ACCEPTED",
            "registryCertificateNote", "履歴事項全部証明書, issued 2026-11-20",
            "registeredNameJa", "新規株式会社",
            "registeredNameEn", "Shinki K.K.",
            "registeredStateOrProvince", "Tokyo",
            "registeredLocality", "Minato-ku"));
    runJobs();
    assertThat(pi)
        .hasPassedInOrder(
            "confirm-organization",
            "request-registry-certificate",
            "wait-for-registry-certificate",
            "review-registry-certificate",
            "registry-certificate-accepted",
            "organization-identity-settled",
            "compare-subject-with-record");
    assertThat(pi).isWaitingAt("decide-documents");
    assertThat(calls)
        .containsSubsequence(
            "requestRegistryCertificateDelegate",
            "registryCertificateReviewListener:complete",
            "organizationRecordListener:complete",
            "compareSubjectWithRecordDelegate");
  }

  @Test
  void aRegistryCertificateThatDoesNotShowTheApplicantEndsTheApplication() {
    answers.put("organizationLookup", "NOT_FOUND");
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    complete("confirm-organization", Map.of("organizationMatch", "NOT_LISTED", "organizationNote", "-"));
    runJobs();
    deliver(RenewalProcess.Messages.REGISTRY_CERTIFICATE_UPLOADED, pi);
    complete("review-registry-certificate", Map.of("registryCertificateReview", "REFUSED", "registryCertificateNote", "another company's"));
    runJobs();
    assertRejected(pi, "REGISTRY_CERTIFICATE_REFUSED");
    assertThat(pi).hasNotPassed("issue-invoice");
  }

  @Test
  void theRegistryCertificateRemindsThenExpires() {
    answers.put("organizationLookup", "NOT_FOUND");
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    complete("confirm-organization", Map.of("organizationMatch", "NOT_LISTED", "organizationNote", "-"));
    runJobs();
    fireTimer(pi, "registry-certificate-reminder-due");
    runJobs();
    assertThat(pi).isWaitingAt("wait-for-registry-certificate");
    fireTimer(pi, "registry-certificate-expired");
    runJobs();
    assertThat(calls).contains("remindRegistryCertificateDelegate", "closeRegistryCertificateRequestDelegate");
    assertRejected(pi, "REGISTRY_CERTIFICATE_NOT_RECEIVED");
  }

  @Test
  void aSubjectThatDiffersFromTheRecordIsRefusedBeforeAnyInvoice() {
    answers.put("organizationLookup", "CANDIDATES");
    answers.put("subjectAgrees", false);
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    complete("confirm-organization", Map.of("organizationMatch", "1", "organizationNote", "by name"));
    runJobs();
    assertThat(pi).hasPassed("compare-subject-with-record", "subject-differs");
    assertRejected(pi, "ORGANIZATION_SUBJECT_MISMATCH");
    assertThat(pi).hasNotPassed("issue-invoice", "decide-documents");
  }

  @Test
  void aVerificationWithinTheReusePeriodIsReusedAndTheSubjectStillCompared() {
    answers.put("organizationLookup", "REUSED");
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    assertThat(pi)
        .hasPassedInOrder(
            "look-up-organization", "organization-identity-reusable", "organization-identity-settled", "compare-subject-with-record");
    assertThat(pi).hasNotPassed("confirm-organization");
    assertThat(pi).isWaitingAt("decide-documents");
  }

  @Test
  void aVerificationPastTheReusePeriodIsVerifiedAgainByAnOfficer() {
    // The lookup reuses nothing older than the day's reuse period (BR 4.2.1): it offers the
    // candidates again, and an officer confirms anew.
    answers.put("organizationLookup", "CANDIDATES");
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    assertThat(pi).isWaitingAt("confirm-organization");
    complete("confirm-organization", Map.of("organizationMatch", "#1", "organizationNote", "re-verified: TDB record unchanged"));
    runJobs();
    assertThat(pi).hasPassed("confirm-organization", "compare-subject-with-record").isWaitingAt("decide-documents");
  }

  // --- helpers -----------------------------------------------------------------------------

  private ProcessInstance start(String paymentMethod, boolean express) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("paymentMethod", paymentMethod);
    variables.put("express", express);
    variables.put("serviceLevelDeadline", Date.from(Instant.now().plus(3, ChronoUnit.DAYS)));
    variables.put("overdueReminderCycle", "R/" + Instant.now().plus(3, ChronoUnit.DAYS) + "/P1D");
    return runtime.startProcessInstanceByKey(RenewalProcess.PROCESS_KEY, "42", variables);
  }

  private ProcessInstance untilDocumentsDecision(String requirement) {
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    complete("decide-documents", Map.of("documentsRequirement", requirement, "documentsNote", "registry certificate"));
    runJobs();
    return pi;
  }

  private ProcessInstance untilPhoneCall() {
    ProcessInstance pi = untilDocumentsDecision("NOT_NEEDED");
    deliver(RenewalProcess.Messages.PAYMENT_RECEIVED, pi);
    runJobs();
    assertThat(pi).isWaitingAt("verify-by-phone");
    return pi;
  }

  @Test
  void issuedWhenTheTechnicalContactStandsInForTheAbsentResponsiblePerson() {
    ProcessInstance pi = start("BANK_TRANSFER", false);
    runJobs();
    complete("decide-documents", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    runJobs();
    deliver(RenewalProcess.Messages.PAYMENT_RECEIVED, pi);
    runJobs();
    // Guide [4]: the responsible person is absent; the technical contact, employed by the
    // applicant, confirms instead. The call is a confirmation: no employment certificate.
    Map<String, Object> call = new HashMap<>();
    call.put("phoneOutcome", "CONFIRMED");
    call.put("phonedPerson", "TECHNICAL_CONTACT");
    call.put("employmentBasis", "TRANSFERRED_BY_MAIN_NUMBER");
    call.put("employmentBasisNote", "reception transferred to the IT department");
    call.put("spokeWith", "Hanako Web");
    call.put("intentConfirmed", true);
    complete("verify-by-phone", call);
    runJobs();
    complete("approve-issuance", Map.of("issuanceDecision", "APPROVE", "approvalNote", "ok"));
    runJobs();

    assertThat(pi)
        .hasPassedInOrder("verify-by-phone", "phone-outcome", "responsible-person-verified", "approve-issuance", "certificate-issued")
        .isEnded();
    assertThat(pi).hasNotPassed("request-employment-certificate", "review-employment-certificate", "reject-application");
    assertThat(calls).contains("phoneVerificationListener:complete");
  }

  private void completePhoneCall(String outcome) {
    complete("verify-by-phone", Map.of("phoneOutcome", outcome, "spokeWith", "Ichiro Yamada", "intentConfirmed", true));
    runJobs();
  }

  private void complete(String taskKey, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("open task " + taskKey).isNotNull();
    tasks.complete(task.getId(), variables);
  }

  private void deliver(String message, ProcessInstance pi) {
    deliver(message, pi, Map.of());
  }

  private void deliver(String message, ProcessInstance pi, Map<String, Object> variables) {
    runtime
        .createMessageCorrelation(message)
        .processInstanceBusinessKey(pi.getBusinessKey())
        .setVariables(variables)
        .correlate();
  }

  /** Runs the asynchronous continuations (not the timers) until the process waits again. */
  private void runJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().executable().messages().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming: a loop in the model?");
  }

  private void fireTimer(ProcessInstance pi, String activityId) {
    Job timer =
        management.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId).singleResult();
    assertThat(timer).as("timer " + activityId).isNotNull();
    management.executeJob(timer.getId());
  }

  private void assertRejected(ProcessInstance pi, String code) {
    assertThat(pi).hasPassed("application-refused", "reject-application").isEnded();
    // Each stage ends a refusal with the model's error; the top level catches it on the stage.
    assertThat(
            engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId()).activityType("boundaryError").list())
        .extracting(a -> a.getActivityId())
        .filteredOn(id -> id.endsWith("-stage-refused"))
        .hasSize(1);
    assertThat(rejectedWith).isEqualTo(code);
    assertThat(pi).hasNotPassed("certificate-issued");
  }
}
