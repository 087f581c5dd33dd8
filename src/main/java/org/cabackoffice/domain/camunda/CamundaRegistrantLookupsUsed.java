package org.cabackoffice.domain.camunda;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cabackoffice.domain.RegistrantLookupsUsed;
import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Component;

/**
 * Reads the variable {@code LookUpDomainRegistrantDelegate} sets ({@link
 * Variables#REGISTRATION_EVIDENCE_ID}) from the engine's history (level full).
 */
@Component
public class CamundaRegistrantLookupsUsed implements RegistrantLookupsUsed {

  private final HistoryService history;

  public CamundaRegistrantLookupsUsed(HistoryService history) {
    this.history = history;
  }

  @Override
  public List<Long> evidenceIdsOf(long applicationId) {
    Set<Long> ids = new LinkedHashSet<>();
    for (HistoricProcessInstance process :
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(String.valueOf(applicationId))
            .orderByProcessInstanceStartTime()
            .asc()
            .list()) {
      List<HistoricVariableInstance> variables =
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceId(process.getId())
              .variableName(Variables.REGISTRATION_EVIDENCE_ID)
              .list();
      for (HistoricVariableInstance variable : variables) {
        // A repeated lookup overwrites the variable; its earlier values are the variable's
        // updates (history level full), and every lookup the process made belongs here.
        List<HistoricDetail> updates =
            history
                .createHistoricDetailQuery()
                .variableUpdates()
                .variableInstanceId(variable.getId())
                .orderPartiallyByOccurrence()
                .asc()
                .list();
        for (HistoricDetail update : updates) {
          addId(ids, ((HistoricVariableUpdate) update).getValue());
        }
        addId(ids, variable.getValue());
      }
    }
    return List.copyOf(ids);
  }

  private static void addId(Set<Long> ids, Object value) {
    if (value instanceof Number number) {
      ids.add(number.longValue());
    }
  }
}
