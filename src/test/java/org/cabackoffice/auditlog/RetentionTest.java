package org.cabackoffice.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.Element;

/**
 * Engine history outlives what BR 5.5.2 asks of it. Documentation of verification and issuance is
 * kept two years after the later of its last use and the expiry of the certificates relying on it.
 * The application process ends at issuance; its validation data may still be reused for a later
 * certificate for up to 825 days (organization data, SC-081, before 2026-03-15), and that
 * certificate lives up to 398 days: 825 + 398 + 730 = 1953 days after the process ended. A
 * revocation ends the certificate's validity, at most 398 days early: 398 + 730 = 1128 days. An
 * ACME order's process ends at issuance too; its domain validation serves the account's later
 * orders and its identity confirmation the organization's for up to 398 days each (BR 4.2.1), and
 * a certificate so issued lives up to 398 days: 398 + 398 + 730 = 1526 days.
 */
class RetentionTest {

  static final int TWO_YEARS = 730;
  static final int APPLICATION_HISTORY_DAYS = 825 + 398 + TWO_YEARS;
  static final int REVOCATION_HISTORY_DAYS = 398 + TWO_YEARS;
  static final int ACME_ORDER_HISTORY_DAYS = 398 + 398 + TWO_YEARS;

  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  @Test
  void eachModelKeepsItsHistoryAtLeastAsLongAsTheBaselineRequirementsAsk() throws Exception {
    assertThat(timeToLiveDays("bpmn/certificate-renewal.bpmn")).isGreaterThanOrEqualTo(APPLICATION_HISTORY_DAYS);
    assertThat(timeToLiveDays("bpmn/certificate-revocation.bpmn")).isGreaterThanOrEqualTo(REVOCATION_HISTORY_DAYS);
    assertThat(timeToLiveDays("bpmn/acme-order.bpmn")).isGreaterThanOrEqualTo(ACME_ORDER_HISTORY_DAYS);
  }

  @Test
  void theCleanupRemovesOnlyHistoryPastItsRemovalTimeAtNight() {
    Properties settings = applicationYml();
    String prefix = "camunda.bpm.generic-properties.properties.";
    // Removal time = process end + time to live; the job deletes rows whose removal time passed.
    assertThat(settings.getProperty(prefix + "history-removal-time-strategy")).isEqualTo("end");
    assertThat(settings.getProperty(prefix + "history-cleanup-strategy")).isEqualTo("removalTimeBased");
    assertThat(settings.getProperty(prefix + "history-cleanup-batch-window-start-time")).isEqualTo("01:00");
    assertThat(settings.getProperty(prefix + "history-cleanup-batch-window-end-time")).isEqualTo("05:00");
    // A model deployed without its own time to live gets the application's, and none may go without.
    assertThat(Duration.parse(settings.getProperty(prefix + "history-time-to-live")).toDays())
        .isGreaterThanOrEqualTo(APPLICATION_HISTORY_DAYS);
    assertThat(settings.getProperty(prefix + "enforce-history-time-to-live")).isEqualTo("true");
    assertThat(settings.getProperty("camunda.bpm.history-level")).isEqualTo("full");
  }

  private static int timeToLiveDays(String model) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    try (InputStream in = new ClassPathResource(model).getInputStream()) {
      Element process =
          (Element)
              factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/MODEL", "process").item(0);
      return Integer.parseInt(process.getAttributeNS(CAMUNDA, "historyTimeToLive"));
    }
  }

  private static Properties applicationYml() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    return yaml.getObject();
  }
}
