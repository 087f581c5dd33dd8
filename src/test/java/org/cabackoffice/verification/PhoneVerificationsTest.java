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
          applications, directory, calls, organizationValidation, Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC));

  @BeforeEach
  void application() {
    Application application = mock(Application.class);
    when(application.getOrganizationNameEn()).thenReturn("Sample K.K.");
    when(application.getOrganizationNameJa()).thenReturn("サンプル株式会社");
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
}
