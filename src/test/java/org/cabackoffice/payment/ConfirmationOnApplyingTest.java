package org.cabackoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.ApplicationAccepted;
import org.cabackoffice.application.ApplicationType;
import org.cabackoffice.application.Applications;
import org.cabackoffice.application.PaymentMethod;
import org.cabackoffice.application.Product;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.OutgoingMail;
import org.junit.jupiter.api.Test;

/**
 * Guide [2-1] 3. and 4. on acceptance: the invoice is there at once (so the last screen can show
 * the account, the amount and the due date), a coupon pays it, and the technical contact gets one
 * confirmation naming what was applied for, the money and what happens next.
 */
class ConfirmationOnApplyingTest {

  private static final String CODE = "ABCD-EFGH-JKMN-PQRS";

  private final InMemoryPaymentStore store = new InMemoryPaymentStore();
  private final List<OutgoingMail> mails = new ArrayList<>();
  private final RecordingProcessSignals signals = new RecordingProcessSignals();
  private final Applications applications = mock(Applications.class);
  private final CouponRepository couponRepository = mock(CouponRepository.class);
  private final Invoices invoices =
      new Invoices(
          store.invoiceRepository,
          new java.util.concurrent.atomic.AtomicLong(1)::getAndIncrement,
          new VirtualAccounts(store.virtualAccountRepository, InvoicesTest.CLOCK),
          store.virtualAccountRepository,
          InvoicesTest.defaults(),
          new MailTemplates(),
          mails::add,
          InvoicesTest.CLOCK);
  private final Payments payments =
      new Payments(store.invoiceRepository, store.paymentRepository, signals, new RecordingTransactions(), InvoicesTest.CLOCK);
  private final Coupons coupons =
      new Coupons(couponRepository, store.invoiceRepository, payments, InvoicesTest.defaults(), InvoicesTest.CLOCK);
  private final ConfirmationOnApplying confirmation =
      new ConfirmationOnApplying(applications, invoices, coupons, new MailTemplates(), mails::add);

  ConfirmationOnApplyingTest() {
    when(couponRepository.save(any())).thenAnswer(call -> call.getArgument(0));
  }

  private void applied(PaymentMethod method) {
    Application application = mock(Application.class);
    when(application.getId()).thenReturn(42L);
    when(application.getCustomerAccountId()).thenReturn(7L);
    when(application.getProduct()).thenReturn(Product.GLOBAL_SERVER_ID);
    when(application.getApplicationType()).thenReturn(ApplicationType.RENEWAL);
    when(application.getLicences()).thenReturn(2);
    when(application.isExpress()).thenReturn(true);
    when(application.getPaymentMethod()).thenReturn(method);
    when(application.getCommonName()).thenReturn("www.sample.co.jp");
    when(application.getOrganizationNameJa()).thenReturn("サンプル株式会社");
    when(application.getOrganizationNameEn()).thenReturn("Sample K.K.");
    when(application.getTechnicalEmail()).thenReturn("web-admin@sample.co.jp");
    when(applications.get(42L)).thenReturn(application);
  }

  @Test
  void aBankTransferIsInvoicedAtOnceAndConfirmedInOneMailJapaneseFirst() {
    applied(PaymentMethod.BANK_TRANSFER);

    confirmation.on(new ApplicationAccepted(42L, null));

    Invoice invoice = store.invoiceRepository.findByApplicationId(42L).orElseThrow();
    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.OPEN);
    // 2 × 149,000 + 30,000 express, 10% tax; due 14 days after the invoice date, as every invoice.
    assertThat(invoice.getTotalYen()).isEqualTo(360_800L);
    assertThat(invoice.getDueOn()).isEqualTo(LocalDate.of(2025, 6, 16));
    String account = store.accounts.get(0).getAccountNumber();
    assertThat(mails).singleElement().satisfies(mail -> {
      assertThat(mail.dedupKey()).isEqualTo("application-received:42");
      assertThat(mail.to()).isEqualTo("web-admin@sample.co.jp");
      assertThat(mail.subject()).startsWith("サーバ ID お申込み受付のお知らせ (申請番号 42)").contains("Application received");
      assertThat(mail.body())
          .contains("申請番号: 42", "製品: グローバル・サーバ ID (更新)", "コモンネーム: www.sample.co.jp", "ライセンス数: 2")
          .contains("ご請求金額 (税込): 360,800 円", "お振込み期限: 2025-06-16", "口座番号: " + account)
          .contains("今後の流れ", "What happens next", "Common name: www.sample.co.jp", "Licences: 2", "JPY 360,800", "Due date: 2025-06-16")
          .doesNotContain("{{");
      assertThat(mail.body().indexOf("今後の流れ")).isLessThan(mail.body().indexOf("What happens next"));
    });
    // The payment stage later finds this invoice and mails nothing again.
    invoices.issue(42L, 7L, "GLOBAL_SERVER_ID", 2, true, false, "web-admin@sample.co.jp");
    assertThat(mails).hasSize(1);
  }

  @Test
  void aCouponPaysOnApplyingWithoutTellingAProcessThatIsNotWaitingYet() {
    applied(PaymentMethod.COUPON);
    Coupon coupon = new Coupon(CODE, "GLOBAL_SERVER_ID", LocalDate.of(2025, 6, 30), "operator", Instant.EPOCH);
    when(couponRepository.findForUpdateByCode(CODE)).thenReturn(Optional.of(coupon));

    confirmation.on(new ApplicationAccepted(42L, "abcd efgh jkmn pqrs"));

    Invoice invoice = store.invoiceRepository.findByApplicationId(42L).orElseThrow();
    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PAID);
    assertThat(coupon.getUsedByApplication()).isEqualTo(42L);
    Payment payment = store.paymentRepository.findByInvoiceId(invoice.getId()).orElseThrow();
    assertThat(payment.getAmountYen()).isEqualTo(360_800L);
    assertThat(payment.getReference()).isEqualTo("coupon " + CODE);
    assertThat(signals.delivered).isEmpty();
    assertThat(mails).singleElement().satisfies(mail -> {
      assertThat(mail.subject()).contains("クーポン", "paid by coupon");
      assertThat(mail.body()).contains("クーポンでお支払い済み", "paid by coupon", "www.sample.co.jp").doesNotContain("お振込み期限");
    });
  }

  @Test
  void aUsedCouponRefusesTheApplicationAndNothingIsMailed() {
    applied(PaymentMethod.COUPON);
    Coupon coupon = new Coupon(CODE, "GLOBAL_SERVER_ID", LocalDate.of(2025, 6, 30), "operator", Instant.EPOCH);
    coupon.use(41L, Instant.EPOCH);
    when(couponRepository.findForUpdateByCode(CODE)).thenReturn(Optional.of(coupon));

    PaymentRefused refused =
        catchThrowableOfType(PaymentRefused.class, () -> confirmation.on(new ApplicationAccepted(42L, CODE)));

    assertThat(refused.reason()).isEqualTo(PaymentRefused.Reason.COUPON_USED);
    assertThat(mails).isEmpty();
    assertThat(store.paymentRepository.findByInvoiceId(1L)).isEmpty();
  }
}
