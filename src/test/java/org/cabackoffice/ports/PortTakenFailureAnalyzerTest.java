package org.cabackoffice.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A taken port ends the start with the port and its property, not a bare BindException. */
class PortTakenFailureAnalyzerTest {

  @Test
  void theReportNamesThePortAndThePropertyThatMovesIt() {
    PortTakenException taken =
        new PortTakenException(
            "The development WHOIS registry", "127.0.0.1", 4343,
            "backoffice.whois.dev-registry.port", new BindException("Address already in use"));
    // As Spring hands it over: wrapped in the failure of the bean that could not start.
    FailureAnalysis analysis =
        new PortTakenFailureAnalyzer().analyze(new BeanCreationException("developmentRegistry", "init failed", taken));

    assertThat(analysis.getDescription())
        .doesNotContain("\n")
        .contains("127.0.0.1:4343")
        .contains("backoffice.whois.dev-registry.port");
    assertThat(analysis.getAction()).contains("--backoffice.whois.dev-registry.port=0");
  }
}
