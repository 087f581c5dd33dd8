package org.cabackoffice.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.billing.BillingDocuments;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.OutgoingMail;
import org.cabackoffice.payment.Invoices;
import org.cabackoffice.payment.PaymentProperties;
import org.cabackoffice.payment.VirtualAccountRepository;
import org.cabackoffice.payment.Payments;
import org.cabackoffice.payment.Charges;
import org.cabackoffice.security.CustomerAccount;
import org.cabackoffice.security.CustomerAccounts;
import org.cabackoffice.verification.OrganizationDirectoryEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Which contract pays for an order, and the reason an officer sees when none does: no contract,
 * one that ended, an unpaid invoice, one used up. The conditional update itself and its
 * concurrency are AcmeConformanceIT's (a real database).
 */
class AcmeContractsTest {

  /** 12:00 in Tokyo on 2026-12-06. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC);
  static final long ORDER = 31L;

  AcmeContractRepository contracts = mock(AcmeContractRepository.class);
  AcmeContractUseRepository uses = mock(AcmeContractUseRepository.class);
  AcmeOrderRepository orders = mock(AcmeOrderRepository.class);
  AcmeAccountRepository accounts = mock(AcmeAccountRepository.class);
  AcmeContracts service;
  List<OutgoingMail> outbox = new java.util.ArrayList<>();
  CustomerAccounts customers = mock(CustomerAccounts.class);
  ValidatedOrganizations organizations = mock(ValidatedOrganizations.class);
  Invoices invoices = mock(Invoices.class);
  PaymentProperties bank = mock(PaymentProperties.class);
  BillingDocuments documents = mock(BillingDocuments.class);

  @BeforeEach
  void anOrderForTwoNames() {
    service = new AcmeContracts(contracts, uses, orders, accounts, customers, organizations, invoices,
        mock(Payments.class), mock(VirtualAccountRepository.class), bank, documents, new MailTemplates(), outbox::add,
        CLOCK);
    AcmeOrder order = new AcmeOrder(5L, List.of("a.example.jp", "b.example.jp"), CLOCK.instant(), CLOCK.instant());
    AcmeAccount account = mock(AcmeAccount.class);
    when(account.getCustomerAccountId()).thenReturn(7L);
    when(account.getOrganizationEntryId()).thenReturn(9L);
    when(orders.findById(ORDER)).thenReturn(Optional.of(order));
    when(accounts.findById(5L)).thenReturn(Optional.of(account));
    when(uses.findByOrderId(ORDER)).thenReturn(Optional.empty());
  }

  @Test
  void anOrganizationWithoutAContractWaitsForAnOfficer() {
    held();
    AcmeContracts.Coverage coverage = service.consume(ORDER);
    assertThat(coverage.covered()).isFalse();
    assertThat(coverage.reason()).contains("no ACME contract");
  }

  @Test
  void aContractWhoseYearEndedDoesNotPay() {
    held(paid(contract(AcmeContract.Unit.CERTIFICATES, 10, LocalDate.of(2025, 12, 1))));
    AcmeContracts.Coverage coverage = service.consume(ORDER);
    assertThat(coverage.covered()).isFalse();
    assertThat(coverage.reason()).contains("ended on 2026-11-30");
    verify(contracts, never()).consume(anyLong(), anyInt());
  }

  @Test
  void anUnpaidInvoiceDoesNotPay() {
    held(contract(AcmeContract.Unit.CERTIFICATES, 10, LocalDate.of(2026, 12, 6)));
    AcmeContracts.Coverage coverage = service.consume(ORDER);
    assertThat(coverage.covered()).isFalse();
    assertThat(coverage.reason()).contains("invoice No. 123").contains("unpaid");
    verify(contracts, never()).consume(anyLong(), anyInt());
  }

  @Test
  void aNamesContractGivesOneUnitPerNameAndRecordsTheUse() {
    AcmeContract contract = paid(contract(AcmeContract.Unit.NAMES, 10, LocalDate.of(2026, 1, 1)));
    held(contract);
    when(contracts.consume(contract.getId(), 2)).thenReturn(1);

    assertThat(service.consume(ORDER).covered()).isTrue();

    ArgumentCaptor<AcmeContractUse> use = ArgumentCaptor.forClass(AcmeContractUse.class);
    verify(uses).saveAndFlush(use.capture());
    assertThat(use.getValue().getOrderId()).isEqualTo(ORDER);
    assertThat(use.getValue().getUnits()).isEqualTo(2);
    assertThat(use.getValue().getBasis()).isEqualTo(AcmeContractUse.Basis.CONTRACT);
  }

  @Test
  void aContractUsedUpDoesNotPayAndSaysHowMuchWasUsed() {
    AcmeContract contract = paid(contract(AcmeContract.Unit.NAMES, 1, LocalDate.of(2026, 1, 1)));
    held(contract);
    when(contracts.consume(anyLong(), anyInt())).thenReturn(0);
    AcmeContracts.Coverage coverage = service.consume(ORDER);
    assertThat(coverage.covered()).isFalse();
    assertThat(coverage.reason()).contains("used up").contains("the order needs 2");
    verify(uses, never()).saveAndFlush(any());
  }

  @Test
  void aRetriedStepFindsItsUseAndTakesNothingMore() {
    when(uses.findByOrderId(ORDER)).thenReturn(Optional.of(AcmeContractUse.fromContract(ORDER, 1L, 2, CLOCK.instant())));
    assertThat(service.consume(ORDER).covered()).isTrue();
    verify(contracts, never()).consume(anyLong(), anyInt());
    verify(uses, never()).saveAndFlush(any());
  }

  @Test
  void aNewContractMailsItsInvoiceToTheCustomerWithThePdfAndTheTransferAccount() {
    CustomerAccount customer = new CustomerAccount("web@sample.co.jp", "Sample K.K.", "Hanako Web", "x", Instant.EPOCH);
    org.springframework.test.util.ReflectionTestUtils.setField(customer, "id", 7L);
    when(customers.byEmail("web@sample.co.jp")).thenReturn(Optional.of(customer));
    OrganizationDirectoryEntry entry = mock(OrganizationDirectoryEntry.class);
    when(entry.getId()).thenReturn(9L);
    when(organizations.ofCustomer(7L)).thenReturn(Optional.of(new ValidatedOrganizations.Validated(entry, CLOCK.instant(), "phone")));
    LocalDate today = LocalDate.of(2026, 12, 6);
    when(invoices.issueForContract(7L, "GLOBAL_SERVER_ID", 10)).thenReturn(new Invoices.ContractInvoice(124L, 3L, "0000018",
        new Charges("GLOBAL_SERVER_ID", 149_000L, 10, 1_490_000L, 0L, 1_490_000L, 10, 149_000L, 1_639_000L), today,
        today.plusDays(14)));
    when(contracts.save(any())).thenAnswer(saved -> {
      AcmeContract contract = saved.getArgument(0);
      org.springframework.test.util.ReflectionTestUtils.setField(contract, "id", 78L);
      return contract;
    });
    when(bank.bankName()).thenReturn("開発銀行");
    when(bank.branchName()).thenReturn("バーチャル支店");
    when(bank.branchCode()).thenReturn("999");
    when(bank.accountHolder()).thenReturn("シーエーバックオフィス");
    when(documents.contractInvoice(any())).thenReturn(new BillingDocuments.Made("invoice-000124.pdf", new byte[] {37, 80}));

    service.create("web@sample.co.jp", "certificates", 10, null, null, "officer1");

    ArgumentCaptor<BillingDocuments.ContractBill> bill = ArgumentCaptor.forClass(BillingDocuments.ContractBill.class);
    verify(documents).contractInvoice(bill.capture());
    assertThat(bill.getValue().invoiceNumber()).isEqualTo(124L);
    assertThat(bill.getValue().accountNumber()).isEqualTo("0000018");
    assertThat(bill.getValue().lastDay()).isEqualTo(LocalDate.of(2027, 12, 5));
    assertThat(bill.getValue().paidOn()).isNull();
    assertThat(outbox).singleElement().satisfies(mail -> {
      assertThat(mail.to()).isEqualTo("web@sample.co.jp");
      assertThat(mail.dedupKey()).isEqualTo("acme-contract-invoice:78");
      assertThat(mail.subject()).contains("請求書番号 000124").contains("invoice 000124");
      assertThat(mail.body())
          .contains("ご請求金額 (税込): 1,639,000 円")
          .contains("口座番号: 0000018")
          .contains("契約期間: 2026-12-06 から 2027-12-05 まで")
          .contains("お振込み期限: 2026-12-20")
          .contains("Quantity: 10 certificates");
      assertThat(mail.attachments()).singleElement().satisfies(a -> {
        assertThat(a.filename()).isEqualTo("invoice-000124.pdf");
        assertThat(a.contentType()).isEqualTo("application/pdf");
      });
    });
  }

  @Test
  void aBankStatementPaysOnlyAnUnpaidContractAndAnotherCustomersContractIsNotFound() {
    when(contracts.pay(anyLong(), any(), any(), any(), any())).thenReturn(1, 0);
    assertThat(service.pay(77L, LocalDate.of(2026, 12, 4), "000001 ｶ)ｻﾝﾌﾟﾙ", "bank-statement:3")).isTrue();
    assertThat(service.pay(77L, LocalDate.of(2026, 12, 4), "000001 ｶ)ｻﾝﾌﾟﾙ", "bank-statement:4")).isFalse();

    when(contracts.findById(77L)).thenReturn(Optional.of(contract(AcmeContract.Unit.NAMES, 3, LocalDate.of(2026, 12, 6))));
    assertThat(service.ofCustomer(7L, 77L).getId()).isEqualTo(77L);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.ofCustomer(8L, 77L))
        .isInstanceOfSatisfying(AcmeContracts.Refused.class, e -> assertThat(e.kind()).isEqualTo(AcmeContracts.Refused.Kind.NOT_FOUND));
  }

  private void held(AcmeContract... held) {
    when(contracts.findByCustomerAccountIdAndOrganizationEntryIdOrderByEndsOnAscIdAsc(7L, 9L)).thenReturn(List.of(held));
  }

  private static AcmeContract contract(AcmeContract.Unit unit, int quantity, LocalDate startsOn) {
    AcmeContract contract = new AcmeContract(7L, 9L, unit, quantity, startsOn, "GLOBAL_SERVER_ID", 123L, 1L, 149_000L,
        149_000L * quantity, 10, 14_900L * quantity, 163_900L * quantity, startsOn, startsOn.plusDays(14), "officer",
        CLOCK.instant());
    // The id the database would give it.
    org.springframework.test.util.ReflectionTestUtils.setField(contract, "id", 77L);
    return contract;
  }

  private static AcmeContract paid(AcmeContract contract) {
    contract.paid(contract.getInvoicedOn(), "KAWASE-1", "officer", CLOCK.instant());
    return contract;
  }
}
