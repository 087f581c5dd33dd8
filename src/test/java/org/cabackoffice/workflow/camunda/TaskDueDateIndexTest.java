package org.cabackoffice.workflow.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

class TaskDueDateIndexTest {

  private static final String URL = "jdbc:h2:mem:task-due-date-index;DB_CLOSE_DELAY=-1";

  // Issue 12: the officers' lists sort by due date; the index must exist once the engine has made
  // its tables, and a second start (another node, a restart) must find it and go on.
  @Test
  void theEngineStartsWithTheDueDateIndexAndAStartThatFindsItThereGoesOn() throws Exception {
    engine().close();
    engine().close();

    try (Connection c = DriverManager.getConnection(URL, "sa", "");
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                        + " WHERE INDEX_NAME = 'ACT_IDX_TASK_DUE_DATE' AND TABLE_NAME = 'ACT_RU_TASK'"
                        + " AND COLUMN_NAME = 'DUE_DATE_'")) {
      r.next();
      assertThat(r.getInt(1)).isEqualTo(1);
    }
  }

  private static ProcessEngine engine() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl(URL);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(List.of(new TaskDueDateIndex()));
    configuration.setProcessEngineName("task-due-date-index-" + System.nanoTime());
    return configuration.buildProcessEngine();
  }
}
