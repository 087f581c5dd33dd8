package org.cabackoffice.ports;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Boot's "APPLICATION FAILED TO START" report for a taken port, instead of a stack trace whose
 * BindException names no port (issue 8). Registered in META-INF/spring.factories.
 */
class PortTakenFailureAnalyzer extends AbstractFailureAnalyzer<PortTakenException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, PortTakenException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Stop the program that holds the port, or set " + cause.property()
            + " (for example --" + cause.property() + "=0 for any free port).",
        cause);
  }
}
