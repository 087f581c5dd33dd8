package org.cabackoffice.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.pages.TestPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The directory page alone (standalone MockMvc): what it shows, and that a refusal is said on the
 * form in the reader's language. Roles and CSRF are the security chain's, held by
 * OrganizationDirectoryPageIT.
 */
class OrganizationDirectoryPageTest {

  static final UsernamePasswordAuthenticationToken OFFICER =
      new UsernamePasswordAuthenticationToken("officer", null, List.of(new SimpleGrantedAuthority("ROLE_OFFICER")));
  static final UsernamePasswordAuthenticationToken AUDITOR =
      new UsernamePasswordAuthenticationToken("auditor", null, List.of(new SimpleGrantedAuthority("ROLE_AUDITOR")));

  OrganizationDirectory directory = mock(OrganizationDirectory.class);
  DirectoryCorrections corrections = mock(DirectoryCorrections.class);
  OrganizationDirectoryEntry entry =
      new OrganizationDirectoryEntry(
          "Sample K.K.", "サンプル株式会社", "6010001000001", "03-5555-0100", "Chuo-ku", "Tokyo", "JP",
          "Teikoku Databank COSMOSNET", LocalDate.of(2026, 4, 1));
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    ReflectionTestUtils.setField(entry, "id", 5L);
    entry.touched(Instant.parse("2026-11-20T01:00:00Z"));
    when(directory.byId(5)).thenReturn(Optional.of(entry));
    when(directory.byCorporateNumber("6010001000001")).thenReturn(Optional.of(entry));
    when(directory.byName("サンプル")).thenReturn(List.of(entry));
    when(corrections.of(5)).thenReturn(List.of());
    mvc =
        MockMvcBuilders.standaloneSetup(
                new OrganizationDirectoryPage(
                    directory, corrections, Validation.buildDefaultValidatorFactory().getValidator(), TestPages.create()))
            .build();
  }

  @Test
  void theLookUpListsEntriesWithSourceAndLastChange() throws Exception {
    String html = html(mvc.perform(get("/team/organization-directory").param("name", "サンプル").principal(OFFICER)), 200);
    assertThat(html)
        .contains("<html lang=\"ja\">", "組織ディレクトリ", "検索結果 (1 件)", "6010001000001", "サンプル株式会社", "Sample K.K.")
        .contains("Teikoku Databank COSMOSNET", "2026-11-20 10:00 JST", "03-5555-0100")
        .contains("href=\"/team/organization-directory/5?lang=ja\"", "href=\"?lang=en\"");
    assertThat(html(mvc.perform(get("/team/organization-directory").param("corporateNumber", "6010001000001").param("lang", "en").principal(OFFICER)), 200))
        .contains("<html lang=\"en\">", "Found (1)", "Last change");
    assertThat(html(mvc.perform(get("/team/organization-directory").principal(OFFICER)), 200)).doesNotContain("id=\"found\"");
    assertThat(html(mvc.perform(get("/team/organization-directory").param("name", "x").param("corporateNumber", "1").param("lang", "en").principal(OFFICER)), 400))
        .contains("Give either the corporate number or a name, not both.");
  }

  @Test
  void anOfficerSeesTheFormFilledWithTheEntryAndTheAuditorDoesNot() throws Exception {
    String officer = html(mvc.perform(get("/team/organization-directory/5").principal(OFFICER)), 200);
    assertThat(officer)
        .contains("id=\"correction\"", "action=\"/team/organization-directory/5/corrections\"")
        .contains("value=\"03-5555-0100\"", "value=\"サンプル株式会社\"", "訂正を記録する", "変更の記録はありません。");
    String auditor = html(mvc.perform(get("/team/organization-directory/5").param("lang", "en").principal(AUDITOR)), 200);
    assertThat(auditor).contains("Sample K.K.", "Recorded changes").doesNotContain("id=\"correction\"");
    assertThat(html(mvc.perform(get("/team/organization-directory/6").principal(OFFICER)), 404)).contains("エントリが見つかりません");
  }

  @Test
  void aRefusedCorrectionComesBackOnTheFormInTheReadersLanguage() throws Exception {
    when(corrections.correct(eq(5L), any(), eq("officer")))
        .thenThrow(
            new DirectoryCorrectionRefused(
                List.of(
                    new DirectoryCorrectionRefused.Finding(DirectoryCorrectionRefused.Why.REASON_MISSING, "say why"),
                    new DirectoryCorrectionRefused.Finding(DirectoryCorrectionRefused.Why.MAIN_PHONE_INVALID, "no"))));
    String ja = html(mvc.perform(correction("mainPhone", "12345", "reason", "")), 400);
    assertThat(ja)
        .contains("訂正の理由 (新しい値を示す情報源) を入力してください。", "日本の電話番号 (0 で始まる 10 桁または 11 桁) を入力してください。")
        .contains("value=\"12345\"", "id=\"mainPhone-error\"", "aria-invalid=\"true\"");
    String en = html(mvc.perform(correction("mainPhone", "12345", "reason", "", "lang", "en")), 400);
    assertThat(en).contains("Say why the entry is corrected", "Enter a Japanese phone number");
  }

  @Test
  void inputTheDirectoryCannotHoldIsRefusedBeforeTheCorrection() throws Exception {
    String html =
        html(mvc.perform(correction("reason", "one\ntwo", "nameEn", "x".repeat(300), "businessCategory", "PIRATE", "lang", "en")), 400);
    assertThat(html)
        .contains("Enter one line without line breaks or control characters.", "At most 256 characters.")
        .contains("Choose a business category from the list.");
    verify(corrections, never()).correct(anyLong(), any(), any());
  }

  @Test
  void aCorrectionGoesThroughTheRecordedCorrectionAndReturnsToTheEntry() throws Exception {
    when(corrections.correct(eq(5L), any(), eq("officer"))).thenReturn(entry);
    mvc.perform(
            correction(
                "mainPhone", " 03-5555-0199 ", "businessCategory", "PRIVATE_ORGANIZATION", "reason", "登記事項証明書", "lang", "en"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", "/team/organization-directory/5?corrected=1&lang=en"));
    ArgumentCaptor<DirectoryCorrection> made = ArgumentCaptor.forClass(DirectoryCorrection.class);
    verify(corrections).correct(eq(5L), made.capture(), eq("officer"));
    assertThat(made.getValue().mainPhone()).isEqualTo(" 03-5555-0199 ");
    assertThat(made.getValue().businessCategory()).isEqualTo(BusinessCategory.PRIVATE_ORGANIZATION);
    assertThat(made.getValue().reason()).isEqualTo("登記事項証明書");
    assertThat(made.getValue().corporateNumber()).isNull();
    assertThat(html(mvc.perform(get("/team/organization-directory/5").param("corrected", "1").principal(OFFICER)), 200))
        .contains("訂正を記録しました。");
  }

  private static MockHttpServletRequestBuilder correction(String... fields) {
    MockHttpServletRequestBuilder post =
        post("/team/organization-directory/5/corrections").contentType(MediaType.APPLICATION_FORM_URLENCODED).principal(OFFICER);
    for (int i = 0; i < fields.length; i += 2) {
      post.param(fields[i], fields[i + 1]);
    }
    return post;
  }

  private static String html(ResultActions result, int status) throws Exception {
    return result.andExpect(status().is(status)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }
}
