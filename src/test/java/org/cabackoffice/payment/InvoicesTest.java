package org.cabackoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.OutgoingMail;
import org.junit.jupiter.api.Test;

class InvoicesTest {

  /** In UTC, as the server's clock runs (ClockConfiguration). */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T01:00:00Z"), ZoneOffset.UTC);

  private final InMemoryPaymentStore store = new InMemoryPaymentStore();
  private final List<OutgoingMail> mails = new ArrayList<>();

  private Invoices invoices(PaymentProperties properties) {
    return invoices(properties, CLOCK);
  }

  private Invoices invoices(PaymentProperties properties, Clock clock) {
    return new Invoices(
        store.invoiceRepository,
        new java.util.concurrent.atomic.AtomicLong(1)::getAndIncrement,
        new VirtualAccounts(store.virtualAccountRepository, CLOCK),
        store.virtualAccountRepository,
        properties,
        new MailTemplates(),
        mails::add,
        clock);
  }

  private final Invoices invoices = invoices(defaults());

  static PaymentProperties defaults() {
    return new PaymentProperties(
        "みずほ銀行", "アゼリア支店", "123", null, null, null, null, null);
  }

  @Test
  void priceSurchargeAndTaxDueInFourteenDays() {
    Invoice invoice = invoices.issue(7L, 1L, "GLOBAL_SERVER_ID", true, false, "tech@example.jp");

    assertThat(invoice.getPriceYen()).isEqualTo(149_000L);
    assertThat(invoice.getExpressSurchargeYen()).isEqualTo(30_000L);
    assertThat(invoice.getTaxYen()).isEqualTo(17_900L);
    assertThat(invoice.getTotalYen()).isEqualTo(196_900L);
    assertThat(invoice.getIssuedOn()).isEqualTo(LocalDate.of(2025, 6, 2));
    assertThat(invoice.getDueOn()).isEqualTo(LocalDate.of(2025, 6, 16));
    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(invoice.isDeferred()).isFalse();
  }

  @Test
  void anInvoiceMadeAt0308JstOnTheFourthIsDatedTheFourth() {
    // 2026-12-03T18:08Z: still the 3rd in UTC, already 03:08 on the 4th in Tokyo.
    Clock utc = Clock.fixed(Instant.parse("2026-12-03T18:08:00Z"), ZoneOffset.UTC);

    Invoice invoice = invoices(defaults(), utc).issue(7L, 1L, "EV", false, false, "tech@example.jp");

    assertThat(invoice.getIssuedOn()).isEqualTo(LocalDate.of(2026, 12, 4));
    assertThat(invoice.getDueOn()).isEqualTo(LocalDate.of(2026, 12, 18));
    assertThat(mails.get(0).body())
        .contains("請求日: 2026-12-04", "Invoice date: 2026-12-04", "Due date: 2026-12-18")
        .doesNotContain("2026-12-03");
  }

  @Test
  void withoutExpressNoSurchargeAndTaxIsRoundedDown() {
    Invoices odd =
        invoices(
            new PaymentProperties(
                null, null, null, null, Map.of("SECURE_SERVER_ID", 81_005L), 30_000L, 10, 10));

    Invoice invoice = odd.issue(7L, 1L, "SECURE_SERVER_ID", false, false, "tech@example.jp");

    assertThat(invoice.getExpressSurchargeYen()).isZero();
    assertThat(invoice.getTaxYen()).isEqualTo(8_100L); // 8,100.5 rounded down
    assertThat(invoice.getTotalYen()).isEqualTo(89_105L);
    assertThat(invoice.getDueOn()).isEqualTo(LocalDate.of(2025, 6, 12));
  }

  @Test
  void mailsTheTechnicalContactWhereToPay() {
    Invoice invoice = invoices.issue(7L, 1L, "GLOBAL_SERVER_ID", true, false, "tech@example.jp");
    String accountNumber = store.accounts.get(0).getAccountNumber();

    assertThat(mails).singleElement().satisfies(mail -> {
      assertThat(mail.to()).isEqualTo("tech@example.jp");
      assertThat(mail.dedupKey()).isEqualTo("invoice:7");
      assertThat(mail.subject()).startsWith("お振込みのご案内 (申請番号 7)");
      assertThat(mail.body())
          .contains("196,900 円", "JPY 196,900", "2025-06-16", "みずほ銀行", "アゼリア支店",
              "123", accountNumber, "製品: グローバル・サーバ ID", "Product: Global Server ID")
          .doesNotContain("{{")
          .doesNotContain("ご入金の前に発行");
    });
    assertThat(invoice.getVirtualAccountId()).isEqualTo(store.accounts.get(0).getId());
  }

  @Test
  void deferredMailSaysTheCertificateComesBeforePayment() {
    Invoice invoice = invoices.issue(8L, 1L, "SECURE_SERVER_ID", false, true, "tech@example.jp");

    assertThat(invoice.isDeferred()).isTrue();
    assertThat(mails).singleElement().satisfies(mail -> {
      assertThat(mail.subject()).contains("先行納入手配", "申請番号 8");
      assertThat(mail.body())
          .contains("サーバ ID はご入金の前に発行されます", "issued before your payment arrives")
          .contains("製品: セキュア・サーバ ID", "Product: Secure Server ID");
    });
  }

  @Test
  void retriedIssueReturnsTheInvoiceAndMailsNobodyTwice() {
    Invoice first = invoices.issue(7L, 1L, "EV", false, false, "tech@example.jp");
    Invoice retried = invoices.issue(7L, 1L, "EV", false, false, "tech@example.jp");

    assertThat(retried).isSameAs(first);
    assertThat(store.invoices).hasSize(1);
    assertThat(mails).hasSize(1);
  }

  @Test
  void twoApplicationsOfOneCustomerPayIntoTheSameAccount() {
    Invoice first = invoices.issue(7L, 1L, "EV", false, false, "tech@example.jp");
    Invoice second = invoices.issue(9L, 1L, "SECURE_SERVER_ID", true, false, "tech@example.jp");
    Invoice otherCustomer = invoices.issue(11L, 2L, "EV", false, false, "other@example.jp");

    assertThat(second.getVirtualAccountId()).isEqualTo(first.getVirtualAccountId());
    assertThat(otherCustomer.getVirtualAccountId()).isNotEqualTo(first.getVirtualAccountId());
    assertThat(store.accounts).hasSize(2);
    String number = invoices.accountOf(first).getAccountNumber();
    assertThat(mails.get(0).body()).contains(number);
    assertThat(mails.get(1).body()).contains(number);
  }

  @Test
  void productWithoutPriceIsNotInvoiced() {
    assertThatThrownBy(() -> invoices.issue(7L, 1L, "WILDCARD", false, false, "tech@example.jp"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backoffice.payment.prices.WILDCARD");
    assertThat(store.invoices).isEmpty();
    assertThat(mails).isEmpty();
  }

  @Test
  void cancelVoidsAnOpenInvoiceButNotAPaidOne() {
    invoices.issue(7L, 1L, "EV", false, false, "tech@example.jp");
    assertThat(invoices.cancel(7L).getStatus()).isEqualTo(InvoiceStatus.CANCELLED);
    assertThat(invoices.cancel(7L).getStatus()).isEqualTo(InvoiceStatus.CANCELLED);

    Invoice paid = invoices.issue(9L, 1L, "EV", false, false, "tech@example.jp");
    paid.markPaid(CLOCK.instant());
    assertThatThrownBy(() -> invoices.cancel(9L))
        .isInstanceOfSatisfying(
            PaymentRefused.class,
            e -> assertThat(e.reason()).isEqualTo(PaymentRefused.Reason.ALREADY_PAID));
  }

  @Test
  void configurationRefusesNonsense() {
    assertThatThrownBy(() -> new PaymentProperties(null, null, "12", null, null, null, null, null))
        .hasMessageContaining("branch-code");
    assertThatThrownBy(
            () -> new PaymentProperties(null, null, null, null, Map.of("EV", 0L), null, null, null))
        .hasMessageContaining("prices.EV");
  }
}
