package org.cabackoffice.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.access.Roles;
import org.cabackoffice.pages.TestPages;
import org.cabackoffice.security.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * What operators read on the migration pages (issue 11): a running batch with its progress, a
 * failed job's message and the retry and give-up forms; the timers of the instances before and
 * after the move, kept or updated.
 */
class MigrationPagesTest {

  final InstanceMigrations migrations = mock(InstanceMigrations.class);
  final CurrentUser user = mock(CurrentUser.class);
  MigrationPages pages;

  static final ProcessMigrations.Timer REMINDER = new ProcessMigrations.Timer("review-overdue", Instant.parse("2026-12-11T08:00:00Z"));

  static ProcessMigrations.Plan plan(boolean updateTimers) {
    return new ProcessMigrations.Plan("certificate-renewal", "renewal:1:a", 1, "renewal:2:b", 2,
        List.of(new ProcessMigrations.Mapping("review", "Review", "review", "Review", false)), List.of(),
        List.of(new ProcessMigrations.TimerChange("review-overdue", "review-overdue", "P5D", "PT24H")), updateTimers,
        List.of(new ProcessMigrations.RunningInstance("i-1", "17", List.of("review"), List.of(REMINDER), List.of())));
  }

  @BeforeEach
  void operator() {
    when(user.name()).thenReturn("operator2");
    when(user.hasRole(Roles.OPERATIONS)).thenReturn(true);
    when(migrations.batchThreshold()).thenReturn(100);
    pages = new MigrationPages(migrations, user, TestPages.create());
  }

  private static MockHttpServletRequest english() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setParameter("lang", "en");
    request.addHeader("Accept-Language", "en");
    return request;
  }

  @Test
  void aRunningBatchShowsItsProgressAndFailedJobsWithRetryAndGiveUp() throws Exception {
    InstanceMigration m = new InstanceMigration(plan(false), List.of("i-1", "i-2"), "many", "operator", Instant.parse("2026-12-06T08:00:00Z"));
    var id = InstanceMigration.class.getDeclaredField("id");
    id.setAccessible(true);
    id.set(m, 7L);
    m.approved("operator2", Instant.parse("2026-12-06T08:01:00Z"), null);
    m.running("batch-42", List.of());
    m.timersMoved(List.of("i-1: review-overdue 2026-12-11 17:00:00 JST →"));
    when(migrations.migration(7L)).thenReturn(m);
    when(migrations.settle(m)).thenReturn(m);
    when(migrations.progress(m)).thenReturn(Optional.of(new ProcessMigrations.BatchProgress("batch-42", 150, 120, 1, 29,
        List.of(new ProcessMigrations.FailedJob("job-9", "ENGINE-23004 Cannot migrate process instance 'i-2'")), false)));

    ResponseEntity<String> page = pages.migration(7L, english());

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody())
        .contains("batch-42", "150 jobs: 120 done, 1 failed, 29 still to run", "job-9", "Cannot migrate process instance")
        .contains("action=\"/operations/migrations/7/retries\"", "action=\"/operations/migrations/7/abandonment\"")
        .contains("i-1: review-overdue 2026-12-11 17:00:00 JST →")
        .doesNotContain("id=\"approve\"");
  }

  @Test
  void thePlanShowsTheChangedTimerAndEachInstancesDueDateKeptOrUpdated() {
    when(migrations.preview(eq("renewal:1:a"), eq("renewal:2:b"), isNull(), anyBoolean()))
        .thenAnswer(i -> plan(i.getArgument(3)));

    String kept = pages.preview("renewal:1:a", "renewal:2:b", null, false, english()).getBody();
    // Kept: the engine keeps the due date the old definition gave.
    assertThat(kept).contains("P5D", "PT24H", "keeps each migrated timer", "name=\"updateTimers\" value=\"false\"");
    assertThat(afterMove(kept)).isEqualTo("2026-12-11 17:00:00 JST");

    String updated = pages.preview("renewal:1:a", "renewal:2:b", null, true, english()).getBody();
    // Updated: a day from the moment it moves, no longer five days from when it started.
    assertThat(updated).contains("Timers are updated", "name=\"updateTimers\" value=\"true\"");
    assertThat(afterMove(updated)).isNotEqualTo("2026-12-11 17:00:00 JST").endsWith(" JST");
  }

  @Test
  void anUpdatedTimerWhoseNewDefinitionIsNotADurationSaysTheEngineComputesIt() {
    ProcessMigrations.Plan cycle = new ProcessMigrations.Plan("certificate-renewal", "renewal:1:a", 1, "renewal:2:b", 2, List.of(), List.of(),
        List.of(new ProcessMigrations.TimerChange("review-overdue", "review-overdue", "P5D", "${reminderCycle}")), true,
        plan(true).instances());
    when(migrations.preview(eq("renewal:1:a"), eq("renewal:2:b"), isNull(), anyBoolean())).thenReturn(cycle);
    assertThat(afterMove(pages.preview("renewal:1:a", "renewal:2:b", null, true, english()).getBody()))
        .isEqualTo("computed by the engine as the instance moves (a date, a cycle or an expression)");
  }

  /** The after-the-move due date of the one timer on the page. */
  private static String afterMove(String html) {
    var matcher = java.util.regex.Pattern.compile("<span class=\"due-after\">([^<]*)</span>").matcher(html);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }
}
