package org.cabackoffice.audit.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CamundaProcessHistoryTest {

  @Test
  void gatewaysAndEventsWithoutWaitAreOneEntry() {
    assertThat(CamundaProcessHistory.takesNoTime("exclusiveGateway")).isTrue();
    assertThat(CamundaProcessHistory.takesNoTime("startEvent")).isTrue();
    assertThat(CamundaProcessHistory.takesNoTime("startTimerEvent")).isTrue();
    assertThat(CamundaProcessHistory.takesNoTime("noneEndEvent")).isTrue();
    assertThat(CamundaProcessHistory.takesNoTime("boundaryTimer")).isTrue();
    assertThat(CamundaProcessHistory.takesNoTime("intermediateNoneThrowEvent")).isTrue();
  }

  @Test
  void tasksAndCatchEventsWaitSoTheyStartAndEnd() {
    assertThat(CamundaProcessHistory.takesNoTime("userTask")).isFalse();
    assertThat(CamundaProcessHistory.takesNoTime("serviceTask")).isFalse();
    assertThat(CamundaProcessHistory.takesNoTime("receiveTask")).isFalse();
    assertThat(CamundaProcessHistory.takesNoTime("intermediateTimer")).isFalse();
    assertThat(CamundaProcessHistory.takesNoTime("subProcess")).isFalse();
    assertThat(CamundaProcessHistory.takesNoTime(null)).isFalse();
  }

  @Test
  void activityTypesReadAsWords() {
    assertThat(CamundaProcessHistory.words("exclusiveGateway")).isEqualTo("exclusive gateway");
    assertThat(CamundaProcessHistory.words("userTask")).isEqualTo("user task");
    assertThat(CamundaProcessHistory.words(null)).isEqualTo("activity");
  }
}
