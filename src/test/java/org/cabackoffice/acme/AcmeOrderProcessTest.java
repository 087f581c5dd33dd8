package org.cabackoffice.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cabackoffice.acme.AcmeOrderVariables.Activities;
import org.cabackoffice.workflow.RenewalProcess;
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
 * Drives bpmn/acme-order.bpmn through each of its paths with recording stand-ins for the
 * delegates; what they do is AcmeOrdersTest's and AcmeCertbotIT's.
 */
@Deployment(resources = {"bpmn/acme-order.bpmn", "forms/confirm-acme-identity.form", "forms/approve-acme-identity.form",
    "forms/approve-acme-beyond-contract.form", "forms/review-acme-employment-certificate.form", "forms/review-acme-documents.form"})
class AcmeOrderProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder().configurationResource("process-test.camunda.cfg.xml").build();

  ProcessEngine engine;
  RuntimeService runtime;
  TaskService tasks;
  ManagementService management;

  final List<String> calls = new ArrayList<>();
  boolean identityCurrent = true;
  String finalization = "FINALIZED";
  boolean caaPermits = true;
  boolean withinContract = true;
  boolean signed = true;
  final List<String> failures = new ArrayList<>();
  final List<String> reminders = new ArrayList<>();

  @BeforeEach
  void standIns() {
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    management = engine.getManagementService();
    delegate("checkIdentityReuseDelegate", e -> e.setVariable(AcmeOrderVariables.IDENTITY_CURRENT, identityCurrent));
    delegate("lookUpAcmeRegistrantsDelegate", e -> e.setVariable(AcmeOrderVariables.REGISTRANT_EVIDENCE,
        "example.co.jp: registrant \"Example KK\" vs \"Example KK\": matches the organization"));
    delegate("checkFinalizationDelegate", e -> e.setVariable(AcmeOrderVariables.FINALIZATION, finalization));
    delegate("checkAcmeContractDelegate", e -> {
      e.setVariable(AcmeOrderVariables.WITHIN_CONTRACT, withinContract);
      e.setVariable(AcmeOrderVariables.BEYOND_CONTRACT_REASON, withinContract ? null : "the contract is used up: 10 of 10");
    });
    delegate("checkAcmeCaaDelegate", e -> e.setVariable(AcmeOrderVariables.CAA_PERMITS, caaPermits));
    delegate("signAcmeCertificateDelegate", e -> e.setVariable(AcmeOrderVariables.SIGNED, signed));
    delegate("failAcmeOrderDelegate", e -> failures.add((String) e.getVariableLocal(AcmeOrderVariables.FAILURE_REASON)));
    Mocks.register("acmeIdentityConfirmationListener", (TaskListener) task -> calls.add("acmeIdentityConfirmationListener"));
    Mocks.register("acmeIdentityApprovalListener", (TaskListener) task ->
        calls.add("acmeIdentityApprovalListener:" + task.getEventName()));
    delegate("remindAcmeIdentityDelegate", e -> reminders.add((String) e.getVariableLocal(AcmeOrderVariables.WAITING_FOR)));
    Mocks.register("acmeBeyondContractListener", (TaskListener) task ->
        calls.add("acmeBeyondContractListener:" + task.getVariable(AcmeOrderVariables.CONTRACT_DECISION)));
    // The identity steps' documents (AcmeIdentityDocumentsTest and DocumentUploadsTest do what they do).
    delegate("requestAcmeEmploymentCertificateDelegate", e -> {
      e.setVariable(AcmeOrderVariables.EMPLOYMENT_CERTIFICATE_EXPIRES_AT, in30Days());
      e.setVariable(AcmeOrderVariables.DOCUMENTS_URL, "https://ca.example/api/acme/orders/7/documents");
    });
    delegate("remindAcmeEmploymentCertificateDelegate", e -> { });
    delegate("closeAcmeEmploymentCertificateRequestDelegate", e -> { });
    delegate("requestAcmeDocumentsDelegate", e -> {
      e.setVariable(AcmeOrderVariables.DOCUMENTS_EXPIRE_AT, in30Days());
      e.setVariable(AcmeOrderVariables.DOCUMENTS_URL, "https://ca.example/api/acme/orders/7/documents");
    });
    delegate("remindAcmeDocumentsDelegate", e -> { });
    delegate("closeAcmeDocumentRequestDelegate", e -> { });
    Mocks.register("acmeEmploymentCertificateReviewListener", (TaskListener) task ->
        calls.add("acmeEmploymentCertificateReviewListener:" + task.getVariable(AcmeOrderVariables.EMPLOYMENT_CERTIFICATE_REVIEW)));
    Mocks.register("acmeDocumentsReviewListener", (TaskListener) task ->
        calls.add("acmeDocumentsReviewListener:" + task.getVariable(AcmeOrderVariables.DOCUMENTS_REVIEW)));
  }

  private static java.util.Date in30Days() {
    return java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(30)));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void aCurrentIdentityAndAFinalizedOrderAreSignedWithoutAPerson() {
    ProcessInstance pi = start();
    runJobs();
    assertThat(pi)
        .hasPassedInOrder(
            Activities.CHECK_IDENTITY_REUSE, Activities.CHECK_FINALIZATION, Activities.CHECK_CONTRACT,
            Activities.CHECK_CAA, Activities.SIGN_CERTIFICATE, Activities.ORDER_VALID)
        .hasNotPassed(Activities.LOOK_UP_REGISTRANTS, Activities.CONFIRM_IDENTITY, Activities.APPROVE_BEYOND_CONTRACT)
        .isEnded();
  }

  @Test
  void theProcessWaitsForTheCsrAndGoesOnWhenFinalizeSaysItCame() {
    finalization = "WAITING";
    ProcessInstance pi = start();
    runJobs();
    assertThat(pi).isWaitingAt(Activities.WAIT_FOR_CSR);
    finalization = "FINALIZED";
    runtime.createMessageCorrelation(AcmeOrderProcess.FINALIZED_MESSAGE)
        .processInstanceBusinessKey(AcmeOrderVariables.businessKey(7))
        .correlate();
    runJobs();
    assertThat(pi).hasPassed(Activities.SIGN_CERTIFICATE, Activities.ORDER_VALID).isEnded();
  }

  @Test
  void aCsrThatCameUnnoticedIsFoundAMinuteLater() {
    finalization = "WAITING";
    ProcessInstance pi = start();
    runJobs();
    finalization = "FINALIZED";
    management.executeJob(timer(pi, Activities.LOOK_AGAIN).getId());
    runJobs();
    assertThat(pi).hasPassed(Activities.LOOK_AGAIN, Activities.ORDER_VALID).isEnded();
  }

  @Test
  void anExpiredOrderIsRefused() {
    finalization = "EXPIRED";
    ProcessInstance pi = start();
    runJobs();
    assertThat(pi).hasPassed(Activities.REFUSE_EXPIRED_ORDER, Activities.ORDER_INVALID).hasNotPassed(Activities.CHECK_CAA).isEnded();
    assertThat(failures).singleElement().asString().contains("expired");
  }

  @Test
  void aStaleIdentityRunsTheRenewalsPhoneCallAndSecondOfficersApprovalThenIsSigned() {
    identityCurrent = false;
    ProcessInstance pi = start();
    runJobs();
    assertThat(pi).hasPassedInOrder(Activities.CHECK_IDENTITY_REUSE, Activities.LOOK_UP_REGISTRANTS)
        .isWaitingAt(Activities.CONFIRM_IDENTITY).hasNotPassed(Activities.CHECK_FINALIZATION);
    assertThat(runtime.getVariable(pi.getId(), AcmeOrderVariables.REGISTRANT_EVIDENCE)).asString().contains("matches");
    Task call = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(call).hasCandidateGroup("validationOfficers");
    assertThat(engine.getFormService().getDeployedTaskForm(call.getId())).isNotNull();
    decide(Map.of(AcmeOrderVariables.IDENTITY_DECISION, "CONFIRMED", AcmeOrderVariables.IDENTITY_NOTE, "spoke with the general affairs manager"));
    runJobs();

    assertThat(pi).isWaitingAt(Activities.APPROVE_IDENTITY).hasNotPassed(Activities.CHECK_FINALIZATION);
    Task approval = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(approval).hasCandidateGroup("seniorOfficers");
    assertThat(engine.getFormService().getDeployedTaskForm(approval.getId())).isNotNull();
    approve(Map.of(AcmeOrderVariables.IDENTITY_APPROVAL, "CONFIRMED", AcmeOrderVariables.IDENTITY_APPROVAL_NOTE, "the call covers the checklist"));
    runJobs();

    assertThat(calls).containsSubsequence("acmeIdentityConfirmationListener",
        "acmeIdentityApprovalListener:create", "acmeIdentityApprovalListener:complete");
    assertThat(pi)
        .hasPassedInOrder(Activities.CONFIRM_IDENTITY, Activities.APPROVE_IDENTITY, Activities.CHECK_FINALIZATION,
            Activities.SIGN_CERTIFICATE, Activities.ORDER_VALID)
        .isEnded();
  }

  @Test
  void anIdentityTheOfficerCannotConfirmRefusesTheOrderWithoutAnApproval() {
    identityCurrent = false;
    ProcessInstance pi = start();
    runJobs();
    decide(Map.of(AcmeOrderVariables.IDENTITY_DECISION, "REFUSED", AcmeOrderVariables.IDENTITY_NOTE, "the main number says nobody by that name"));
    runJobs();
    assertThat(pi).hasPassed(Activities.ORDER_INVALID).hasNotPassed(Activities.APPROVE_IDENTITY, Activities.CHECK_FINALIZATION).isEnded();
  }

  @Test
  void aCallTheSecondOfficerRefusesRefusesTheOrder() {
    identityCurrent = false;
    ProcessInstance pi = start();
    runJobs();
    decide(Map.of(AcmeOrderVariables.IDENTITY_DECISION, "CONFIRMED", AcmeOrderVariables.IDENTITY_NOTE, "spoke with the general affairs manager"));
    runJobs();
    approve(Map.of(AcmeOrderVariables.IDENTITY_APPROVAL, "REFUSED", AcmeOrderVariables.IDENTITY_APPROVAL_NOTE, "the note names nobody"));
    runJobs();
    assertThat(pi).hasPassed(Activities.APPROVE_IDENTITY, Activities.ORDER_INVALID).hasNotPassed(Activities.CHECK_FINALIZATION).isEnded();
  }

  @Test
  void theOfficerWhoMadeTheCallCannotApproveItAndTheTaskStaysOpenForAnother() {
    // The real listener, with the four-eyes answer of the identity steps (AcmeIdentityStepsTest).
    AcmeIdentitySteps steps = org.mockito.Mockito.mock(AcmeIdentitySteps.class);
    org.mockito.Mockito.doThrow(new IllegalArgumentException("officer made the phone call for this order and may not also approve it"))
        .when(steps).decided(org.mockito.ArgumentMatchers.eq(7L), org.mockito.ArgumentMatchers.eq("officer"),
            org.mockito.ArgumentMatchers.anyBoolean(), org.mockito.ArgumentMatchers.anyString());
    org.mockito.Mockito.when(steps.caller(7L)).thenReturn(java.util.Optional.of("officer"));
    Mocks.register("acmeIdentityApprovalListener", new AcmeIdentityApprovalListener(steps));
    identityCurrent = false;
    ProcessInstance pi = start();
    runJobs();
    decide(Map.of(AcmeOrderVariables.IDENTITY_DECISION, "CONFIRMED", AcmeOrderVariables.IDENTITY_NOTE, "spoke with the general affairs manager"));
    runJobs();
    assertThat(runtime.getVariable(pi.getId(), AcmeOrderVariables.VALIDATED_BY)).isEqualTo("officer");

    Map<String, Object> approval =
        Map.of(AcmeOrderVariables.IDENTITY_APPROVAL, "CONFIRMED", AcmeOrderVariables.IDENTITY_APPROVAL_NOTE, "fine");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> completeAs("officer", Activities.APPROVE_IDENTITY, approval))
        .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)
        .hasStackTraceContaining("may not also approve");
    assertThat(pi).isWaitingAt(Activities.APPROVE_IDENTITY);

    tasks.setAssignee(tasks.createTaskQuery().taskDefinitionKey(Activities.APPROVE_IDENTITY).singleResult().getId(), null);
    completeAs("senior", Activities.APPROVE_IDENTITY, approval);
    runJobs();
    org.mockito.Mockito.verify(steps).decided(7L, "senior", true, "fine");
    assertThat(pi).hasPassed(Activities.APPROVE_IDENTITY, Activities.ORDER_VALID).isEnded();
  }

  @Test
  void anIdentityNotConfirmedInTimeRefusesTheOrder() {
    identityCurrent = false;
    ProcessInstance pi = start();
    runJobs();
    management.executeJob(timer(pi, Activities.IDENTITY_NOT_CONFIRMED_IN_TIME).getId());
    runJobs();
    assertThat(pi).hasPassed(Activities.ORDER_INVALID).hasNotPassed(Activities.APPROVE_IDENTITY).isEnded();
    assertThat(failures).singleElement().asString().contains("not confirmed").contains("14 days");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void aCallNotApprovedInTimeRefusesTheOrder() {
    identityCurrent = false;
    ProcessInstance pi = start();
    runJobs();
    decide(Map.of(AcmeOrderVariables.IDENTITY_DECISION, "CONFIRMED", AcmeOrderVariables.IDENTITY_NOTE, "spoke with the general affairs manager"));
    runJobs();
    management.executeJob(timer(pi, Activities.IDENTITY_NOT_APPROVED_IN_TIME).getId());
    runJobs();
    assertThat(pi).hasPassed(Activities.ORDER_INVALID).hasNotPassed(Activities.CHECK_FINALIZATION).isEnded();
    assertThat(failures).singleElement().asString().contains("not approved by a second officer").contains("14 days");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void theTeamIsRemindedDailyOfEachIdentityStepWhileItWaits() {
    identityCurrent = false;
    ProcessInstance pi = start();
    runJobs();
    management.executeJob(timer(pi, Activities.IDENTITY_CALL_REMINDER_DUE).getId());
    runJobs();
    assertThat(pi).hasPassed(Activities.REMIND_IDENTITY_CALL).isWaitingAt(Activities.CONFIRM_IDENTITY);
    assertThat(timer(pi, Activities.IDENTITY_CALL_REMINDER_DUE)).as("the next day's reminder").isNotNull();

    decide(Map.of(AcmeOrderVariables.IDENTITY_DECISION, "CONFIRMED", AcmeOrderVariables.IDENTITY_NOTE, "spoke with the general affairs manager"));
    runJobs();
    management.executeJob(timer(pi, Activities.IDENTITY_APPROVAL_REMINDER_DUE).getId());
    runJobs();
    assertThat(pi).hasPassed(Activities.REMIND_IDENTITY_APPROVAL).isWaitingAt(Activities.APPROVE_IDENTITY);
    assertThat(reminders).containsExactly("the phone call through the main number", "the second officer's approval");
  }

  // --- the employment certificate (guide [4]) and supporting documents (guide [3-1]) ----------

  static final Map<String, Object> UNREACHABLE = Map.of(
      AcmeOrderVariables.IDENTITY_DECISION, AcmeOrderVariables.UNREACHABLE,
      AcmeOrderVariables.SPOKE_WITH, "Tanaka, general manager",
      AcmeOrderVariables.IDENTITY_NOTE, "the main number answered; Tanaka is away");
  static final Map<String, Object> CONFIRMED_WITH_DOCUMENTS = Map.of(
      AcmeOrderVariables.IDENTITY_DECISION, AcmeOrderVariables.CONFIRMED,
      AcmeOrderVariables.IDENTITY_NOTE, "spoke with the general affairs manager",
      AcmeOrderVariables.DOCUMENTS_REQUIREMENT, AcmeOrderVariables.NEEDED,
      AcmeOrderVariables.DOCUMENTS_NOTE, "a current registry certificate");

  @Test
  void anUnreachableResponsiblePersonsEmploymentCertificateIsAskedForReviewedAndThenApproved() {
    identityCurrent = false;
    ProcessInstance pi = start();
    runJobs();
    decide(UNREACHABLE);
    runJobs();
    assertThat(pi).isWaitingAt(Activities.WAIT_FOR_EMPLOYMENT_CERTIFICATE).hasNotPassed(Activities.APPROVE_IDENTITY);
    assertThat(calls).contains("requestAcmeEmploymentCertificateDelegate");

    // The upload tells the order's process the way DocumentUploads does, by the order's key.
    uploaded(RenewalProcess.Messages.EMPLOYMENT_CERTIFICATE_UPLOADED);
    assertThat(pi).isWaitingAt(Activities.REVIEW_EMPLOYMENT_CERTIFICATE);
    Task review = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(review).hasCandidateGroup("validationOfficers");
    assertThat(engine.getFormService().getDeployedTaskForm(review.getId())).isNotNull();
    completeAs("officer2", Activities.REVIEW_EMPLOYMENT_CERTIFICATE, Map.of(
        AcmeOrderVariables.EMPLOYMENT_CERTIFICATE_REVIEW, AcmeOrderVariables.ACCEPTED,
        AcmeOrderVariables.EMPLOYMENT_CERTIFICATE_NOTE, "sealed, issued last week"));
    runJobs();

    assertThat(pi).isWaitingAt(Activities.APPROVE_IDENTITY).hasNotPassed(Activities.REQUEST_DOCUMENTS);
    approve(Map.of(AcmeOrderVariables.IDENTITY_APPROVAL, "CONFIRMED", AcmeOrderVariables.IDENTITY_APPROVAL_NOTE, "the certificate stands in for the call"));
    runJobs();
    assertThat(calls).containsSubsequence("acmeIdentityConfirmationListener", "requestAcmeEmploymentCertificateDelegate",
        "acmeEmploymentCertificateReviewListener:ACCEPTED", "acmeIdentityApprovalListener:create", "acmeIdentityApprovalListener:complete");
    assertThat(pi)
        .hasPassedInOrder(Activities.CONFIRM_IDENTITY, Activities.REQUEST_EMPLOYMENT_CERTIFICATE, Activities.WAIT_FOR_EMPLOYMENT_CERTIFICATE,
            Activities.REVIEW_EMPLOYMENT_CERTIFICATE, Activities.APPROVE_IDENTITY, Activities.CHECK_FINALIZATION, Activities.ORDER_VALID)
        .isEnded();
  }

  @Test
  void anEmploymentCertificateTheOfficerDoesNotAcceptRefusesTheOrderWithoutAnApproval() {
    identityCurrent = false;
    ProcessInstance pi = start();
    runJobs();
    decide(UNREACHABLE);
    runJobs();
    uploaded(RenewalProcess.Messages.EMPLOYMENT_CERTIFICATE_UPLOADED);
    completeAs("officer2", Activities.REVIEW_EMPLOYMENT_CERTIFICATE, Map.of(
        AcmeOrderVariables.EMPLOYMENT_CERTIFICATE_REVIEW, AcmeOrderVariables.REFUSED,
        AcmeOrderVariables.EMPLOYMENT_CERTIFICATE_NOTE, "no company seal"));
    runJobs();
    assertThat(calls).contains("acmeEmploymentCertificateReviewListener:REFUSED");
    assertThat(pi).hasPassed(Activities.ORDER_INVALID).hasNotPassed(Activities.APPROVE_IDENTITY, Activities.CHECK_FINALIZATION).isEnded();
  }

  @Test
  void anEmploymentCertificateNotUploadedBeforeTheLinkExpiresClosesTheRequestAndRefusesTheOrder() {
    identityCurrent = false;
    ProcessInstance pi = start();
    runJobs();
    decide(UNREACHABLE);
    runJobs();
    management.executeJob(timer(pi, Activities.EMPLOYMENT_CERTIFICATE_REMINDER_DUE).getId());
    runJobs();
    assertThat(pi).hasPassed(Activities.REMIND_EMPLOYMENT_CERTIFICATE).isWaitingAt(Activities.WAIT_FOR_EMPLOYMENT_CERTIFICATE);
    assertThat(timer(pi, Activities.EMPLOYMENT_CERTIFICATE_REMINDER_DUE)).as("the next day's reminder").isNotNull();

    management.executeJob(timer(pi, Activities.EMPLOYMENT_CERTIFICATE_EXPIRED).getId());
    runJobs();
    assertThat(calls).containsSubsequence("closeAcmeEmploymentCertificateRequestDelegate", "failAcmeOrderDelegate");
    assertThat(failures).singleElement().asString().contains("no employment certificate").contains("upload link expired");
    assertThat(pi).hasPassedInOrder(Activities.CLOSE_EMPLOYMENT_CERTIFICATE_REQUEST, Activities.ORDER_INVALID)
        .hasNotPassed(Activities.REVIEW_EMPLOYMENT_CERTIFICATE).isEnded();
  }

  @Test
  void anEmploymentCertificateNobodyReviewsIsRemindedDailyAndRefusedAfter14Days() {
    identityCurrent = false;
    ProcessInstance pi = start();
    runJobs();
    decide(UNREACHABLE);
    runJobs();
    uploaded(RenewalProcess.Messages.EMPLOYMENT_CERTIFICATE_UPLOADED);
    management.executeJob(timer(pi, Activities.EMPLOYMENT_CERTIFICATE_REVIEW_REMINDER_DUE).getId());
    runJobs();
    assertThat(reminders).containsExactly("the review of the employment certificate");
    management.executeJob(timer(pi, Activities.EMPLOYMENT_CERTIFICATE_NOT_REVIEWED_IN_TIME).getId());
    runJobs();
    assertThat(failures).singleElement().asString().contains("employment certificate was not reviewed").contains("14 days");
    assertThat(pi).hasPassed(Activities.ORDER_INVALID).hasNotPassed(Activities.APPROVE_IDENTITY).isEnded();
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void aRegistryThatDoesNotAnswerLeavesTheOrderProcessingAsAnIncidentThatSaysWhy() {
    // The real step, with the registry's answer when it throttles us.
    AcmeRegistrants registrants = org.mockito.Mockito.mock(AcmeRegistrants.class);
    org.mockito.Mockito.when(registrants.lookUp(7L))
        .thenThrow(new org.cabackoffice.domain.RegistryUnavailableException("whois.jprs.jp refused: query limit exceeded"));
    Mocks.register("lookUpAcmeRegistrantsDelegate", new LookUpAcmeRegistrantsDelegate(registrants));
    identityCurrent = false;
    ProcessInstance pi = start();
    Job failed = null;
    for (int round = 0; round < 10 && failed == null; round++) {
      Job due = management.createJobQuery().processInstanceId(pi.getId()).executable().messages().singleResult();
      try {
        management.executeJob(due.getId());
      } catch (RuntimeException refused) {
        assertThat(refused).isInstanceOf(org.cabackoffice.workflow.camunda.RetryableIncident.class);
        failed = management.createJobQuery().jobId(due.getId()).singleResult();
      }
    }
    assertThat(failed).as("the look-up job failed").isNotNull();
    assertThat(failed.getExceptionMessage())
        .contains("registrant look-up for ACME order 7", "query limit exceeded", "retry once the registry answers");
    assertThat(pi).isWaitingAt(Activities.LOOK_UP_REGISTRANTS).hasNotPassed(Activities.CONFIRM_IDENTITY).isNotEnded();
  }

  @Test
  void anUploadNobodyWaitsForIsAnsweredAsSuchNotCorrelatedElsewhere() {
    identityCurrent = false;
    start();
    runJobs();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> uploaded(RenewalProcess.Messages.EMPLOYMENT_CERTIFICATE_UPLOADED))
        .isInstanceOf(org.cabackoffice.workflow.ProcessSignals.NoProcessWaitingException.class)
        .hasMessageContaining("ACME order 7");
  }

  @Test
  void supportingDocumentsTheCallingOfficerAsksForAreReviewedBeforeTheApproval() {
    identityCurrent = false;
    ProcessInstance pi = start();
    runJobs();
    decide(CONFIRMED_WITH_DOCUMENTS);
    runJobs();
    assertThat(pi).isWaitingAt(Activities.WAIT_FOR_DOCUMENTS).hasNotPassed(Activities.REQUEST_EMPLOYMENT_CERTIFICATE);
    uploaded(RenewalProcess.Messages.DOCUMENTS_UPLOADED);
    Task review = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(Activities.REVIEW_DOCUMENTS);
    assertThat(engine.getFormService().getDeployedTaskForm(review.getId())).isNotNull();
    completeAs("officer2", Activities.REVIEW_DOCUMENTS, Map.of(
        AcmeOrderVariables.DOCUMENTS_REVIEW, AcmeOrderVariables.ACCEPTED, AcmeOrderVariables.DOCUMENTS_REVIEW_NOTE, "current, names the organization"));
    runJobs();
    approve(Map.of(AcmeOrderVariables.IDENTITY_APPROVAL, "CONFIRMED", AcmeOrderVariables.IDENTITY_APPROVAL_NOTE, "call and documents agree"));
    runJobs();
    assertThat(pi)
        .hasPassedInOrder(Activities.CONFIRM_IDENTITY, Activities.REQUEST_DOCUMENTS, Activities.REVIEW_DOCUMENTS,
            Activities.APPROVE_IDENTITY, Activities.ORDER_VALID)
        .isEnded();
  }

  @Test
  void bothAnEmploymentCertificateAndDocumentsAreReviewedInTurnBeforeTheApproval() {
    identityCurrent = false;
    ProcessInstance pi = start();
    runJobs();
    Map<String, Object> both = new java.util.HashMap<>(UNREACHABLE);
    both.put(AcmeOrderVariables.DOCUMENTS_REQUIREMENT, AcmeOrderVariables.NEEDED);
    both.put(AcmeOrderVariables.DOCUMENTS_NOTE, "a current registry certificate");
    decide(both);
    runJobs();
    uploaded(RenewalProcess.Messages.EMPLOYMENT_CERTIFICATE_UPLOADED);
    completeAs("officer2", Activities.REVIEW_EMPLOYMENT_CERTIFICATE, Map.of(
        AcmeOrderVariables.EMPLOYMENT_CERTIFICATE_REVIEW, AcmeOrderVariables.ACCEPTED, AcmeOrderVariables.EMPLOYMENT_CERTIFICATE_NOTE, "sealed"));
    runJobs();
    uploaded(RenewalProcess.Messages.DOCUMENTS_UPLOADED);
    completeAs("officer2", Activities.REVIEW_DOCUMENTS, Map.of(
        AcmeOrderVariables.DOCUMENTS_REVIEW, AcmeOrderVariables.ACCEPTED, AcmeOrderVariables.DOCUMENTS_REVIEW_NOTE, "current"));
    runJobs();
    approve(Map.of(AcmeOrderVariables.IDENTITY_APPROVAL, "CONFIRMED", AcmeOrderVariables.IDENTITY_APPROVAL_NOTE, "all in order"));
    runJobs();
    assertThat(pi)
        .hasPassedInOrder(Activities.REVIEW_EMPLOYMENT_CERTIFICATE, Activities.REQUEST_DOCUMENTS, Activities.REVIEW_DOCUMENTS,
            Activities.APPROVE_IDENTITY, Activities.ORDER_VALID)
        .isEnded();
  }

  @Test
  void documentsTheOfficerDoesNotAcceptRefuseTheOrder() {
    identityCurrent = false;
    ProcessInstance pi = start();
    runJobs();
    decide(CONFIRMED_WITH_DOCUMENTS);
    runJobs();
    uploaded(RenewalProcess.Messages.DOCUMENTS_UPLOADED);
    completeAs("officer2", Activities.REVIEW_DOCUMENTS, Map.of(
        AcmeOrderVariables.DOCUMENTS_REVIEW, AcmeOrderVariables.REFUSED, AcmeOrderVariables.DOCUMENTS_REVIEW_NOTE, "issued in 2019"));
    runJobs();
    assertThat(calls).contains("acmeDocumentsReviewListener:REFUSED");
    assertThat(pi).hasPassed(Activities.ORDER_INVALID).hasNotPassed(Activities.APPROVE_IDENTITY).isEnded();
  }

  @Test
  void documentsNotUploadedInTimeOrNotReviewedInTimeRefuseTheOrderAndEachWaitIsReminded() {
    identityCurrent = false;
    ProcessInstance lapsed = start();
    runJobs();
    decide(CONFIRMED_WITH_DOCUMENTS);
    runJobs();
    management.executeJob(timer(lapsed, Activities.DOCUMENTS_REMINDER_DUE).getId());
    runJobs();
    assertThat(lapsed).hasPassed(Activities.REMIND_DOCUMENTS).isWaitingAt(Activities.WAIT_FOR_DOCUMENTS);
    management.executeJob(timer(lapsed, Activities.DOCUMENTS_EXPIRED).getId());
    runJobs();
    assertThat(lapsed).hasPassedInOrder(Activities.CLOSE_DOCUMENT_REQUEST, Activities.ORDER_INVALID).isEnded();
    assertThat(failures).singleElement().asString().contains("supporting documents were not received");

    failures.clear();
    ProcessInstance unreviewed = start();
    runJobs();
    decide(CONFIRMED_WITH_DOCUMENTS);
    runJobs();
    uploaded(RenewalProcess.Messages.DOCUMENTS_UPLOADED);
    management.executeJob(timer(unreviewed, Activities.DOCUMENTS_REVIEW_REMINDER_DUE).getId());
    runJobs();
    assertThat(reminders).contains("the review of the supporting documents");
    management.executeJob(timer(unreviewed, Activities.DOCUMENTS_NOT_REVIEWED_IN_TIME).getId());
    runJobs();
    assertThat(failures).singleElement().asString().contains("supporting documents were not reviewed").contains("14 days");
    assertThat(unreviewed).hasPassed(Activities.ORDER_INVALID).hasNotPassed(Activities.APPROVE_IDENTITY).isEnded();
  }

  @Test
  void caaForbiddingTheCaRefusesTheOrderBeforeSigning() {
    caaPermits = false;
    ProcessInstance pi = start();
    runJobs();
    assertThat(pi).hasPassed(Activities.CHECK_CAA, Activities.ORDER_INVALID).hasNotPassed(Activities.SIGN_CERTIFICATE).isEnded();
  }

  @Test
  void aSigningRefusedByTheGuardsOrLintRefusesTheOrder() {
    signed = false;
    ProcessInstance pi = start();
    runJobs();
    assertThat(pi).hasPassed(Activities.SIGN_CERTIFICATE, Activities.ORDER_INVALID).hasNotPassed(Activities.ORDER_VALID).isEnded();
  }

  @Test
  void aTokenThatCannotSignKeepsTheOrderProcessingAsARetriedIncidentAndTheRetrySigns() {
    // The real step, with the key store's answer when the HSM is unplugged (issue 9).
    AcmeOrders orders = org.mockito.Mockito.mock(AcmeOrders.class);
    org.mockito.Mockito.when(orders.sign(7L))
        .thenThrow(org.cabackoffice.issuance.TokenFailures.removed("issuing-ca"))
        .thenReturn(true);
    Mocks.register("signAcmeCertificateDelegate", new SignAcmeCertificateDelegate(orders));
    ProcessInstance pi = start();
    Job signing = null;
    for (int round = 0; round < 10 && signing == null; round++) {
      Job due = management.createJobQuery().processInstanceId(pi.getId()).executable().messages().singleResult();
      try {
        management.executeJob(due.getId());
      } catch (RuntimeException refused) {
        assertThat(refused).isInstanceOf(org.cabackoffice.workflow.camunda.RetryableIncident.class);
        signing = due;
      }
    }
    assertThat(signing).as("the signing job failed").isNotNull();
    Job failed = management.createJobQuery().jobId(signing.getId()).singleResult();
    assertThat(failed.getExceptionMessage()).contains("'issuing-ca'", "CKR_DEVICE_REMOVED", "resumes on retry");
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(pi).isWaitingAt(Activities.SIGN_CERTIFICATE).isNotEnded();

    // The token is back: operations (or the retry cycle) run it again and the order is valid.
    management.executeJob(failed.getId());
    assertThat(pi).hasPassed(Activities.SIGN_CERTIFICATE, Activities.ORDER_VALID).isEnded();
    org.mockito.Mockito.verify(orders, org.mockito.Mockito.times(2)).sign(7L);
  }

  @Test
  void anOrderBeyondTheContractWaitsForAnOfficerWhoApprovesItOverTheContract() {
    withinContract = false;
    ProcessInstance pi = start();
    runJobs();
    assertThat(pi).isWaitingAt(Activities.APPROVE_BEYOND_CONTRACT).hasNotPassed(Activities.CHECK_CAA);
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(task).hasCandidateGroup("validationOfficers");
    assertThat(engine.getFormService().getDeployedTaskForm(task.getId())).isNotNull();
    assertThat(runtime.getVariable(pi.getId(), AcmeOrderVariables.BEYOND_CONTRACT_REASON)).asString().contains("used up");

    answerBeyondContract(Map.of(AcmeOrderVariables.CONTRACT_DECISION, "APPROVED",
        AcmeOrderVariables.CONTRACT_NOTE, "the customer agreed to an additional invoice for 5 certificates"));
    runJobs();

    assertThat(calls).contains("acmeBeyondContractListener:APPROVED");
    assertThat(pi)
        .hasPassedInOrder(Activities.APPROVE_BEYOND_CONTRACT, Activities.CHECK_CAA, Activities.SIGN_CERTIFICATE, Activities.ORDER_VALID)
        .isEnded();
  }

  @Test
  void anOrderBeyondTheContractTheOfficerRejectsIsInvalidAndNothingIsSigned() {
    withinContract = false;
    ProcessInstance pi = start();
    runJobs();
    answerBeyondContract(Map.of(AcmeOrderVariables.CONTRACT_DECISION, "REJECTED",
        AcmeOrderVariables.CONTRACT_NOTE, "the customer did not renew the contract"));
    runJobs();
    assertThat(calls).contains("acmeBeyondContractListener:REJECTED");
    assertThat(pi).hasPassed(Activities.ORDER_INVALID).hasNotPassed(Activities.CHECK_CAA, Activities.SIGN_CERTIFICATE).isEnded();
  }

  @Test
  void anOrderBeyondTheContractNobodyDecidesInTimeIsRefused() {
    withinContract = false;
    ProcessInstance pi = start();
    runJobs();
    management.executeJob(timer(pi, Activities.BEYOND_CONTRACT_NOT_DECIDED_IN_TIME).getId());
    runJobs();
    assertThat(pi).hasPassed(Activities.ORDER_INVALID).hasNotPassed(Activities.SIGN_CERTIFICATE).isEnded();
    assertThat(failures).singleElement().asString().contains("beyond the organization's ACME contract").contains("14 days");
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  private void answerBeyondContract(Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().taskDefinitionKey(Activities.APPROVE_BEYOND_CONTRACT).singleResult();
    tasks.claim(task.getId(), "officer");
    engine.getIdentityService().setAuthenticatedUserId("officer");
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private ProcessInstance start() {
    return runtime.startProcessInstanceByKey(
        AcmeOrderProcess.PROCESS_KEY,
        AcmeOrderVariables.businessKey(7),
        Map.of(AcmeOrderVariables.ORDER_ID, 7L, AcmeOrderVariables.ACCOUNT_URI, "https://ca.example/acme/account/1"));
  }

  private void decide(Map<String, Object> variables) {
    completeAs("officer", Activities.CONFIRM_IDENTITY, variables);
  }

  private void approve(Map<String, Object> variables) {
    completeAs("senior", Activities.APPROVE_IDENTITY, variables);
  }

  private void completeAs(String user, String taskKey, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().taskDefinitionKey(taskKey).singleResult();
    if (task.getAssignee() == null) {
      tasks.claim(task.getId(), user);
    }
    engine.getIdentityService().setAuthenticatedUserId(user);
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void delegate(String name, Body body) {
    Mocks.register(name, (JavaDelegate) execution -> {
      calls.add(name);
      body.run(execution);
    });
  }

  interface Body {
    void run(DelegateExecution execution) throws Exception;
  }

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

  private Job timer(ProcessInstance pi, String activityId) {
    Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId).singleResult();
    assertThat(timer).as("timer " + activityId).isNotNull();
    return timer;
  }

  /** The technical contact's upload reaches order 7's process, as the upload page tells it. */
  private void uploaded(String message) {
    new org.cabackoffice.acme.camunda.CamundaAcmeOrderProcess(runtime).arrived(7, message);
  }
}
