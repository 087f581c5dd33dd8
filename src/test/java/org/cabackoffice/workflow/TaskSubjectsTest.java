package org.cabackoffice.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.cabackoffice.workflow.TaskSubjects.TaskSubject;
import org.junit.jupiter.api.Test;

/** Tasklist entries of the same step tell apart by the application they are about. */
class TaskSubjectsTest {

  final TaskSubject standard =
      new TaskSubject(42, "www.sample.co.jp", "Sample K.K.", false, Instant.parse("2026-11-30T08:00:00Z"));

  @Test
  void theEntryNamesStepApplicationCommonNameAndOrganization() {
    assertThat(standard.entryName("Approve issuance"))
        .isEqualTo("Approve issuance — #42 www.sample.co.jp (Sample K.K.)");
  }

  @Test
  void aNamedEntryIsNotNamedTwice() {
    assertThat(standard.entryName(standard.entryName("Approve issuance")))
        .isEqualTo("Approve issuance — #42 www.sample.co.jp (Sample K.K.)");
    assertThat(standard.entryName(null)).isEqualTo("#42 www.sample.co.jp (Sample K.K.)");
  }

  @Test
  void expressApplicationsTasksComeFirst() {
    TaskSubject express =
        new TaskSubject(43, "www.sample.co.jp", "Sample K.K.", true, Instant.parse("2026-11-25T08:00:00Z"));
    assertThat(express.priority()).isGreaterThan(standard.priority());
    assertThat(standard.priority()).isEqualTo(50); // Camunda's default: standard tasks stay as they were
  }
}
