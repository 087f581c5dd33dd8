package org.cabackoffice.audit.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 8: the timeline says what staff did in words, not "Complete Task: delete false -> true". */
class EngineOperationWordsTest {

  @Test
  void operationsReadAsWhatThePersonDid() {
    Map<String, String> claimed = new LinkedHashMap<>();
    claimed.put("assignee", "senior");
    assertThat(CamundaProcessHistory.describe("Claim", "Task", "Approve issuance", claimed))
        .isEqualTo("claimed «Approve issuance»");
    assertThat(CamundaProcessHistory.describe("Complete", "Task", "Approve issuance", Map.of("delete", "true")))
        .isEqualTo("completed «Approve issuance»");
    Map<String, String> unassigned = new LinkedHashMap<>();
    unassigned.put("assignee", null);
    assertThat(CamundaProcessHistory.describe("Assign", "Task", "Review documents", unassigned))
        .isEqualTo("unassigned «Review documents»");
    assertThat(CamundaProcessHistory.describe("SetJobRetries", "Job", null, Map.of("retries", "3")))
        .isEqualTo("set the retries of a failed job to 3");
    assertThat(CamundaProcessHistory.describe("Suspend", "ProcessInstance", null, Map.of()))
        .isEqualTo("suspended process instance");
  }
}
