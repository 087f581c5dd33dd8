package org.cabackoffice.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.workflow.RenewalProcess;
import org.junit.jupiter.api.Test;

class DocumentUploadsTest {

  static final byte[] PDF = DocumentFixtures.pdf(1);

  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final DocumentRequests requests =
      new DocumentRequests(
          store.requestRepository,
          new DocumentsProperties(null, null),
          new MailTemplates(),
          new ArrayList<>()::add,
          Clock.fixed(DocumentRequestsTest.NOW, DocumentRequestsTest.SERVER_ZONE),
          "https://ra.example.jp");

  private DocumentUploads at(Instant now) {
    return new DocumentUploads(
        store.requestRepository,
        store.documentRepository,
        store.signals,
        store.acmeOrders,
        new DocumentsProperties(null, 8192L),
        store.transactions,
        Clock.fixed(now, DocumentRequestsTest.SERVER_ZONE));
  }

  private final DocumentUploads uploads = at(DocumentRequestsTest.NOW.plusSeconds(60));

  private DocumentRequest requested(DocumentKind kind) {
    return requests.request(7L, kind, "登記事項証明書", "tech@example.jp");
  }

  private static DocumentRefused.Reason refusal(Runnable upload) {
    try {
      upload.run();
    } catch (DocumentRefused e) {
      return e.reason();
    }
    throw new AssertionError("the upload was accepted");
  }

  @Test
  void pdfIsRecognizedByItsMagicBytesNotItsName() {
    assertThat(DocumentUploads.isPdf(PDF)).isTrue();
    assertThat(DocumentUploads.isPdf("%PDF-".getBytes(StandardCharsets.US_ASCII))).isTrue();
    assertThat(DocumentUploads.isPdf("%PDF".getBytes(StandardCharsets.US_ASCII))).isFalse();
    assertThat(DocumentUploads.isPdf("GIF89a%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isFalse();
    assertThat(DocumentUploads.isPdf(" %PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isFalse();
    assertThat(DocumentUploads.isPdf(new byte[0])).isFalse();
  }

  @Test
  void firstUploadIsStoredAndTellsTheProcess() {
    DocumentRequest request = requested(DocumentKind.SUPPORTING_DOCUMENTS);

    DocumentUploads.UploadReceipt receipt =
        uploads.upload(request.getToken(), "C:\\Users\\tanaka\\登記.pdf", "application/pdf", PDF);

    assertThat(request.getStatus()).isEqualTo(DocumentRequestStatus.UPLOADED);
    assertThat(request.isProcessNotified()).isTrue();
    assertThat(receipt.processNotified()).isTrue();
    assertThat(receipt.filename()).isEqualTo("登記.pdf");
    assertThat(receipt.sha256()).hasSize(64).matches("[0-9a-f]+");
    assertThat(store.documents).singleElement().satisfies(d -> {
      assertThat(d.getContent()).isEqualTo(PDF);
      assertThat(d.getSizeBytes()).isEqualTo(PDF.length);
      assertThat(d.getRequestId()).isEqualTo(request.getId());
    });
    assertThat(store.delivered).containsExactly(RenewalProcess.Messages.DOCUMENTS_UPLOADED + ":7");
  }

  @Test
  void anAcmeOrdersUploadTellsTheOrdersProcessAndNoApplicationsOne() {
    // An ACME order's identity steps ask for the employment certificate too (guide [4]).
    DocumentRequest request = requests.request(
        DocumentSubject.acmeOrder(7L), DocumentKind.EMPLOYMENT_CERTIFICATE, "在籍証明書", "tech@example.jp");

    DocumentUploads.UploadReceipt receipt = uploads.upload(request.getToken(), "在籍.pdf", "application/pdf", PDF);

    assertThat(receipt.processNotified()).isTrue();
    assertThat(receipt.acmeOrderId()).isEqualTo(7L);
    assertThat(receipt.applicationId()).isNull();
    assertThat(store.delivered).containsExactly(RenewalProcess.Messages.EMPLOYMENT_CERTIFICATE_UPLOADED + ":acme-order-7");
    assertThat(uploads.documentsOf(DocumentSubject.acmeOrder(7L))).singleElement()
        .satisfies(rd -> assertThat(rd.documents()).singleElement().extracting(UploadedDocumentSummary::originalFilename).isEqualTo("在籍.pdf"));
    assertThat(uploads.documentsOf(7L)).as("application 7's documents are not order 7's").isEmpty();
  }

  @Test
  void aRequestTakesABoundedNumberOfFiles() {
    DocumentRequest request = requested(DocumentKind.SUPPORTING_DOCUMENTS);
    for (int i = 0; i < DocumentUploads.MAX_FILES_PER_REQUEST; i++) {
      uploads.upload(request.getToken(), "page-" + i + ".pdf", "application/pdf", PDF);
    }

    assertThat(refusal(() -> uploads.upload(request.getToken(), "one-more.pdf", "application/pdf", PDF)))
        .isEqualTo(DocumentRefused.Reason.TOO_MANY_FILES);
    assertThat(store.documents).hasSize(DocumentUploads.MAX_FILES_PER_REQUEST);
    assertThat(DocumentRefusalStatus.of(DocumentRefused.Reason.TOO_MANY_FILES).value()).isEqualTo(409);
  }

  @Test
  void laterUploadsAreStoredWithoutTellingTheProcessAgain() {
    DocumentRequest request = requested(DocumentKind.EMPLOYMENT_CERTIFICATE);

    uploads.upload(request.getToken(), "a.pdf", "application/pdf", PDF);
    DocumentUploads.UploadReceipt second =
        uploads.upload(request.getToken(), "b.pdf", "application/pdf", PDF);

    assertThat(store.documents).hasSize(2);
    assertThat(second.processNotified()).isFalse();
    assertThat(store.delivered)
        .containsExactly(RenewalProcess.Messages.EMPLOYMENT_CERTIFICATE_UPLOADED + ":7");
    assertThat(uploads.documentsOf(7L))
        .singleElement()
        .satisfies(rd -> assertThat(rd.documents()).hasSize(2));
  }

  @Test
  void uploadStaysStoredWhenNoProcessWaitsAndTheNextUploadTriesAgain() {
    DocumentRequest request = requested(DocumentKind.SUPPORTING_DOCUMENTS);
    store.noProcessWaiting = true;

    DocumentUploads.UploadReceipt first = uploads.upload(request.getToken(), "a.pdf", null, PDF);

    assertThat(first.processNotified()).isFalse();
    assertThat(store.documents).hasSize(1);
    assertThat(request.getStatus()).isEqualTo(DocumentRequestStatus.UPLOADED);
    assertThat(request.isProcessNotified()).isFalse();
    // the upload committed, the telling was rolled back on its own
    assertThat(store.transactionEvents.subList(store.transactionEvents.size() - 4, store.transactionEvents.size()))
        .containsExactly("begin", "commit", "begin", "rollback");

    store.noProcessWaiting = false;
    assertThat(uploads.upload(request.getToken(), "b.pdf", null, PDF).processNotified()).isTrue();
    assertThat(store.delivered).hasSize(1);
  }

  @Test
  void emptyOversizedAndNonPdfFilesAreRefusedAndNothingIsStored() {
    String token = requested(DocumentKind.SUPPORTING_DOCUMENTS).getToken();
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    byte[] big = new byte[8193];
    System.arraycopy(PDF, 0, big, 0, PDF.length);

    assertThat(refusal(() -> uploads.upload(token, "a.pdf", "application/pdf", new byte[0])))
        .isEqualTo(DocumentRefused.Reason.EMPTY_FILE);
    assertThat(refusal(() -> uploads.upload(token, "a.pdf", "application/pdf", null)))
        .isEqualTo(DocumentRefused.Reason.NO_FILE);
    assertThat(refusal(() -> uploads.upload(token, "a.pdf", "application/pdf", png)))
        .isEqualTo(DocumentRefused.Reason.NOT_PDF);
    assertThat(refusal(() -> uploads.upload(token, "a.pdf", "application/pdf", big)))
        .isEqualTo(DocumentRefused.Reason.TOO_LARGE);
    assertThat(DocumentRefusalStatus.of(DocumentRefused.Reason.NOT_PDF).value()).isEqualTo(415);
    assertThat(DocumentRefusalStatus.of(DocumentRefused.Reason.TOO_LARGE).value()).isEqualTo(413);
    assertThat(DocumentRefusalStatus.of(DocumentRefused.Reason.EMPTY_FILE).value()).isEqualTo(400);
    assertThat(store.documents).isEmpty();
    assertThat(store.delivered).isEmpty();
  }

  @Test
  void aFileThatOnlyStartsLikeAPdfIsRefusedWithTheReasonAndNothingIsStored() {
    String token = requested(DocumentKind.SUPPORTING_DOCUMENTS).getToken();
    byte[] fake = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    byte[] renamedExe = "%PDF-MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(refusal(() -> uploads.upload(token, "a.pdf", "application/pdf", fake)))
        .isEqualTo(DocumentRefused.Reason.PDF_UNREADABLE);
    assertThat(refusal(() -> uploads.upload(token, "a.pdf", "application/pdf", renamedExe)))
        .isEqualTo(DocumentRefused.Reason.PDF_UNREADABLE);
    assertThat(DocumentRefusalStatus.of(DocumentRefused.Reason.PDF_UNREADABLE).value()).isEqualTo(400);
    assertThat(store.documents).isEmpty();
    assertThat(store.delivered).isEmpty();
  }

  @Test
  void encryptedAndPagelessPdfsAreRefused() {
    String token = requested(DocumentKind.SUPPORTING_DOCUMENTS).getToken();

    assertThat(refusal(() -> uploads.upload(token, "a.pdf", "application/pdf", DocumentFixtures.encryptedPdf("user"))))
        .isEqualTo(DocumentRefused.Reason.PDF_ENCRYPTED);
    assertThat(refusal(() -> uploads.upload(token, "a.pdf", "application/pdf", DocumentFixtures.encryptedPdf(""))))
        .isEqualTo(DocumentRefused.Reason.PDF_ENCRYPTED);
    assertThat(refusal(() -> uploads.upload(token, "a.pdf", "application/pdf", DocumentFixtures.pdf(0))))
        .isEqualTo(DocumentRefused.Reason.PDF_WITHOUT_PAGES);
    assertThat(store.documents).isEmpty();
  }

  @Test
  void aNameIsStoredAsItShowsWithoutBidiControlsOrReservedCharacters() {
    // U+202E made "invoice\u202Efdp.exe" show as "invoiceexe.pdf" (issue 7, item 14).
    assertThat(DocumentUploads.cleanFilename("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
    assertThat(DocumentUploads.cleanFilename("a\u2066b\u200Bc\u200Fd.pdf")).isEqualTo("abcd.pdf");
    assertThat(DocumentUploads.cleanFilename("e\u0301.pdf")).isEqualTo("\u00e9.pdf");
    assertThat(DocumentUploads.cleanFilename("a<b>:c\"|?*.pdf")).isEqualTo("a_b__c____.pdf");
    assertThat(DocumentUploads.cleanFilename("..\\..\\.htaccess")).isEqualTo("htaccess");
    assertThat(DocumentUploads.cleanFilename("\u202E\u0000")).isEqualTo("document.pdf");
    assertThat(DocumentUploads.cleanFilename("\uD83D\uDE00".repeat(200) + ".pdf"))
        .endsWith("\uD83D\uDE00.pdf")
        .satisfies(n -> assertThat(n.codePointCount(0, n.length())).isEqualTo(UploadedFileName.MAX_CODE_POINTS));
  }

  @Test
  void contentDispositionCarriesAnAsciiFallbackAndTheRfc8187Name() {
    assertThat(UploadedFileName.contentDisposition("登記 \"1\".pdf"))
        .isEqualTo("attachment; filename=\"__ _1_.pdf\"; filename*=UTF-8''%E7%99%BB%E8%A8%98%20_1_.pdf");
    assertThat(UploadedFileName.contentDisposition("invoice\u202Efdp.exe"))
        .isEqualTo("attachment; filename=\"invoicefdp.exe\"; filename*=UTF-8''invoicefdp.exe");
  }

  @Test
  void unknownTokenIs404() {
    requested(DocumentKind.SUPPORTING_DOCUMENTS);
    assertThat(refusal(() -> uploads.upload(UploadTokens.next(), "a.pdf", null, PDF)))
        .isEqualTo(DocumentRefused.Reason.UNKNOWN_TOKEN);
    assertThat(refusal(() -> uploads.upload("../../etc/passwd", "a.pdf", null, PDF)))
        .isEqualTo(DocumentRefused.Reason.UNKNOWN_TOKEN);
    assertThat(refusal(() -> uploads.openRequest(null)))
        .isEqualTo(DocumentRefused.Reason.UNKNOWN_TOKEN);
    assertThat(DocumentRefusalStatus.of(DocumentRefused.Reason.UNKNOWN_TOKEN).value()).isEqualTo(404);
  }

  @Test
  void lapsedExpiredAndClosedLinksAre410() {
    DocumentRequest request = requested(DocumentKind.SUPPORTING_DOCUMENTS);
    DocumentUploads afterExpiry = at(request.getExpiresAt());

    assertThat(refusal(() -> afterExpiry.upload(request.getToken(), "a.pdf", null, PDF)))
        .isEqualTo(DocumentRefused.Reason.LINK_EXPIRED);
    assertThat(refusal(() -> afterExpiry.openRequest(request.getToken())))
        .isEqualTo(DocumentRefused.Reason.LINK_EXPIRED);

    requests.expire(7L, DocumentKind.SUPPORTING_DOCUMENTS);
    assertThat(refusal(() -> uploads.upload(request.getToken(), "a.pdf", null, PDF)))
        .isEqualTo(DocumentRefused.Reason.LINK_EXPIRED);

    DocumentRequest accepted = requested(DocumentKind.EMPLOYMENT_CERTIFICATE);
    requests.recordReview(7L, DocumentKind.EMPLOYMENT_CERTIFICATE, true, null, "officer1");
    assertThat(refusal(() -> uploads.upload(accepted.getToken(), "a.pdf", null, PDF)))
        .isEqualTo(DocumentRefused.Reason.REQUEST_CLOSED);
    assertThat(DocumentRefusalStatus.of(DocumentRefused.Reason.LINK_EXPIRED).value()).isEqualTo(410);
    assertThat(DocumentRefusalStatus.of(DocumentRefused.Reason.REQUEST_CLOSED).value()).isEqualTo(410);
    assertThat(store.documents).isEmpty();
  }

  @Test
  void filenamesLoseTheirPathAndControlCharacters() {
    assertThat(DocumentUploads.cleanFilename("/tmp/x/証明書.pdf")).isEqualTo("証明書.pdf");
    assertThat(DocumentUploads.cleanFilename("a\r\nb.pdf")).isEqualTo("ab.pdf");
    assertThat(DocumentUploads.cleanFilename(null)).isEqualTo("document.pdf");
    assertThat(DocumentUploads.cleanFilename("x".repeat(300) + ".pdf"))
        .hasSize(UploadedFileName.MAX_CODE_POINTS)
        .endsWith("xx.pdf");
  }

  @Test
  void unknownDocumentIs404() {
    assertThatThrownBy(() -> uploads.document(999L))
        .isInstanceOfSatisfying(
            DocumentRefused.class,
            e -> assertThat(e.reason()).isEqualTo(DocumentRefused.Reason.UNKNOWN_DOCUMENT));
    assertThat(uploads.documentsOf(7L)).isEmpty();
    assertThat(Duration.ofDays(new DocumentsProperties(null, null).validDays())).hasDays(30);
  }

  // --- guide [3-1] 送付先: documents received by fax or e-mail, attached by an officer ---------

  @Test
  void aFaxedDocumentAttachedByAnOfficerAnswersTheRequestAsAnUploadDoes() {
    DocumentRequest request = requested(DocumentKind.SUPPORTING_DOCUMENTS);

    DocumentUploads.UploadReceipt receipt =
        uploads.attach(7L, null, DocumentArrival.FAX, "officer", "fax-0412.pdf", "application/pdf", PDF);

    assertThat(receipt.requestId()).isEqualTo(request.getId());
    assertThat(receipt.arrivedBy()).isEqualTo(DocumentArrival.FAX);
    assertThat(receipt.attachedBy()).isEqualTo("officer");
    assertThat(receipt.processNotified()).isTrue();
    assertThat(request.getStatus()).isEqualTo(DocumentRequestStatus.UPLOADED);
    assertThat(store.delivered)
        .containsExactly(RenewalProcess.Messages.DOCUMENTS_UPLOADED + ":7");
    // The reviewing officer's list holds it; the list of the technical contact's uploads does not.
    assertThat(uploads.documentsOf(7L).get(0).documents())
        .singleElement()
        .satisfies(d -> {
          assertThat(d.arrivedBy()).isEqualTo(DocumentArrival.FAX);
          assertThat(d.attachedBy()).isEqualTo("officer");
        });
    assertThat(store.documentRepository.summariesOf(java.util.List.of(request.getId()))).isEmpty();
    assertThat(AttachedDocumentsTimeline.entry(uploads.documentsOf(7L).get(0).documents().get(0), request).summary())
        .startsWith("Received by FAX and attached 'fax-0412.pdf' for ")
        .contains(receipt.sha256());
  }

  @Test
  void anAttachedFileIsCheckedAsAnUploadIs() {
    requested(DocumentKind.SUPPORTING_DOCUMENTS);
    assertThat(refusal(() -> uploads.attach(7L, null, DocumentArrival.EMAIL, "officer", "a.pdf", null, "not a pdf".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo(DocumentRefused.Reason.NOT_PDF);
    assertThat(refusal(() -> uploads.attach(7L, null, DocumentArrival.EMAIL, "officer", "a.pdf", null, new byte[0])))
        .isEqualTo(DocumentRefused.Reason.EMPTY_FILE);
    assertThat(refusal(() -> uploads.attach(7L, null, DocumentArrival.EMAIL, "officer", "a.pdf", null, new byte[9000])))
        .isEqualTo(DocumentRefused.Reason.TOO_LARGE);
    assertThat(refusal(() -> uploads.attach(7L, null, null, "officer", "a.pdf", null, PDF)))
        .isEqualTo(DocumentRefused.Reason.ARRIVAL_MISSING);
    assertThat(store.documents).isEmpty();
    assertThat(store.delivered).isEmpty();
  }

  @Test
  void anAttachmentNeedsAnOpenRequestOfThatApplication() {
    assertThat(refusal(() -> uploads.attach(7L, null, DocumentArrival.FAX, "officer", "a.pdf", null, PDF)))
        .isEqualTo(DocumentRefused.Reason.NO_OPEN_REQUEST);
    DocumentRequest documents = requested(DocumentKind.SUPPORTING_DOCUMENTS);
    DocumentRequest employment = requested(DocumentKind.EMPLOYMENT_CERTIFICATE);
    // Two open requests: the officer names the one the fax answers.
    assertThat(refusal(() -> uploads.attach(7L, null, DocumentArrival.FAX, "officer", "a.pdf", null, PDF)))
        .isEqualTo(DocumentRefused.Reason.REQUEST_AMBIGUOUS);
    assertThat(uploads.attach(7L, employment.getId(), DocumentArrival.FAX, "officer", "a.pdf", null, PDF).kind())
        .isEqualTo(DocumentKind.EMPLOYMENT_CERTIFICATE);
    // Another application's request is not this application's.
    assertThat(refusal(() -> uploads.attach(8L, documents.getId(), DocumentArrival.FAX, "officer", "a.pdf", null, PDF)))
        .isEqualTo(DocumentRefused.Reason.UNKNOWN_REQUEST);
  }
}
