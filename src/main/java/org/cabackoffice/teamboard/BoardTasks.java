package org.cabackoffice.teamboard;

import java.time.Instant;
import java.util.List;

/** The engine's side of the board: officer tasks and customer waits of the application process. */
public interface BoardTasks {

  /** What the board asks for; {@code view} is {@code team}, {@code mine} or {@code unassigned}. */
  record Query(
      String view, String stage, String product, boolean overdue, boolean expressFirst, String sort, int page, int size) {}

  /** One task as the board shows it. */
  record Entry(
      String taskId,
      Long applicationId,
      String commonName,
      String organization,
      String product,
      boolean express,
      String stage,
      String step,
      String instructions,
      Instant created,
      Instant due,
      String assignee) {}

  record Found(List<Entry> entries, long total) {}

  /** A stage of the model that has officer tasks: its id and name. */
  record Stage(String id, String name) {}

  /** An application waiting for its customer at a step with timers. */
  record Waiting(
      Long applicationId, String commonName, String organization, String waitsFor, Instant since,
      Instant nextReminder, Instant expires) {}

  Found tasks(Query query, String officer, Instant now);

  List<Stage> stages();

  List<Waiting> waitingForCustomers(int most);
}
