package org.cabackoffice.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.calendar.CalendarProperties;
import org.cabackoffice.csr.CsrCheck;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.security.CustomerAccount;
import org.cabackoffice.security.CustomerAccounts;
import org.cabackoffice.testsupport.CsrFactory;
import org.cabackoffice.workflow.ProcessSignals;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.test.util.ReflectionTestUtils;

/** Intake's own rules, with the real CSR policy and the rest stood in. */
class IntakeTest {

  private static final String USER = "web-admin@sample.co.jp";

  private final ApplicationRepository repository = mock(ApplicationRepository.class);
  private final CustomerAccounts customers = mock(CustomerAccounts.class);
  private final ProcessSignals signals = mock(ProcessSignals.class);
  /** What the directory's comparison answers, and what it was asked. */
  private List<IntakeFinding> registeredFindings = List.of();

  private final List<RegisteredSubject.Applicant> registeredAsked = new java.util.ArrayList<>();

  /** An event intake published, and how many calls the process had had by then. */
  private record Published(Object event, int processCallsBefore) {}

  private final List<Published> published = new java.util.ArrayList<>();
  private final Applications applications =
      new Applications(
          repository,
          customers,
          new CsrCheck(),
          mock(IssuedCertificates.class),
          new BusinessCalendar(new CalendarProperties(List.of())),
          signals,
          null,
          null,
          event -> published.add(new Published(event, org.mockito.Mockito.mockingDetails(signals).getInvocations().size())),
          new RegisteredSubject() {
            @Override
            public List<IntakeFinding> disagreements(RegisteredSubject.Applicant applicant) {
              registeredAsked.add(applicant);
              return registeredFindings;
            }

            @Override
            public boolean statesVerifiedTradeName(RegisteredSubject.Applicant applicant) {
              return "Sample Shop (Sample K.K.)".equals(applicant.organization());
            }
          },
          Clock.fixed(Instant.parse("2026-06-01T01:00:00Z"), ZoneOffset.UTC));


  IntakeTest() {
    CustomerAccount account = new CustomerAccount(USER, "Sample K.K.", "Hanako Web", "x", Instant.EPOCH);
    ReflectionTestUtils.setField(account, "id", 7L);
    when(customers.byEmail(USER)).thenReturn(Optional.of(account));
    when(repository.save(any()))
        .thenAnswer(
            call -> {
              Object application = call.getArgument(0);
              ReflectionTestUtils.setField(application, "id", 42L);
              return application;
            });
  }

  private static ApplicationForm form(String csrOrganization, String nameEn) throws Exception {
    return form(csrOrganization, nameEn, null);
  }

  private static ApplicationForm form(String csrOrganization, String nameEn, String corporateNumber)
      throws Exception {
    KeyPair key = CsrFactory.p256();
    String csr =
        CsrFactory.pem(
            key,
            "C=JP,ST=Tokyo,L=Chuo-ku,O=" + csrOrganization + ",CN=www.sample.co.jp",
            List.of("www.sample.co.jp"));
    return new ApplicationForm(
        Product.GLOBAL_SERVER_ID,
        ApplicationType.NEW,
        csr,
        false,
        PaymentMethod.BANK_TRANSFER,
        new ApplicationForm.Organization(nameEn, "サンプル株式会社", null, "Chuo-ku", "Tokyo", "JP", corporateNumber),
        new ApplicationForm.ResponsiblePerson("Ichiro Yamada", null, "yamada@sample.co.jp", null),
        new ApplicationForm.TechnicalContact("Sample K.K.", "Hanako Web", USER, null),
        null);
  }

  private static ApplicationForm paidWith(ApplicationForm form, PaymentMethod method, String couponCode) {
    return new ApplicationForm(
        form.product(), form.applicationType(), form.csr(), form.express(), method, form.organization(),
        form.responsiblePerson(), form.technicalContact(), form.renewedCertificateSerial(), form.licences(),
        form.serverSoftware(), couponCode);
  }

  @Test
  void anAcceptedApplicationIsAnnouncedWithItsCouponBeforeItsProcessStarts() throws Exception {
    applications.submit(USER, paidWith(form("Sample K.K.", "Sample K.K."), PaymentMethod.COUPON, " ABCD-EFGH-JKMN-PQRS "));

    // Guide [2-1] 3., 4.: the invoice and the confirmation mail hang on this event, and a coupon
    // that cannot pay must refuse the application before the engine has a process for it.
    assertThat(published).hasSize(1);
    assertThat(published.get(0).event()).isEqualTo(new ApplicationAccepted(42L, "ABCD-EFGH-JKMN-PQRS"));
    assertThat(published.get(0).processCallsBefore()).isZero();
    verify(signals).startApplicationProcess(eq(42L), any());
  }

  @Test
  void aCouponIsNamedWhenChosenAndOnlyThen() throws Exception {
    ApplicationRefusedException withoutCode =
        catchThrowableOfType(
            ApplicationRefusedException.class,
            () -> applications.submit(USER, paidWith(form("Sample K.K.", "Sample K.K."), PaymentMethod.COUPON, "  ")));
    assertThat(withoutCode.findings())
        .extracting(IntakeFinding::field, IntakeFinding::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("couponCode", "payment.coupon-code-missing"));
    assertThat(withoutCode.findings().get(0).messageJa()).contains("クーポンコード");

    ApplicationRefusedException strayCode =
        catchThrowableOfType(
            ApplicationRefusedException.class,
            () ->
                applications.submit(
                    USER, paidWith(form("Sample K.K.", "Sample K.K."), PaymentMethod.BANK_TRANSFER, "ABCD-EFGH-JKMN-PQRS")));
    assertThat(strayCode.findings())
        .extracting(IntakeFinding::code)
        .containsExactly("payment.coupon-code-unexpected");
    assertThat(published).isEmpty();
    verify(signals, never()).startApplicationProcess(anyLong(), any());

    applications.submit(USER, form("Sample K.K.", "Sample K.K."));
    assertThat(published).extracting(Published::event).containsExactly(new ApplicationAccepted(42L, null));
  }

  @Test
  void aCsrWhoseONamesAnotherOrganizationIsRefused() throws Exception {
    ApplicationRefusedException refused =
        catchThrowableOfType(
            ApplicationRefusedException.class,
            () -> applications.submit(USER, form("Other Trading Co.", "Sample K.K.")));

    assertThat(refused.findings())
        .extracting(IntakeFinding::field, IntakeFinding::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("organization.nameEn", "csr.organization-mismatch"));
    verify(signals, never()).startApplicationProcess(anyLong(), any());
  }

  @Test
  void anOThatIsAVerifiedTradeNameIsNoMismatch() throws Exception {
    applications.submit(USER, form("Sample Shop (Sample K.K.)", "Sample K.K."));

    verify(signals).startApplicationProcess(eq(42L), any());
    assertThat(registeredAsked).extracting(RegisteredSubject.Applicant::organization).containsExactly("Sample Shop (Sample K.K.)");
  }

  @Test
  void thePhoneChecklistShowsTheOOfTheCsr() throws Exception {
    applications.submit(USER, form("Sample K.K.", "Sample  K.K."));

    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<String, Object>> variables = ArgumentCaptor.forClass(Map.class);
    verify(signals).startApplicationProcess(eq(42L), variables.capture());
    assertThat(variables.getValue())
        .containsEntry("csrOrganization", "Sample K.K.")
        .containsEntry("organizationName", "Sample  K.K. / サンプル株式会社");
  }

  @Test
  void anOfEmojiIsNoEnglishNameEvenWhenTheFormSaysTheSame() throws Exception {
    String emoji = "\uD83D\uDE00".repeat(20);
    ApplicationRefusedException refused =
        catchThrowableOfType(ApplicationRefusedException.class, () -> applications.submit(USER, form(emoji, emoji)));

    assertThat(refused.findings()).extracting(IntakeFinding::code).contains("csr.organization-not-english");
    assertThat(refused.findings()).allSatisfy(f -> assertThat(f.messageJa()).isNotBlank());
    verify(signals, never()).startApplicationProcess(anyLong(), any());
  }

  @Test
  void aWildcardIsRefusedForEvInBothLanguagesAndTakenForOv() throws Exception {
    String csr =
        CsrFactory.pem(
            CsrFactory.p256(),
            "C=JP,ST=Tokyo,L=Chuo-ku,O=Sample K.K.,CN=www.sample.co.jp",
            List.of("www.sample.co.jp", "*.sample.co.jp"));
    ApplicationForm ov = form("Sample K.K.", "Sample K.K.");
    ApplicationForm ev =
        new ApplicationForm(
            Product.EV, ov.applicationType(), csr, ov.express(), ov.paymentMethod(), ov.organization(),
            ov.responsiblePerson(), ov.technicalContact(), null);

    ApplicationRefusedException refused =
        catchThrowableOfType(ApplicationRefusedException.class, () -> applications.submit(USER, ev));

    assertThat(refused.findings()).extracting(IntakeFinding::code).contains("csr.ev-wildcard");
    assertThat(refused.findings())
        .filteredOn(f -> f.code().equals("csr.ev-wildcard"))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.message()).contains("*.sample.co.jp", "EV Guidelines 7.1.2.1");
          assertThat(f.messageJa()).contains("*.sample.co.jp", "ワイルドカード");
        });
    verify(signals, never()).startApplicationProcess(anyLong(), any());

    applications.submit(
        USER,
        new ApplicationForm(
            Product.GLOBAL_SERVER_ID, ov.applicationType(), csr, ov.express(), ov.paymentMethod(), ov.organization(),
            ov.responsiblePerson(), ov.technicalContact(), null));
    verify(signals).startApplicationProcess(eq(42L), any());
  }

  @Test
  void aCorporateNumberWithAWrongCheckDigitIsRefused() throws Exception {
    ApplicationRefusedException refused =
        catchThrowableOfType(
            ApplicationRefusedException.class,
            () -> applications.submit(USER, form("Sample K.K.", "Sample K.K.", "7000012050003")));

    assertThat(refused.findings())
        .extracting(IntakeFinding::field, IntakeFinding::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("organization.corporateNumber", "organization.corporate-number-invalid"));
  }

  @Test
  void aSubjectThatDiffersFromTheRegisteredRecordIsRefusedBeforeAnyInvoiceInBothLanguages() throws Exception {
    registeredFindings =
        List.of(new IntakeFinding("csr", "subject.locality-not-registered", "L differs", "L が異なります"));

    ApplicationRefusedException refused =
        catchThrowableOfType(
            ApplicationRefusedException.class,
            () -> applications.submit(USER, form("Sample K.K.", "Sample K.K.", "6010001000001")));

    assertThat(refused.findings()).extracting(IntakeFinding::messageJa).containsExactly("L が異なります");
    assertThat(registeredAsked)
        .singleElement()
        .satisfies(
            asked -> {
              assertThat(asked.corporateNumber()).isEqualTo("6010001000001");
              assertThat(asked.locality()).isEqualTo("Chuo-ku");
              assertThat(asked.stateOrProvince()).isEqualTo("Tokyo");
              assertThat(asked.organization()).isEqualTo("Sample K.K.");
            });
    verify(signals, never()).startApplicationProcess(anyLong(), any());
  }
}
