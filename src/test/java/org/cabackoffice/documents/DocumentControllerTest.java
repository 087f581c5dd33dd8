package org.cabackoffice.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.security.CurrentUser;
import org.springframework.mock.web.MockMultipartFile;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMapping;

class DocumentControllerTest {

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
  private final DocumentUploads uploads =
      new DocumentUploads(
          store.requestRepository,
          store.documentRepository,
          store.signals,
          store.acmeOrders,
          new DocumentsProperties(null, null),
          store.transactions,
          clock);
  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new DocumentController(uploads, officer()))
          .setMessageConverters(
              new ByteArrayHttpMessageConverter(),
              new StringHttpMessageConverter(StandardCharsets.UTF_8),
              new MappingJackson2HttpMessageConverter(
                  Jackson2ObjectMapperBuilder.json()
                      .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                      .build()))
          .build();

  private static CurrentUser officer() {
    CurrentUser user = org.mockito.Mockito.mock(CurrentUser.class);
    org.mockito.Mockito.when(user.name()).thenReturn("officer");
    return user;
  }

  @Test
  void anOfficerAttachesAFaxedPdfSayingHowItArrived() throws Exception {
    requests.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "登記事項証明書", "tech@example.jp");
    mvc.perform(
            multipart("/api/applications/7/documents")
                .file(new MockMultipartFile("file", "fax.pdf", "application/pdf", DocumentUploadsTest.PDF))
                .param("arrivedBy", "fax"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.arrivedBy").value("FAX"))
        .andExpect(jsonPath("$.attachedBy").value("officer"))
        .andExpect(jsonPath("$.processNotified").value(true));
    mvc.perform(get("/api/applications/7/documents"))
        .andExpect(jsonPath("$[0].status").value("UPLOADED"))
        .andExpect(jsonPath("$[0].documents[0].arrivedBy").value("FAX"))
        .andExpect(jsonPath("$[0].documents[0].attachedBy").value("officer"));
  }

  @Test
  void anAcmeOrdersRequestsAreListedUnderTheOrderAndNotUnderTheApplicationOfTheSameNumber() throws Exception {
    requests.request(DocumentSubject.acmeOrder(7L), DocumentKind.EMPLOYMENT_CERTIFICATE, "在籍証明書", "tech@example.jp");
    mvc.perform(get("/api/acme/orders/7/documents"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].kind").value("EMPLOYMENT_CERTIFICATE"))
        .andExpect(jsonPath("$[0].acmeOrderId").value(7))
        .andExpect(jsonPath("$[0].token").doesNotExist());
    mvc.perform(get("/api/applications/7/documents")).andExpect(jsonPath("$").isEmpty());
  }

  @Test
  void anAttachmentWithoutItsArrivalOrNotAPdfIsRefused() throws Exception {
    requests.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "a", "tech@example.jp");
    mvc.perform(
            multipart("/api/applications/7/documents")
                .file(new MockMultipartFile("file", "fax.pdf", "application/pdf", DocumentUploadsTest.PDF))
                .param("arrivedBy", "PIGEON"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("ARRIVAL_MISSING"))
        .andExpect(jsonPath("$.detail").value("arrivedBy is one of [UPLOAD, FAX, EMAIL, POST]"));
    mvc.perform(
            multipart("/api/applications/7/documents")
                .file(new MockMultipartFile("file", "fax.pdf", "application/pdf", "%PDF-1.7 broken".getBytes(StandardCharsets.US_ASCII)))
                .param("arrivedBy", "EMAIL"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("PDF_UNREADABLE"));
    mvc.perform(multipart("/api/applications/7/documents").param("arrivedBy", "EMAIL"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.reason").value("NO_FILE"));
    assertThat(store.documents).isEmpty();
  }

  @Test
  void listsRequestsWithDocumentMetadataButNoTokenOrContent() throws Exception {
    DocumentRequest request =
        requests.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "登記事項証明書", "tech@example.jp");
    uploads.upload(request.getToken(), "登記.pdf", "application/pdf", DocumentUploadsTest.PDF);

    String json =
        mvc.perform(get("/api/applications/7/documents"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].kind").value("SUPPORTING_DOCUMENTS"))
            .andExpect(jsonPath("$[0].status").value("UPLOADED"))
            .andExpect(jsonPath("$[0].note").value("登記事項証明書"))
            .andExpect(jsonPath("$[0].requestedAt").value("2025-06-02T01:00:00Z"))
            .andExpect(jsonPath("$[0].documents[0].originalFilename").value("登記.pdf"))
            .andExpect(jsonPath("$[0].documents[0].sizeBytes").value(DocumentUploadsTest.PDF.length))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(json).doesNotContain(request.getToken()).doesNotContain("content\"");
  }

  @Test
  void applicationWithoutRequestsListsNothing() throws Exception {
    mvc.perform(get("/api/applications/8/documents"))
        .andExpect(status().isOk())
        .andExpect(content().json("[]"));
  }

  @Test
  void aNameStoredBeforeTheRuleIsServedCleaned() throws Exception {
    DocumentRequest request =
        requests.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "a", "tech@example.jp");
    long id =
        store.documentRepository
            .save(
                new UploadedDocument(
                    request.getId(),
                    "invoice\u202Efdp.exe",
                    "application/pdf",
                    DocumentUploadsTest.PDF,
                    "0".repeat(64),
                    DocumentRequestsTest.NOW))
            .getId();

    mvc.perform(get("/api/documents/" + id + "/content"))
        .andExpect(status().isOk())
        .andExpect(
            header()
                .string(
                    "Content-Disposition",
                    "attachment; filename=\"invoicefdp.exe\"; filename*=UTF-8''invoicefdp.exe"));
  }

  @Test
  void contentIsThePdfAsAnAttachment() throws Exception {
    DocumentRequest request =
        requests.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "a", "tech@example.jp");
    long id =
        uploads.upload(request.getToken(), "登記.pdf", "text/plain", DocumentUploadsTest.PDF).documentId();

    mvc.perform(get("/api/documents/" + id + "/content"))
        .andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.APPLICATION_PDF))
        .andExpect(content().bytes(DocumentUploadsTest.PDF))
        .andExpect(header().string("Content-Disposition",
            org.hamcrest.Matchers.startsWith("attachment; filename=")))
        .andExpect(header().string("Content-Disposition",
            org.hamcrest.Matchers.containsString("filename*=UTF-8''%E7%99%BB%E8%A8%98.pdf")));
  }

  @Test
  void unknownDocumentIs404() throws Exception {
    mvc.perform(get("/api/documents/999/content"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.reason").value("UNKNOWN_DOCUMENT"));
    mvc.perform(get("/api/documents/abc/content")).andExpect(status().isBadRequest());
  }

  @Test
  void everyHandlerCarriesTheStaffRoles() {
    Method[] handlers =
        Arrays.stream(DocumentController.class.getDeclaredMethods())
            .filter(m -> AnnotatedElementUtils.hasAnnotation(m, RequestMapping.class))
            .toArray(Method[]::new);
    assertThat(handlers).hasSize(5);
    for (Method handler : handlers) {
      // Auditors read; only officers attach what arrived by fax or e-mail.
      assertThat(handler.getAnnotation(PreAuthorize.class).value())
          .isEqualTo(
              handler.getName().startsWith("attach")
                  ? "hasAnyRole('OFFICER', 'SENIOR_OFFICER')"
                  : "hasAnyRole('OFFICER', 'SENIOR_OFFICER', 'AUDITOR')");
    }
  }
}
