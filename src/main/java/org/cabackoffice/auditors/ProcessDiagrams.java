package org.cabackoffice.auditors;

import java.util.List;

/**
 * The diagrams of the models an application's processes ran on, with the path each took. A port
 * so the audit package stays free of engine types; the adapter is {@code
 * auditors.camunda.CamundaProcessDiagrams}.
 */
public interface ProcessDiagrams {

  /** Every plane of every process run for the application, oldest process first; empty if none ran. */
  List<ProcessDiagram> of(long applicationId);
}
