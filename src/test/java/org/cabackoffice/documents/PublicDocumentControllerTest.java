package org.cabackoffice.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.pages.TestPages;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.cabackoffice.workflow.RenewalProcess;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMapping;

class PublicDocumentControllerTest {

  private static final byte[] PDF = DocumentUploadsTest.PDF;

  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final Clock clock = Clock.fixed(DocumentRequestsTest.NOW, DocumentRequestsTest.SERVER_ZONE);
  private final DocumentRequests requests =
      new DocumentRequests(
          store.requestRepository,
          new DocumentsProperties(null, null),
          new MailTemplates(),
          new ArrayList<>()::add,
          clock,
          "https://ra.example.jp");

  private MockMvc mvc(Instant now) {
    Clock at = Clock.fixed(now, DocumentRequestsTest.SERVER_ZONE);
    return MockMvcBuilders.standaloneSetup(
            new PublicDocumentController(
                new DocumentUploads(
                    store.requestRepository,
                    store.documentRepository,
                    store.signals,
                    store.acmeOrders,
                    new DocumentsProperties(null, 2048L),
                    store.transactions,
                    at),
                TestPages.create()))
        .build();
  }

  private final MockMvc mvc = mvc(DocumentRequestsTest.NOW);

  private DocumentRequest requested(String note) {
    return requests.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, note, "tech@example.jp");
  }

  private static MockMultipartFile file(String name, byte[] content) {
    return new MockMultipartFile("file", name, "application/pdf", content);
  }

  @Test
  void pageShowsWhatIsAskedForEscaped() throws Exception {
    DocumentRequest request = requested("登記事項証明書 <script>alert(1)</script>");
    CsrfToken csrf = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "csrf-value");

    mvc.perform(get("/public/documents/" + request.getToken())
            .requestAttr(CsrfToken.class.getName(), csrf))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(header().string("Referrer-Policy", "no-referrer"))
        .andExpect(content().string(containsString("<html lang=\"ja\">")))
        .andExpect(content().string(containsString("<title>申請書類のご提出</title>")))
        .andExpect(content().string(containsString("<label for=\"file\">PDF ファイル</label>")))
        .andExpect(content().string(containsString("登記事項証明書 &lt;script&gt;")))
        .andExpect(content().string(not(containsString("<script>"))))
        .andExpect(content().string(containsString("type=\"file\" name=\"file\" id=\"file\"")))
        .andExpect(content().string(containsString("name=\"_csrf\" value=\"csrf-value\"")))
        .andExpect(content().string(containsString("2025-07-02 10:00 JST")));
  }

  @Test
  void pageInEnglishWhenAskedFor() throws Exception {
    DocumentRequest request =
        requests.request(7L, DocumentKind.EMPLOYMENT_CERTIFICATE, "employment certificate, please", "tech@example.jp");

    mvc.perform(get("/public/documents/" + request.getToken()).param("lang", "en"))
        .andExpect(status().isOk())
        .andExpect(header().string("Referrer-Policy", "no-referrer"))
        .andExpect(content().string(containsString("<html lang=\"en\">")))
        .andExpect(content().string(containsString("<title>Upload your employment certificate</title>")))
        .andExpect(content().string(containsString("This link is valid until 2025-07-02 10:00 JST.")))
        .andExpect(content().string(containsString("<label for=\"file\">PDF file</label>")))
        .andExpect(content().string(containsString(">Upload</button>")))
        .andExpect(content().string(not(containsString("在籍証明書"))));
    mvc.perform(get("/public/documents/" + request.getToken()).header("Accept-Language", "en-US"))
        .andExpect(content().string(containsString("Upload your employment certificate")));
    mvc.perform(get("/public/documents/" + request.getToken()))
        .andExpect(content().string(containsString("在籍証明書のご提出")))
        .andExpect(content().string(containsString("href=\"?lang=en\"")));
  }

  @Test
  void anAcmeOrdersPageNamesTheOrderInBothLanguagesAndItsUploadTellsTheOrdersProcess() throws Exception {
    DocumentRequest request = requests.request(
        DocumentSubject.acmeOrder(9L), DocumentKind.EMPLOYMENT_CERTIFICATE, "Tanaka の在籍証明書", "tech@example.jp");

    mvc.perform(get("/public/documents/" + request.getToken()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("ACME 注文番号")))
        .andExpect(content().string(not(containsString("申請番号"))));
    mvc.perform(get("/public/documents/" + request.getToken()).param("lang", "en"))
        .andExpect(content().string(containsString("ACME order")));
    mvc.perform(multipart("/public/documents/" + request.getToken()).file(file("zaiseki.pdf", DocumentUploadsTest.PDF))
            .accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.acmeOrderId").value(9));
    assertThat(store.delivered).containsExactly(RenewalProcess.Messages.EMPLOYMENT_CERTIFICATE_UPLOADED + ":acme-order-9");
  }

  @Test
  void receiptAndRefusalFollowTheLanguage() throws Exception {
    DocumentRequest request = requested("a");
    String url = "/public/documents/" + request.getToken();

    mvc.perform(multipart(url + "?lang=en").file(file("a.pdf", new byte[0])))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("<title>Not accepted</title>")))
        .andExpect(content().string(containsString("The file is empty.")));
    mvc.perform(multipart(url).file(file("a.pdf", new byte[0])))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("ご提出できませんでした")))
        .andExpect(content().string(not(containsString("The file is empty."))));
    mvc.perform(multipart(url + "?lang=en").file(file("登記.pdf", PDF)))
        .andExpect(status().isCreated())
        .andExpect(content().string(containsString("We have received &quot;登記.pdf&quot;")))
        .andExpect(content().string(containsString("SHA-256: <code>")));
    mvc.perform(multipart(url).file(file("b.pdf", PDF)))
        .andExpect(status().isCreated())
        .andExpect(content().string(containsString("ファイル「b.pdf」を受け付けました。")));
  }

  @Test
  void unknownTokenPageIs404AndLapsedIs410() throws Exception {
    mvc.perform(get("/public/documents/" + UploadTokens.next()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("このアップロード URL は存在しません")));
    mvc.perform(get("/public/documents/" + UploadTokens.next()).param("lang", "en"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("This upload link does not exist")));
    mvc.perform(get("/public/documents/nonsense"))
        .andExpect(status().isNotFound());

    DocumentRequest request = requested("a");
    mvc(request.getExpiresAt()).perform(get("/public/documents/" + request.getToken()))
        .andExpect(status().isGone())
        .andExpect(content().string(containsString("有効期限が切れています")));
  }

  @Test
  void pdfUploadIs201AndTellsTheProcess() throws Exception {
    DocumentRequest request = requested("a");

    mvc.perform(multipart("/public/documents/" + request.getToken()).file(file("登記.pdf", PDF)))
        .andExpect(status().isCreated())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andExpect(content().string(containsString("登記.pdf")));
    mvc.perform(multipart("/public/documents/" + request.getToken()).file(file("b.pdf", PDF))
            .accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.filename").value("b.pdf"))
        .andExpect(jsonPath("$.processNotified").value(false));

    assertThat(store.documents).hasSize(2);
    assertThat(store.delivered).hasSize(1);
  }

  @Test
  void nonPdfIs415EvenWhenItClaimsToBeOne() throws Exception {
    DocumentRequest request = requested("a");
    byte[] html = "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8);

    mvc.perform(multipart("/public/documents/" + request.getToken()).file(file("x.pdf", html)))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().string(containsString("PDF ファイルのみ受け付けます")));
    mvc.perform(multipart("/public/documents/" + request.getToken()).file(file("x.pdf", html))
            .accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.reason").value("NOT_PDF"))
        .andExpect(jsonPath("$.detail").value("Only PDF files are accepted."));
    assertThat(store.documents).isEmpty();
  }

  @Test
  void emptyMissingAndOversizedFilesAre4xx() throws Exception {
    DocumentRequest request = requested("a");
    String url = "/public/documents/" + request.getToken();
    byte[] big = new byte[2049];
    System.arraycopy(PDF, 0, big, 0, PDF.length);

    mvc.perform(multipart(url).file(file("a.pdf", new byte[0])))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("ファイルが空です。")));
    mvc.perform(multipart(url).file(new MockMultipartFile("other", "a.pdf", "application/pdf", PDF)))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("ファイルが選択されていません。")));
    mvc.perform(multipart(url).file(file("a.pdf", big)).accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.reason").value("TOO_LARGE"))
        .andExpect(jsonPath("$.detail").value(containsString("2,048")));
    assertThat(store.documents).isEmpty();
  }

  @Test
  void uploadToUnknownOrClosedLinkIs404Or410() throws Exception {
    mvc.perform(multipart("/public/documents/" + UploadTokens.next()).file(file("a.pdf", PDF)))
        .andExpect(status().isNotFound());

    DocumentRequest request = requested("a");
    requests.recordReview(7L, DocumentKind.SUPPORTING_DOCUMENTS, true, null, "officer1");
    mvc.perform(multipart("/public/documents/" + request.getToken()).file(file("a.pdf", PDF)))
        .andExpect(status().isGone())
        .andExpect(content().string(containsString("締め切られました")));

    // the link is checked before the size, so a dead link never reports on the file
    byte[] big = new byte[4096];
    mvc.perform(multipart("/public/documents/" + request.getToken()).file(file("a.pdf", big)))
        .andExpect(status().isGone());
    assertThat(store.documents).isEmpty();
  }

  @Test
  void handlersArePublic() {
    Method[] handlers =
        Arrays.stream(PublicDocumentController.class.getDeclaredMethods())
            .filter(m -> AnnotatedElementUtils.hasAnnotation(m, RequestMapping.class))
            .toArray(Method[]::new);
    assertThat(handlers).hasSize(2);
    for (Method handler : handlers) {
      assertThat(handler.getAnnotation(PreAuthorize.class).value()).isEqualTo("permitAll()");
    }
  }
}
