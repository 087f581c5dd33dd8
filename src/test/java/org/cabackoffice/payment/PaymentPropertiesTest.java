package org.cabackoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PaymentPropertiesTest {

  private static PaymentProperties bind(Map<String, String> source) {
    return new Binder(new MapConfigurationPropertySource(source))
        .bindOrCreate("backoffice.payment", PaymentProperties.class);
  }

  @Test
  void defaultsWithoutConfiguration() {
    PaymentProperties p = bind(Map.of());
    assertThat(p.dueDays()).isEqualTo(14);
    assertThat(p.consumptionTaxPercent()).isEqualTo(10);
    assertThat(p.priceOf("EV")).isPositive();
  }

  @Test
  void productKeysBindHoweverTheyAreWritten() {
    PaymentProperties p =
        bind(
            Map.of(
                "backoffice.payment.prices.SECURE_SERVER_ID", "90000",
                "backoffice.payment.prices[GLOBAL_SERVER_ID]", "150000",
                "backoffice.payment.prices.ev", "230000",
                "backoffice.payment.bank-name", "みずほ銀行",
                "backoffice.payment.due-days", "10"));
    assertThat(p.priceOf("SECURE_SERVER_ID")).isEqualTo(90_000L);
    assertThat(p.priceOf("GLOBAL_SERVER_ID")).isEqualTo(150_000L);
    assertThat(p.priceOf("EV")).isEqualTo(230_000L);
    assertThat(p.bankName()).isEqualTo("みずほ銀行");
    assertThat(p.dueDays()).isEqualTo(10);
  }

  @Test
  void environmentVariableSpellingFindsItsProduct() {
    PaymentProperties p = bind(Map.of("backoffice.payment.prices.global.server.id", "150000"));
    assertThat(p.priceOf("GLOBAL_SERVER_ID")).isEqualTo(150_000L);
    assertThat(p.prices()).containsOnlyKeys("GLOBAL_SERVER_ID");
  }
}
