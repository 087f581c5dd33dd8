package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cabackoffice.input.CorporateNumber;
import org.cabackoffice.verification.OrganizationDirectory;
import org.cabackoffice.verification.OrganizationDirectoryEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 8 item 15: the staff page of the organization directory. Officers look entries up and
 * correct them through the same recorded correction as the API; refusals come back on the form
 * in the reader's language; the auditor reads only; customers and strangers get nothing. Uses an
 * entry of its own, so the demo entries other tests phone through stay as they are.
 */
class OrganizationDirectoryPageIT extends BackOfficeIT {

  static final String PAGE = "/team/organization-directory";

  @Autowired OrganizationDirectory directory;

  String number;
  long id;

  /** A form and the CSRF cookie that goes with its token, as a browser holds them. */
  record Form(String cookie, String csrfToken) {}

  @BeforeEach
  void anEntryOfItsOwn() {
    String base = String.format("%012d", 10_401_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    for (int first = 0; first <= 9; first++) {
      if (CorporateNumber.isValid(first + base)) {
        number = first + base;
      }
    }
    id =
        directory
            .add(new OrganizationDirectoryEntry(
                "Page Shiken K.K.", "頁試験株式会社", number, "03-5555-0700", "Minato-ku", "Tokyo", "JP",
                "Teikoku Databank COSMOSNET", LocalDate.of(2026, 10, 1)))
            .getId();
  }

  @Test
  void anOfficerLooksUpAnEntryAndCorrectsItOnRecord() {
    TestRestTemplate officer = page("officer", "officer");

    ResponseEntity<String> byName = officer.getForEntity(PAGE + "?name=頁試験&lang=ja", String.class);
    assertThat(byName.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(byName.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(byName.getBody())
        .contains("lang=\"ja\"", "組織ディレクトリ", number, "頁試験株式会社", "03-5555-0700", "Teikoku Databank COSMOSNET")
        .contains("href=\"" + PAGE + "/" + id + "?lang=ja\"");
    ResponseEntity<String> byNumber = officer.getForEntity(PAGE + "?corporateNumber=" + number + "&lang=en", String.class);
    assertThat(byNumber.getBody()).contains("lang=\"en\"", "Found (1)", "Page Shiken K.K.", "Last change");
    assertThat(officer.getForEntity(PAGE + "?corporateNumber=0000000000000&lang=en", String.class).getBody())
        .contains("No entry matches.");

    Form form = form(officer, "ja");
    // Without the token, a cross-site form could correct the directory with the officer's login.
    assertThat(post(officer, null, Map.of("mainPhone", "03-5555-0799", "reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // Refused: no reason, a number that is no phone number; shown beside the fields, in Japanese,
    // with what was typed kept.
    ResponseEntity<String> refused = post(officer, form, Map.of("mainPhone", "12345", "reason", "", "lang", "ja"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody())
        .contains("訂正の理由 (新しい値を示す情報源) を入力してください。")
        .contains("日本の電話番号 (0 で始まる 10 桁または 11 桁) を入力してください。")
        .contains("value=\"12345\"")
        .contains("id=\"mainPhone-error\"");
    // The same in English, and a reason on two lines is refused as the API refuses it.
    ResponseEntity<String> twoLines =
        post(officer, form, Map.of("mainPhone", "03-5555-0799", "reason", "line one\nline two", "lang", "en"));
    assertThat(twoLines.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(twoLines.getBody()).contains("lang=\"en\"", "Enter one line without line breaks or control characters.");
    ResponseEntity<String> unknownCategory =
        post(officer, form, Map.of("businessCategory", "PIRATE", "reason", "x", "lang", "en"));
    assertThat(unknownCategory.getBody()).contains("Choose a business category from the list.");
    ResponseEntity<String> nothing = post(officer, form, Map.of("mainPhone", "03-5555-0700", "reason", "same", "lang", "en"));
    assertThat(nothing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(nothing.getBody()).contains("The correction changes nothing in this entry.");

    ResponseEntity<String> corrected =
        post(
            officer,
            form,
            Map.of(
                "mainPhone", "03-5555-0799",
                "locality", "港区",
                "businessCategory", "PRIVATE_ORGANIZATION",
                "reason", "登記事項証明書 2026-11-25: 代表番号変更",
                "lang", "ja"));
    assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
    assertThat(corrected.getHeaders().getLocation()).hasToString(PAGE + "/" + id + "?corrected=1&lang=ja");

    String after = officer.getForObject(PAGE + "/" + id + "?corrected=1&lang=ja", String.class);
    assertThat(after).contains("訂正を記録しました。", "03-5555-0799", "港区", "登記事項証明書 2026-11-25: 代表番号変更", "訂正");

    // The same record the API keeps: who, why, before and after.
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> changes =
        (List<Map<String, Object>>) as("auditor", "auditor").getForObject("/api/organization-directory/" + id, Map.class).get("changes");
    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c).containsEntry("kind", "CORRECTION").containsEntry("changedBy", "officer")
          .containsEntry("reason", "登記事項証明書 2026-11-25: 代表番号変更");
      assertThat((String) c.get("before")).contains("03-5555-0700");
      assertThat((String) c.get("after")).contains("03-5555-0799", "PRIVATE_ORGANIZATION");
    });
  }

  @Test
  void theAuditorReadsButHasNoFormAndCannotPostOne() {
    TestRestTemplate auditor = page("auditor", "auditor");
    ResponseEntity<String> entry = auditor.getForEntity(PAGE + "/" + id + "?lang=en", String.class);
    assertThat(entry.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(entry.getBody()).contains("Page Shiken K.K.", "03-5555-0700", "Recorded changes").doesNotContain("id=\"correction\"");
    assertThat(auditor.getForEntity(PAGE + "?name=page shiken", String.class).getBody()).contains(number);

    Form form = form(page("officer", "officer"), "en");
    assertThat(post(auditor, form, Map.of("mainPhone", "03-5555-0798", "reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(directory.byId(id).orElseThrow().getMainPhone()).isEqualTo("03-5555-0700");
  }

  @Test
  void customersOperationsAndStrangersGetNothing() {
    assertThat(customer().getForEntity(PAGE + "?name=頁試験", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(customer().getForEntity(PAGE + "/" + id, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("operator", "operator").getForEntity(PAGE + "/" + id, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> stranger = http.getForEntity(PAGE + "/" + id, String.class);
    assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // The browser's login dialog is the way in.
    assertThat(stranger.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    assertThat(stranger.getBody()).doesNotContain("頁試験");
    Form form = form(page("officer", "officer"), "ja");
    assertThat(post(page(CUSTOMER, "customer"), form, Map.of("mainPhone", "03-5555-0798", "reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(http.withRedirects(Redirects.DONT_FOLLOW), form, Map.of("mainPhone", "03-5555-0798", "reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(directory.byId(id).orElseThrow().getMainPhone()).isEqualTo("03-5555-0700");
  }

  @Test
  void badLookUpsAndUnknownEntriesAreAnsweredAsPages() {
    TestRestTemplate officer = page("officer", "officer");
    ResponseEntity<String> both = officer.getForEntity(PAGE + "?corporateNumber=" + number + "&name=x&lang=en", String.class);
    assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(both.getBody()).contains("Give either the corporate number or a name, not both.");
    ResponseEntity<String> missing = officer.getForEntity(PAGE + "/999999999?lang=ja", String.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getBody()).contains("エントリが見つかりません");
    assertThat(officer.getForEntity(PAGE + "/not-a-number", String.class).getStatusCode().is4xxClientError()).isTrue();
  }

  private TestRestTemplate page(String user, String password) {
    return as(user, password).withRedirects(Redirects.DONT_FOLLOW);
  }

  /** Opens the entry's page and keeps its CSRF cookie and the form's token. */
  private Form form(TestRestTemplate officer, String lang) {
    ResponseEntity<String> page = officer.getForEntity(PAGE + "/" + id + "?lang=" + lang, String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    String cookie =
        page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
            .filter(c -> c.startsWith("XSRF-TOKEN="))
            .map(c -> c.substring(0, c.indexOf(';')))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no CSRF cookie: " + page.getHeaders()));
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
    assertThat(token.find()).as("the form carries the CSRF token").isTrue();
    return new Form(cookie, token.group(1));
  }

  private ResponseEntity<String> post(TestRestTemplate as, Form form, Map<String, String> fields) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
    fields.forEach(body::add);
    if (form != null) {
      headers.add(HttpHeaders.COOKIE, form.cookie());
      body.add("_csrf", form.csrfToken());
    }
    return as.exchange(PAGE + "/" + id + "/corrections", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }
}
