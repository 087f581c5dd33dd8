package org.cabackoffice.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.Applications;
import org.cabackoffice.domain.OrganizationNameMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Guide [4]: call the directory's main number and confirm every item of the checklist. */
class PhoneVerificationsTest {

  final Applications applications = mock(Applications.class);
  final OrganizationDirectory directory = mock(OrganizationDirectory.class);
  final PhoneVerificationRepository calls = mock(PhoneVerificationRepository.class);
  final OrganizationValidation organizationValidation = mock(OrganizationValidation.class);
  final PhoneVerifications phone =
      new PhoneVerifications(
          applications, directory, calls, new OrganizationNameMatcher(), organizationValidation, Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC));

  final Application application = mock(Application.class);

  @BeforeEach
  void application() {
    when(application.getOrganizationNameEn()).thenReturn("Sample K.K.");
    when(application.getOrganizationNameJa()).thenReturn("サンプル株式会社");
    when(application.getTechnicalCompany()).thenReturn("サンプル 株式会社");
    when(applications.get(7)).thenReturn(application);
    when(calls.save(any())).thenAnswer(i -> i.getArgument(0));
  }

  private void listed() {
    when(directory.find("Sample K.K.", "サンプル株式会社"))
        .thenReturn(
            Optional.of(
                new OrganizationDirectoryEntry(
                    "Sample K.K.", "サンプル株式会社", "1010001000001", "03-5555-0100", "Chuo-ku",
                    "Tokyo", "JP", "Teikoku Databank", LocalDate.of(2026, 4, 1))));
  }

  @Test
  void theNumberToCallIsTheDirectorysNeverTheApplicants() {
    listed();
    assertThat(phone.callSheet(7)).isEqualTo(new PhoneCallSheet(true, "03-5555-0100", "Teikoku Databank"));
  }

  @Test
  void anEntryKnownOnlyFromTheTaxAgencysDataGivesNoNumberToCall() {
    // The NTA's corporate-number data lists no phone (issue 8 item 15).
    when(directory.find("Sample K.K.", "サンプル株式会社"))
        .thenReturn(
            Optional.of(
                new OrganizationDirectoryEntry(
                    new DirectoryValues(
                        "6010001000001", "サンプル株式会社", "Sample K.K.", "東京都", "中央区", "JP", null,
                        BusinessCategory.PRIVATE_ORGANIZATION, null, "国税庁 法人番号公表サイト",
                        LocalDate.of(2026, 11, 20)))));
    assertThat(phone.callSheet(7)).isEqualTo(new PhoneCallSheet(false, null, null));
  }

  @Test
  void aConfirmationNeedsEveryChecklistItem() {
    listed();
    PhoneCallReport partial =
        new PhoneCallReport(PhoneOutcome.CONFIRMED, "Ichiro Yamada", true, true, false, true, null);
    assertThatThrownBy(() -> phone.record(7, "officer", partial))
        .isInstanceOf(PhoneVerificationRefusedException.class)
        .hasMessageContaining("technical contact's company, name and e-mail");
    verify(calls, never()).save(any());
  }

  @Test
  void aCompleteConfirmationIsRecordedWithTheNumberCalled() {
    listed();
    PhoneVerification call =
        phone.record(
            7, "officer", new PhoneCallReport(PhoneOutcome.CONFIRMED, "Ichiro Yamada", true, true, true, true, "ok"));
    assertThat(call.getCalledNumber()).isEqualTo("03-5555-0100");
    assertThat(call.getOfficer()).isEqualTo("officer");
    assertThat(call.getVerifiedAt()).isEqualTo(Instant.parse("2026-11-25T02:00:00Z"));
  }

  @Test
  void anUnlistedOrganizationCannotBeConfirmedByPhoneButCanBeUnreachable() {
    when(directory.find(any(), any())).thenReturn(Optional.empty());
    PhoneCallReport confirmed =
        new PhoneCallReport(PhoneOutcome.CONFIRMED, "Ichiro Yamada", true, true, true, true, null);
    assertThatThrownBy(() -> phone.record(7, "officer", confirmed))
        .hasMessageContaining("not in the directory");
    PhoneVerification unreachable =
        phone.record(7, "officer", new PhoneCallReport(PhoneOutcome.UNREACHABLE, null, false, false, false, false, null));
    assertThat(unreachable.getOutcome()).isEqualTo(PhoneOutcome.UNREACHABLE);
  }

  @Test
  void anOutcomeIsRequired() {
    assertThatThrownBy(() -> phone.record(7, "officer", new PhoneCallReport(null, null, false, false, false, false, null)))
        .hasMessageContaining("outcome");
  }

  // --- guide [4]: the technical contact instead of the absent responsible person -------------

  private static PhoneCallReport technicalContact(
      PhoneOutcome outcome, EmploymentBasis basis, String how) {
    return new PhoneCallReport(
        outcome, "Hanako Web", true, true, true, true, null, PhonedPerson.TECHNICAL_CONTACT, basis, how);
  }

  @Test
  void theTechnicalContactEmployedByTheApplicantMayConfirmInsteadWithTheBasisRecorded() {
    listed();
    PhoneVerification call =
        phone.record(
            7,
            "officer",
            technicalContact(
                PhoneOutcome.CONFIRMED,
                EmploymentBasis.TRANSFERRED_BY_MAIN_NUMBER,
                "reception (Ms. Sato) transferred to IT department"));
    assertThat(call.getPhonedPerson()).isEqualTo(PhonedPerson.TECHNICAL_CONTACT);
    assertThat(call.getEmploymentBasis()).isEqualTo(EmploymentBasis.TRANSFERRED_BY_MAIN_NUMBER);
    assertThat(call.getEmploymentBasisNote()).isEqualTo("reception (Ms. Sato) transferred to IT department");
    // The directory's number, as for the responsible person.
    assertThat(call.getCalledNumber()).isEqualTo("03-5555-0100");
    assertThat(PhoneStandInTimeline.entry(call).summary())
        .contains("Technical contact phoned instead of the absent responsible person (Hanako Web)")
        .contains("03-5555-0100 from Teikoku Databank")
        .contains("the main number's switchboard transferred the call to them as staff")
        .contains("Ms. Sato");
  }

  @Test
  void theTechnicalContactNeedsTheEmploymentBasisAndWhoConfirmedIt() {
    listed();
    assertThatThrownBy(() -> phone.record(7, "officer", technicalContact(PhoneOutcome.CONFIRMED, null, "reception")))
        .isInstanceOf(PhoneVerificationRefusedException.class)
        .hasMessageContaining("employment basis");
    assertThatThrownBy(
            () ->
                phone.record(
                    7, "officer", technicalContact(PhoneOutcome.CONFIRMED, EmploymentBasis.CONFIRMED_BY_MAIN_NUMBER, " ")))
        .isInstanceOf(PhoneVerificationRefusedException.class)
        .hasMessageContaining("who confirmed their employment");
    verify(calls, never()).save(any());
  }

  @Test
  void anAgencysTechnicalContactMayNotStandInForTheResponsiblePerson() {
    listed();
    when(application.getTechnicalCompany()).thenReturn("Web Agency Co., Ltd.");
    assertThatThrownBy(
            () ->
                phone.record(
                    7,
                    "officer",
                    technicalContact(
                        PhoneOutcome.CONFIRMED, EmploymentBasis.CONFIRMED_BY_MAIN_NUMBER, "reception said so")))
        .isInstanceOf(PhoneVerificationRefusedException.class)
        .hasMessageContaining("works for \"Web Agency Co., Ltd.\", not for the applicant \"Sample K.K.\"")
        .hasMessageContaining("agency");
    verify(calls, never()).save(any());
  }

  @Test
  void aGroupCompanyIsAnotherCompany() {
    listed();
    when(application.getTechnicalCompany()).thenReturn("Sample Holdings K.K.");
    assertThatThrownBy(
            () ->
                phone.record(
                    7,
                    "officer",
                    technicalContact(PhoneOutcome.CONFIRMED, EmploymentBasis.CONFIRMED_BY_MAIN_NUMBER, "x")))
        .hasMessageContaining("not for the applicant");
  }

  @Test
  void unreachableIsAboutTheResponsiblePerson() {
    listed();
    assertThatThrownBy(
            () ->
                phone.record(
                    7,
                    "officer",
                    technicalContact(PhoneOutcome.UNREACHABLE, EmploymentBasis.CONFIRMED_BY_MAIN_NUMBER, "x")))
        .hasMessageContaining("record it as a call to the responsible person");
  }

  @Test
  void aCallToTheResponsiblePersonKeepsNoEmploymentBasis() {
    listed();
    PhoneVerification call =
        phone.record(
            7,
            "officer",
            new PhoneCallReport(
                PhoneOutcome.CONFIRMED, "Ichiro Yamada", true, true, true, true, null,
                PhonedPerson.RESPONSIBLE_PERSON, EmploymentBasis.CONFIRMED_BY_MAIN_NUMBER, "stale field"));
    assertThat(call.getPhonedPerson()).isEqualTo(PhonedPerson.RESPONSIBLE_PERSON);
    assertThat(call.getEmploymentBasis()).isNull();
    assertThat(call.getEmploymentBasisNote()).isNull();
  }
}
