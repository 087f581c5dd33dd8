package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 8 item 15: operations fill the organization directory from the vendor's export and the
 * NTA's data, officers look entries up and correct them (recorded), the auditor reads. Uses its
 * own corporate numbers, so the demo entries other tests phone through stay as they are.
 */
class OrganizationDirectoryIT extends BackOfficeIT {

  static final String VENDOR =
      "corporate_number,name_ja,name_en,prefecture,city,main_phone,business_category,verified_on\n"
          + "3010401099999,試験電機株式会社,Shiken Denki K.K.,Tokyo,Minato-ku,03-5555-0900,Private Organization,2026-10-01\n"
          + "3010401099998,誤番号株式会社,,Tokyo,Minato-ku,03-5555-0901,,\n";

  static String nta(int sequence, String number, String name, String kind, String city, String latest) {
    return "\"" + sequence + "\",\"" + number + "\",\"01\",\"0\",\"2026-11-20\",\"2026-11-18\",\"" + name
        + "\",,\"" + kind + "\",\"東京都\",\"" + city + "\",\"1-1\",,,,,,,,,,,\"2015-10-05\",\"" + latest
        + "\",,,,,,\n";
  }

  @Test
  void operationsImportOfficersCorrectAndEveryChangeIsOnRecord() throws Exception {
    ResponseEntity<Map> first = upload("operator", "tdb-202611.csv", VENDOR, "Teikoku Databank COSMOSNET");
    assertThat(first.getStatusCode()).as(String.valueOf(first.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(first.getBody()).containsEntry("format", "VENDOR").containsEntry("imported", 1).containsEntry("errorCount", 1)
        .containsEntry("importedBy", "operator").containsEntry("fileName", "tdb-202611.csv")
        .containsEntry("sha256", sha256(VENDOR));
    assertThat(errors(first)).singleElement().satisfies(e -> {
      assertThat(e.get("line")).isEqualTo(3);
      assertThat((String) e.get("message")).contains("check digit");
    });

    // The same file again changes nothing.
    ResponseEntity<Map> again = upload("operator", "tdb-202611.csv", VENDOR, "Teikoku Databank COSMOSNET");
    assertThat(again.getBody()).containsEntry("imported", 0).containsEntry("updated", 0).containsEntry("unchanged", 1);

    // The NTA's data: its address and category update the listing, its phone-less new entry is
    // imported, its superseded history row skipped.
    String ntaFile =
        nta(1, "3010401099999", "試験電機株式会社", "301", "港区", "1")
            + nta(2, "8120001234569", "試験市", "201", "試験区", "1")
            + nta(3, "8120001234569", "試験町", "201", "試験区", "0");
    ResponseEntity<Map> nta = upload("operator", "13_tokyo_diff_20261120.csv", ntaFile, null);
    assertThat(nta.getStatusCode()).as(String.valueOf(nta.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(nta.getBody()).containsEntry("format", "NTA").containsEntry("imported", 1).containsEntry("updated", 1)
        .containsEntry("skipped", 1).containsEntry("errorCount", 0);

    Map<String, Object> entry = single(as("officer", "officer"), "corporateNumber=3010401099999");
    assertThat(entry).containsEntry("nameEn", "Shiken Denki K.K.").containsEntry("locality", "港区")
        .containsEntry("mainPhone", "03-5555-0900").containsEntry("source", "Teikoku Databank COSMOSNET")
        .containsEntry("businessCategory", "PRIVATE_ORGANIZATION");
    Map<String, Object> government = single(as("auditor", "auditor"), "name=試験市");
    assertThat(government).containsEntry("businessCategory", "GOVERNMENT_ENTITY").doesNotContainKey("mainPhone");
    assertThat(list(as("officer", "officer"), "name=shiken denki")).hasSize(1);

    // An officer corrects the number; the reason is required and the record keeps before/after.
    long id = ((Number) entry.get("id")).longValue();
    String path = "/api/organization-directory/" + id + "/corrections";
    assertThat(as("officer", "officer").postForEntity(path, Map.of("mainPhone", "03-5555-0999"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(as("officer", "officer").postForEntity(path, Map.of("mainPhone", "12345", "reason", "x"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<Map> corrected =
        as("officer", "officer").postForEntity(path, Map.of("mainPhone", "03-5555-0999", "reason", "登記事項証明書 2026-11-25: 代表番号変更"), Map.class);
    assertThat(corrected.getStatusCode()).as(String.valueOf(corrected.getBody())).isEqualTo(HttpStatus.OK);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> changes =
        (List<Map<String, Object>>) as("auditor", "auditor").getForObject("/api/organization-directory/" + id, Map.class).get("changes");
    assertThat(changes).extracting(c -> c.get("kind")).containsExactly("IMPORT", "IMPORT", "CORRECTION");
    Map<String, Object> correction = changes.get(2);
    assertThat(correction).containsEntry("changedBy", "officer").containsEntry("reason", "登記事項証明書 2026-11-25: 代表番号変更");
    assertThat((String) correction.get("before")).contains("03-5555-0900");
    assertThat((String) correction.get("after")).contains("03-5555-0999");

    // The import's report stays readable, for operations, officers and the auditor.
    long importId = ((Number) first.getBody().get("importId")).longValue();
    assertThat(as("auditor", "auditor").getForObject("/api/organization-directory/imports/" + importId, Map.class))
        .containsEntry("errorCount", 1);
  }

  @Test
  void eachRoleDoesOnlyItsPart() {
    assertThat(upload("officer", "x.csv", VENDOR, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(upload("auditor", "x.csv", VENDOR, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("operator", "operator").getForEntity("/api/organization-directory?name=x", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(customer().getForEntity("/api/organization-directory?name=x", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("auditor", "auditor").postForEntity("/api/organization-directory/1/corrections", Map.of("reason", "x", "mainPhone", "0355550000"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map> refused = upload("operator", "x.csv", "hello,world\n", null);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat((String) refused.getBody().get("detail")).contains("corporate_number", "National Tax Agency");
  }

  private ResponseEntity<Map> upload(String user, String fileName, String content, String source) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    if (source != null) {
      body.add("source", source);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return as(user, user).postForEntity("/api/organization-directory/imports", new HttpEntity<>(body, headers), Map.class);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> errors(ResponseEntity<Map> report) {
    return (List<Map<String, Object>>) report.getBody().get("errors");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(TestRestTemplate client, String query) {
    ResponseEntity<List> answer = client.getForEntity("/api/organization-directory?" + query, List.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private static Map<String, Object> single(TestRestTemplate client, String query) {
    List<Map<String, Object>> found = list(client, query);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static String sha256(String content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
  }
}
