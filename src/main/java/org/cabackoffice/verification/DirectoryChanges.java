package org.cabackoffice.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Writes and reads the record of every change of a directory entry. */
@Component
public class DirectoryChanges {

  private final DirectoryChangeRepository changes;
  private final ObjectMapper json;
  private final Clock clock;

  public DirectoryChanges(DirectoryChangeRepository changes, ObjectMapper json, Clock clock) {
    this.changes = changes;
    this.json = json;
    this.clock = clock;
  }

  void record(
      OrganizationDirectoryEntry entry,
      Map<String, Object> before,
      DirectoryChange.Kind kind,
      Long importId,
      String who,
      String reason) {
    changes.save(
        new DirectoryChange(
            entry.getId(), kind, importId, who, clock.instant(),
            before == null ? null : text(before), text(entry.state()), reason));
  }

  public List<DirectoryChange> of(long entryId) {
    return changes.findByEntryIdOrderByIdAsc(entryId);
  }

  private String text(Map<String, Object> state) {
    try {
      return json.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }
}
