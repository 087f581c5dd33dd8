package org.cabackoffice.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cabackoffice.workflow.RevocationProcess.Activities;
import org.cabackoffice.workflow.RevocationProcess.Origins;
import org.cabackoffice.workflow.RevocationProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.cabackoffice.workflow.camunda.OfficerDecision;
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
 * Drives bpmn/certificate-revocation.bpmn through each of its paths, with recording stand-ins for
 * the delegates. The approval's stand-in listener keeps the four-eyes rule as the real one does
 * (through {@link BusinessKeys#officer} and {@link OfficerDecision}), so a refused approval is
 * seen to leave the task open; what the delegates do is RevocationRequestsTest's and the IT's.
 */
@Deployment(
    resources = {
      "bpmn/certificate-revocation.bpmn",
      "forms/approve-revocation.form",
      "forms/investigate-problem-report.form"
    })
class CertificateRevocationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder().configurationResource("process-test.camunda.cfg.xml").build();

  ProcessEngine engine;
  RuntimeService runtime;
  TaskService tasks;
  ManagementService management;

  final List<String> calls = new ArrayList<>();
  final List<String> escalations = new ArrayList<>();

  @BeforeEach
  void standIns() {
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    management = engine.getManagementService();
    delegate("revokeCertificateDelegate", e -> {});
    delegate("mailPreliminaryReportDelegate", e -> {});
    delegate("mailAutomaticPreliminaryReportDelegate", e -> {});
    delegate(
        "escalateRevocationDelegate",
        e -> escalations.add(e.getVariableLocal(Variables.ESCALATION_WAITING_FOR) + " by " + e.getVariableLocal(Variables.ESCALATION_DEADLINE)));
    Mocks.register(
        "revocationApprovalListener",
        (TaskListener)
            task -> {
              calls.add("revocationApprovalListener");
              OfficerDecision.record(
                  () -> {
                    String approver = BusinessKeys.officer(task);
                    if (approver.equals(task.getVariable(Variables.PROPOSED_BY))) {
                      throw new IllegalStateException(approver + " proposed this revocation and may not also approve it");
                    }
                  });
            });
    Mocks.register(
        "problemReportInvestigationListener",
        (TaskListener)
            task -> {
              calls.add("problemReportInvestigationListener");
              task.getExecution().setVariable(Variables.PROPOSED_BY, task.getAssignee());
              task.getExecution().setVariable(Variables.REVOCATION_DEADLINE, inHours(24));
              task.getExecution().setVariable(Variables.ESCALATE_REVOCATION_AT, inHours(20));
            });
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    engine.getIdentityService().clearAuthentication();
  }

  // --- paths -------------------------------------------------------------------------------

  @Test
  void theSubscribersRequestIsRevokedWithoutAnOfficer() {
    ProcessInstance pi = start(Origins.SUBSCRIBER, false);
    runJobs();
    assertThat(pi).hasPassedInOrder(Activities.REVOCATION_REQUESTED, Activities.REVOKE_CERTIFICATE, Activities.CERTIFICATE_REVOKED).isEnded();
    assertThat(calls).containsExactly("revokeCertificateDelegate");
  }

  @Test
  void anOfficerRecordingTheSubscribersRequestRevokesWithoutApproval() {
    ProcessInstance pi = start(Origins.OFFICER_FOR_SUBSCRIBER, false);
    runJobs();
    assertThat(pi).hasPassed(Activities.REVOKE_CERTIFICATE).hasNotPassed(Activities.APPROVE_REVOCATION).isEnded();
  }

  @Test
  void theCasOwnRevocationWaitsForASecondOfficersApproval() {
    ProcessInstance pi = start(Origins.CA, false);
    runJobs();
    assertThat(pi).isWaitingAt(Activities.APPROVE_REVOCATION);
    assertThat(calls).isEmpty();
    Task approval = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(approval).hasCandidateGroup("seniorOfficers");
    assertThat(engine.getFormService().getDeployedTaskForm(approval.getId())).isNotNull();

    decide("senior2", Activities.APPROVE_REVOCATION, Map.of(Variables.REVOCATION_DECISION, "APPROVE", Variables.REVOCATION_APPROVAL_NOTE, "misissued: O is wrong"));
    runJobs();

    assertThat(pi).hasPassedInOrder(Activities.APPROVE_REVOCATION, Activities.REVOKE_CERTIFICATE, Activities.CERTIFICATE_REVOKED).isEnded();
  }

  @Test
  void aRevocationNotApprovedRevokesNothing() {
    ProcessInstance pi = start(Origins.CA, false);
    runJobs();
    decide("senior2", Activities.APPROVE_REVOCATION, Map.of(Variables.REVOCATION_DECISION, "REFUSE", Variables.REVOCATION_APPROVAL_NOTE, "the evidence is not enough"));
    runJobs();
    assertThat(pi).hasPassed(Activities.REVOCATION_NOT_APPROVED).hasNotPassed(Activities.REVOKE_CERTIFICATE).isEnded();
    assertThat(calls).doesNotContain("revokeCertificateDelegate");
  }

  @Test
  void theOfficerWhoProposedCannotApproveAndTheTaskStaysOpen() {
    ProcessInstance pi = start(Origins.CA, false);
    runJobs();
    assertThatThrownBy(
            () ->
                decide("senior1", Activities.APPROVE_REVOCATION, Map.of(Variables.REVOCATION_DECISION, "APPROVE", Variables.REVOCATION_APPROVAL_NOTE, "mine")))
        .hasMessageContaining("may not also approve");
    assertThat(pi).isWaitingAt(Activities.APPROVE_REVOCATION);
    assertThat(calls).doesNotContain("revokeCertificateDelegate");

    Task approval = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    tasks.setAssignee(approval.getId(), null);
    decide("senior2", Activities.APPROVE_REVOCATION, Map.of(Variables.REVOCATION_DECISION, "APPROVE", Variables.REVOCATION_APPROVAL_NOTE, "agreed"));
    runJobs();
    assertThat(pi).hasPassed(Activities.REVOKE_CERTIFICATE).isEnded();
  }

  @Test
  void aProblemReportInvestigatedForRevocationGoesToApprovalAfterThePreliminaryReport() {
    ProcessInstance pi = start(Origins.PROBLEM_REPORT, false);
    runJobs();
    assertThat(pi).isWaitingAt(Activities.INVESTIGATE_PROBLEM_REPORT);
    Task investigation = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(investigation).hasCandidateGroup("validationOfficers");
    assertThat(investigation.getDueDate()).isEqualTo(runtime.getVariable(pi.getId(), Variables.INVESTIGATION_DEADLINE));

    decide("officer1", Activities.INVESTIGATE_PROBLEM_REPORT, Map.of(
        Variables.INVESTIGATION_DECISION, "REVOKE",
        Variables.INVESTIGATION_REASON, "keyCompromise",
        Variables.INVESTIGATION_FINDINGS, "the key is published on a paste site"));
    runJobs();
    assertThat(pi).hasPassedInOrder(Activities.INVESTIGATE_PROBLEM_REPORT, Activities.MAIL_PRELIMINARY_REPORT).isWaitingAt(Activities.APPROVE_REVOCATION);

    decide("senior2", Activities.APPROVE_REVOCATION, Map.of(Variables.REVOCATION_DECISION, "APPROVE", Variables.REVOCATION_APPROVAL_NOTE, "confirmed"));
    runJobs();
    assertThat(pi).hasPassed(Activities.REVOKE_CERTIFICATE, Activities.CERTIFICATE_REVOKED).isEnded();
    assertThat(calls).containsExactly(
        "problemReportInvestigationListener", "mailPreliminaryReportDelegate", "revocationApprovalListener", "revokeCertificateDelegate");
  }

  @Test
  void aProblemReportFoundUnfoundedIsClosedAfterThePreliminaryReport() {
    ProcessInstance pi = start(Origins.PROBLEM_REPORT, false);
    runJobs();
    decide("officer1", Activities.INVESTIGATE_PROBLEM_REPORT, Map.of(
        Variables.INVESTIGATION_DECISION, "NO_ACTION",
        Variables.INVESTIGATION_FINDINGS, "the certificate is correct"));
    runJobs();
    assertThat(pi).hasPassed(Activities.MAIL_PRELIMINARY_REPORT, Activities.REPORT_CLOSED)
        .hasNotPassed(Activities.APPROVE_REVOCATION, Activities.REVOKE_CERTIFICATE).isEnded();
  }

  @Test
  void aProvenKeyCompromiseIsRevokedAtOnceAndReported() {
    ProcessInstance pi = start(Origins.PROBLEM_REPORT, true);
    runJobs();
    assertThat(pi)
        .hasPassedInOrder(Activities.REVOKE_COMPROMISED_KEY, Activities.MAIL_KEY_COMPROMISE_REPORT, Activities.COMPROMISED_KEY_REVOKED)
        .hasNotPassed(Activities.INVESTIGATE_PROBLEM_REPORT, Activities.APPROVE_REVOCATION)
        .isEnded();
    assertThat(calls).containsExactly("revokeCertificateDelegate", "mailPreliminaryReportDelegate");
  }

  @Test
  void theApprovalsDeadlineAlertsTheTeamAndTheTaskStays() {
    ProcessInstance pi = start(Origins.CA, false);
    runJobs();
    Job timer = timer(pi, Activities.REVOCATION_DEADLINE_NEAR);
    assertThat(timer.getDuedate()).isEqualTo(runtime.getVariable(pi.getId(), Variables.ESCALATE_REVOCATION_AT));
    management.executeJob(timer.getId());
    runJobs();
    assertThat(pi).hasPassed(Activities.ESCALATE_REVOCATION).isWaitingAt(Activities.APPROVE_REVOCATION);
    assertThat(escalations).singleElement().asString().startsWith("Approve the revocation");
    decide("senior2", Activities.APPROVE_REVOCATION, Map.of(Variables.REVOCATION_DECISION, "APPROVE", Variables.REVOCATION_APPROVAL_NOTE, "late but done"));
    runJobs();
    assertThat(pi).hasPassed(Activities.REVOKE_CERTIFICATE).isEnded();
  }

  @Test
  void theInvestigationsDeadlineAlertsTheTeamAndTheTaskStays() {
    ProcessInstance pi = start(Origins.PROBLEM_REPORT, false);
    runJobs();
    Job timer = timer(pi, Activities.INVESTIGATION_DEADLINE_NEAR);
    assertThat(timer.getDuedate()).isEqualTo(runtime.getVariable(pi.getId(), Variables.ESCALATE_INVESTIGATION_AT));
    management.executeJob(timer.getId());
    runJobs();
    assertThat(pi).hasPassed(Activities.ESCALATE_INVESTIGATION).isWaitingAt(Activities.INVESTIGATE_PROBLEM_REPORT);
    assertThat(escalations).singleElement().asString().startsWith("Investigate the problem report");
  }

  @Test
  void nobodyInvestigatingWithinTheDayMailsThePreliminaryReportAndTheFindingsFollow() {
    ProcessInstance pi = start(Origins.PROBLEM_REPORT, false);
    runJobs();
    Job timer = timer(pi, Activities.PRELIMINARY_REPORT_DUE);
    assertThat(timer.getDuedate()).isEqualTo(runtime.getVariable(pi.getId(), Variables.AUTOMATIC_PRELIMINARY_REPORT_AT));
    assertThat(timer.getDuedate()).isBefore((Date) runtime.getVariable(pi.getId(), Variables.INVESTIGATION_DEADLINE));
    management.executeJob(timer.getId());
    runJobs();
    assertThat(pi)
        .hasPassedInOrder(Activities.MAIL_AUTOMATIC_PRELIMINARY_REPORT, Activities.AUTOMATIC_PRELIMINARY_REPORT_MAILED)
        .isWaitingAt(Activities.INVESTIGATE_PROBLEM_REPORT);
    assertThat(calls).containsExactly("mailAutomaticPreliminaryReportDelegate");

    // The officer's findings still go out, as the report on the investigation.
    decide("officer1", Activities.INVESTIGATE_PROBLEM_REPORT, Map.of(
        Variables.INVESTIGATION_DECISION, "NO_ACTION",
        Variables.INVESTIGATION_FINDINGS, "the certificate is correct"));
    runJobs();
    assertThat(pi).hasPassed(Activities.MAIL_PRELIMINARY_REPORT, Activities.REPORT_CLOSED).isEnded();
    assertThat(calls).containsExactly(
        "mailAutomaticPreliminaryReportDelegate", "problemReportInvestigationListener", "mailPreliminaryReportDelegate");
  }

  @Test
  void anInvestigationFinishedInTimeCancelsTheAutomaticReport() {
    ProcessInstance pi = start(Origins.PROBLEM_REPORT, false);
    runJobs();
    decide("officer1", Activities.INVESTIGATE_PROBLEM_REPORT, Map.of(
        Variables.INVESTIGATION_DECISION, "NO_ACTION",
        Variables.INVESTIGATION_FINDINGS, "the certificate is correct"));
    runJobs();
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().activityId(Activities.PRELIMINARY_REPORT_DUE).count()).isZero();
    assertThat(pi).hasNotPassed(Activities.MAIL_AUTOMATIC_PRELIMINARY_REPORT).isEnded();
  }

  @Test
  void anInvestigationProposingRevocationArmsTheApprovalsDeadline() {
    ProcessInstance pi = start(Origins.PROBLEM_REPORT, false);
    runJobs();
    decide("officer1", Activities.INVESTIGATE_PROBLEM_REPORT, Map.of(
        Variables.INVESTIGATION_DECISION, "REVOKE",
        Variables.INVESTIGATION_REASON, "superseded",
        Variables.INVESTIGATION_FINDINGS, "domain validation must not be relied on"));
    runJobs();
    Job timer = timer(pi, Activities.REVOCATION_DEADLINE_NEAR);
    assertThat(timer.getDuedate()).isEqualTo(runtime.getVariable(pi.getId(), Variables.ESCALATE_REVOCATION_AT));
    management.executeJob(timer.getId());
    assertThat(escalations).hasSize(1);
    assertThat(pi).isWaitingAt(Activities.APPROVE_REVOCATION);
  }

  // --- helpers -----------------------------------------------------------------------------

  private ProcessInstance start(String origin, boolean proven) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.REVOCATION_ID, 7L);
    variables.put(Variables.SERIAL, "0a1b2c");
    variables.put(Variables.COMMON_NAME, "www.sample.co.jp");
    variables.put(Variables.ORIGIN, origin);
    variables.put(Variables.REASON, Origins.PROBLEM_REPORT.equals(origin) ? "" : "privilegeWithdrawn");
    variables.put(Variables.REQUESTED_BY, "senior1");
    variables.put(Variables.PROPOSED_BY, Origins.CA.equals(origin) ? "senior1" : "");
    variables.put(Variables.KEY_COMPROMISE_PROVEN, proven);
    variables.put(Variables.INVESTIGATION_DEADLINE, inHours(24));
    variables.put(Variables.ESCALATE_INVESTIGATION_AT, inHours(20));
    variables.put(Variables.AUTOMATIC_PRELIMINARY_REPORT_AT, inHours(23));
    variables.put(Variables.REVOCATION_DEADLINE, inHours(120));
    variables.put(Variables.ESCALATE_REVOCATION_AT, inHours(116));
    return runtime.startProcessInstanceByKey(RevocationProcess.PROCESS_KEY, RevocationProcess.businessKey(7), variables);
  }

  private static Date inHours(long hours) {
    return Date.from(Instant.now().plus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
  }

  /** Claims the task as the officer and completes it logged in as them, as Tasklist does. */
  private void decide(String officer, String taskKey, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("open task " + taskKey).isNotNull();
    if (task.getAssignee() == null) {
      tasks.claim(task.getId(), officer);
    }
    engine.getIdentityService().setAuthenticatedUserId(officer);
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void delegate(String name, Body body) {
    Mocks.register(
        name,
        (JavaDelegate)
            execution -> {
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
}
