package org.cabackoffice.security.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.ActivateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.GetActivityInstanceCmd;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetNextIdBlockCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetAnnotationForIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

class RecordKeepingTest {

  static final Authentication OPERATOR = new Authentication("operator", List.of(StaffGroups.OPERATIONS));
  static final Authentication OFFICER = new Authentication("officer", List.of(StaffGroups.VALIDATION_OFFICERS));
  static final Authentication AUDITOR = new Authentication("auditor", List.of(StaffGroups.AUDITORS));
  static final Authentication ADMIN = new Authentication("admin", List.of(StaffGroups.ADMINS));

  @Test
  void aRetryKeepsTheJobsDueDate() {
    SetJobRetriesCmd retry = new SetJobRetriesCmd("job-1", null, 3, null, false);
    SetJobRetriesCmd retryEarlier = new SetJobRetriesCmd("job-1", null, 3, new Date(0), true);

    assertThat(RecordKeeping.refusal(retry, OPERATOR)).isNull();
    assertThat(RecordKeeping.refusal(retryEarlier, OPERATOR)).contains("not move its due date");
    assertThat(RecordKeeping.refusal(retryEarlier, ADMIN)).isNull();
    // The engine's own work (no one logged in) passes.
    assertThat(RecordKeeping.refusal(retryEarlier, null)).isNull();
  }

  @Test
  void decisionsGoThroughFormsAndTheRecordStaysAsWritten() {
    assertThat(RecordKeeping.refusal(mock(SetTaskVariablesCmd.class), OFFICER)).contains("task's form");
    assertThat(RecordKeeping.refusal(mock(UpdateCommentCmd.class), OFFICER)).contains("stays as written");
    assertThat(RecordKeeping.refusal(mock(AddCommentCmd.class), OFFICER)).isNull();
    assertThat(RecordKeeping.refusal(mock(AddCommentCmd.class), AUDITOR)).contains("adds nothing");
  }

  static final Authentication SENIOR = new Authentication("senior", List.of(StaffGroups.SENIOR_OFFICERS));

  @Test
  void officersWorkTasksAndCannotEndAnApplicationAnyOtherWay() {
    for (Authentication officer : List.of(OFFICER, SENIOR)) {
      assertThat(RecordKeeping.refusal(mock(ClaimTaskCmd.class), officer)).isNull();
      assertThat(RecordKeeping.refusal(mock(AssignTaskCmd.class), officer)).isNull();
      assertThat(RecordKeeping.refusal(mock(SubmitTaskFormCmd.class), officer)).isNull();
      assertThat(RecordKeeping.refusal(mock(CompleteTaskCmd.class), officer)).isNull();
      // The attack: a task's BPMN error or escalation ended the process with no outcome.
      assertThat(RecordKeeping.refusal(mock(HandleTaskBpmnErrorCmd.class), officer))
          .contains("may not HandleTaskBpmnError");
      assertThat(RecordKeeping.refusal(mock(HandleTaskEscalationCmd.class), officer)).isNotNull();
      assertThat(RecordKeeping.refusal(mock(DeleteProcessInstanceCmd.class), officer)).isNotNull();
      assertThat(RecordKeeping.refusal(mock(CorrelateMessageCmd.class), officer)).isNotNull();
      assertThat(RecordKeeping.refusal(mock(SignalEventReceivedCmd.class), officer)).isNotNull();
      assertThat(RecordKeeping.refusal(mock(AddGroupIdentityLinkCmd.class), officer)).isNotNull();
      assertThat(RecordKeeping.refusal(mock(SaveTaskCmd.class), officer)).isNotNull();
      assertThat(RecordKeeping.refusal(mock(SetJobRetriesCmd.class), officer)).isNotNull();
    }
  }

  @Test
  void operationsMendIncidentsButMoveNothingForward() {
    assertThat(RecordKeeping.refusal(mock(SuspendProcessInstanceCmd.class), OPERATOR)).isNull();
    assertThat(RecordKeeping.refusal(mock(ActivateProcessInstanceCmd.class), OPERATOR)).isNull();
    assertThat(RecordKeeping.refusal(mock(SetAnnotationForIncidentCmd.class), OPERATOR)).isNull();
    // Executing a timer's job now would make a deadline pass early.
    assertThat(RecordKeeping.refusal(mock(ExecuteJobsCmd.class), OPERATOR)).isNotNull();
    assertThat(RecordKeeping.refusal(mock(RestartProcessInstancesCmd.class), OPERATOR)).isNotNull();
    assertThat(RecordKeeping.refusal(mock(EvaluateStartConditionCmd.class), OPERATOR)).isNotNull();
    assertThat(RecordKeeping.refusal(mock(CompleteTaskCmd.class), OPERATOR)).isNotNull();
    assertThat(RecordKeeping.refusal(mock(DeleteProcessInstanceCmd.class), OPERATOR)).isNotNull();
  }

  @Test
  void everyoneReadsAuditorsOnlyRead() {
    for (Authentication anyone : List.of(OFFICER, SENIOR, OPERATOR, AUDITOR)) {
      assertThat(RecordKeeping.refusal(new TaskQueryImpl(), anyone)).isNull();
      assertThat(RecordKeeping.refusal(new HistoricProcessInstanceQueryImpl(), anyone)).isNull();
      assertThat(RecordKeeping.refusal(mock(GetTaskFormVariablesCmd.class), anyone)).isNull();
      assertThat(RecordKeeping.refusal(mock(GetDeployedTaskFormCmd.class), anyone)).isNull();
      assertThat(RecordKeeping.refusal(mock(GetActivityInstanceCmd.class), anyone)).isNull();
      // GET /engine-rest/task/{id}/variables/{name}: Camunda names its typed readers ...CmdTyped.
      assertThat(RecordKeeping.refusal(mock(org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped.class), anyone)).isNull();
    }
    assertThat(RecordKeeping.refusal(mock(ClaimTaskCmd.class), AUDITOR)).isNotNull();
    assertThat(RecordKeeping.refusal(mock(SetJobRetriesCmd.class), AUDITOR)).isNotNull();
    // Named like a reader, writes the id block.
    assertThat(StaffCommands.reads(mock(GetNextIdBlockCmd.class))).isFalse();
  }

  @Test
  void administratorsAndTheEngineItselfAreNotRestricted() {
    assertThat(RecordKeeping.refusal(mock(DeleteProcessInstanceCmd.class), ADMIN)).isNull();
    assertThat(RecordKeeping.refusal(mock(HandleTaskBpmnErrorCmd.class), null)).isNull();
  }

  @Test
  void anOfficersNoteFromAFormIsPlainText() {
    java.util.Map<String, Object> note = new java.util.HashMap<>();
    note.put("phoneNote", "spoke with\nYamada\u0000");
    note.put("phoneOutcome", "CONFIRMED");
    assertThat(RecordKeeping.decisionTextProblem(new CompleteTaskCmd("task-1", note)))
        .startsWith("phoneNote: ")
        .contains("U+0000");
    assertThat(RecordKeeping.decisionTextProblem(
            new SubmitTaskFormCmd("task-1", org.camunda.bpm.engine.variable.Variables.createVariables()
                .putValueTyped("documentsNote", org.camunda.bpm.engine.variable.Variables.stringValue("ok\u0007")), false, false)))
        .startsWith("documentsNote: ");
    note.put("phoneNote", "spoke with\nYamada");
    assertThat(RecordKeeping.decisionTextProblem(new CompleteTaskCmd("task-1", note))).isNull();
  }
}
