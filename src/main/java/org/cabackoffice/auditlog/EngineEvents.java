package org.cabackoffice.auditlog;

import java.util.Map;

/** How engine history entries name their subject and details, beside the records' own. */
public final class EngineEvents {

  /** The application process's business key is the application id (workflow.camunda.BusinessKeys). */
  static final String APPLICATION_PROCESS = "certificate-renewal";

  private EngineEvents() {}

  public static String subject(String processDefinitionKey, String businessKey, String processInstanceId) {
    if (businessKey == null) {
      return processInstanceId == null ? null : "process-instance:" + processInstanceId;
    }
    return APPLICATION_PROCESS.equals(processDefinitionKey)
        ? "application:" + businessKey
        : processDefinitionKey + ":" + businessKey;
  }

  /** Canonical JSON with sorted keys, as for the records. */
  public static String json(Map<String, Object> details) {
    return RecordedEvidenceFeed.json(details);
  }
}
