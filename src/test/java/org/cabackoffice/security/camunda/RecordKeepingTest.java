package org.cabackoffice.security.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
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
}
