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
          null,
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
        new ApplicationForm.Organization(nameEn, "サンプル株式会社", null, "Chuo-ku", "Tokyo", "JP"),
        new ApplicationForm.ResponsiblePerson("Ichiro Yamada", null, "yamada@sample.co.jp", null),
        new ApplicationForm.TechnicalContact("Sample K.K.", "Hanako Web", USER, null),
        null);
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
  void thePhoneChecklistShowsTheOOfTheCsr() throws Exception {
    applications.submit(USER, form("Sample K.K.", "Sample  K.K."));

    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<String, Object>> variables = ArgumentCaptor.forClass(Map.class);
    verify(signals).startApplicationProcess(eq(42L), variables.capture());
    assertThat(variables.getValue())
        .containsEntry("csrOrganization", "Sample K.K.")
        .containsEntry("organizationName", "Sample  K.K. / サンプル株式会社");
  }
}
