package org.cabackoffice.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryListedNamesTest {

  private final OrganizationDirectoryRepository entries = mock(OrganizationDirectoryRepository.class);
  private final DirectoryListedNames names = new DirectoryListedNames(new OrganizationDirectory(entries));

  private static OrganizationDirectoryEntry listing(String en, String ja) {
    return new OrganizationDirectoryEntry(
        en, ja, "1010001000001", "03-5555-0100", "Chuo-ku", "Tokyo", "JP", "test", LocalDate.of(2026, 4, 1));
  }

  @Test
  void anApplicantFoundByItsJapaneseNameGivesTheListedNames() {
    when(entries.findByNameEnIgnoreCaseOrNameJa("Sample Japan", "サンプル株式会社"))
        .thenReturn(List.of(listing("Sample K.K.", "サンプル株式会社")));

    assertThat(names.listedNames("Sample Japan", "サンプル株式会社")).containsExactly("Sample K.K.", "サンプル株式会社");
  }

  @Test
  void anUnlistedOrAmbiguousApplicantAddsNoNames() {
    when(entries.findByNameEnIgnoreCaseOrNameJa("Twin K.K.", "双子株式会社"))
        .thenReturn(List.of(listing("Twin K.K.", "双子株式会社"), listing("Twin K.K.", "双子株式会社")));

    assertThat(names.listedNames("Unknown K.K.", "不明株式会社")).isEmpty();
    assertThat(names.listedNames("Twin K.K.", "双子株式会社")).isEmpty();
  }
}
