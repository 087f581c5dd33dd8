package org.cabackoffice.documents;

import org.cabackoffice.input.Truncation;
import org.cabackoffice.digest.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.cabackoffice.workflow.ProcessSignals;
import org.cabackoffice.workflow.ProcessSignals.NoProcessWaitingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the PDFs a technical contact uploads through a request's link (guide [3-1]: 専用 URL へ
 * 書類データ (PDF) をアップロード), and those an officer attaches after receiving them by fax or
 * e-mail, and gives them to officers.
 *
 * <p>An upload is committed before the process hears of it, in a transaction of its own: a
 * process that is not waiting rolls back the transaction it ran in, and a customer's file must not
 * be lost with it. The process is told once per request, on the first upload it accepts; later
 * uploads are kept for the officer without telling it again.
 */
@Service
public class DocumentUploads {

  private static final Logger log = LoggerFactory.getLogger(DocumentUploads.class);
  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_CONTENT_TYPE = 100;

  /**
   * Files one request takes: a registry certificate, a seal certificate, a few more pages. The
   * link lives up to 30 days and needs no login, so without a bound anyone holding it could
   * fill the store at the size limit per file.
   */
  static final int MAX_FILES_PER_REQUEST = 20;

  private final DocumentRequestRepository requests;
  private final UploadedDocumentRepository documents;
  private final ProcessSignals signals;
  private final AcmeOrderDocumentArrivals acmeOrders;
  private final DocumentsProperties properties;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  public DocumentUploads(
      DocumentRequestRepository requests,
      UploadedDocumentRepository documents,
      ProcessSignals signals,
      AcmeOrderDocumentArrivals acmeOrders,
      DocumentsProperties properties,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.requests = requests;
    this.documents = documents;
    this.signals = signals;
    this.acmeOrders = acmeOrders;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** The result of an upload, and whether the process was told by it. */
  public record UploadReceipt(
      long documentId,
      long requestId,
      Long applicationId,
      Long acmeOrderId,
      DocumentKind kind,
      String filename,
      long sizeBytes,
      String sha256,
      Instant uploadedAt,
      boolean processNotified,
      DocumentArrival arrivedBy,
      String attachedBy) {}

  /** A request with the documents uploaded for it, for officers. */
  public record RequestDocuments(
      DocumentRequest request, List<UploadedDocumentSummary> documents) {}

  /**
   * The request behind an upload link, if it still takes files.
   *
   * @throws DocumentRefused 404 for an unknown token, 410 for a lapsed or closed request
   */
  public DocumentRequest openRequest(String token) {
    return ownTransaction.execute(tx -> usableRequest(token, clock.instant()));
  }

  /** Size limit in bytes, for the page and for callers that can refuse before reading a file. */
  public long maxUploadBytes() {
    return properties.maxUploadBytes();
  }

  /**
   * Stores an uploaded PDF for the request behind the token, then tells the application's
   * process if it has not been told yet.
   *
   * @throws DocumentRefused for an unknown (404) or lapsed or closed (410) link, no or an empty
   *     file (400), a file over the limit (413) or one that is not a PDF (415); nothing is stored
   */
  public UploadReceipt upload(String token, String filename, String contentType, byte[] content) {
    Instant now = clock.instant();
    // The link first: an unknown or dead link is the answer whatever the file is.
    ownTransaction.execute(tx -> usableRequest(token, now));
    checkContent(content);
    return store(
        () -> usableRequest(token, now),
        request ->
            new UploadedDocument(
                request.getId(),
                cleanFilename(filename),
                cleanContentType(contentType),
                content,
                Sha256.hex(content),
                now));
  }

  /**
   * Attaches a PDF that an officer received by fax, e-mail or post (guide [3-1] 送付先) to an open
   * request of the application, so the evidence is kept and not only the decision on it (BR
   * 5.4.1). The file passes the same checks as an upload and the process is told the same way, so
   * the review sees it as it sees the technical contact's. The link's date does not bind the
   * officer: the request stays open until the process closes it, and what arrived by then counts.
   *
   * @param requestId the request it answers; null for the application's only open request
   * @throws DocumentRefused no arrival channel (400); an unknown request of this application (404);
   *     a closed request (410); no open request, or several and none named (409); and what an
   *     upload refuses for the file (400, 413, 415); nothing is stored
   */
  public UploadReceipt attach(
      long applicationId,
      Long requestId,
      DocumentArrival arrivedBy,
      String officer,
      String filename,
      String contentType,
      byte[] content) {
    return attach(DocumentSubject.application(applicationId), requestId, arrivedBy, officer, filename, contentType, content);
  }

  /**
   * As {@link #attach(long, Long, DocumentArrival, String, String, String, byte[])}, for an
   * application or an ACME order: an order's identity steps take an employment certificate or
   * supporting documents by fax or mail as the renewal's do (guide [3-1], [4]).
   */
  public UploadReceipt attach(
      DocumentSubject subject,
      Long requestId,
      DocumentArrival arrivedBy,
      String officer,
      String filename,
      String contentType,
      byte[] content) {
    if (arrivedBy == null) {
      throw new DocumentRefused(DocumentRefused.Reason.ARRIVAL_MISSING);
    }
    ownTransaction.execute(tx -> openRequestOf(subject, requestId));
    checkContent(content);
    Instant now = clock.instant();
    UploadReceipt receipt =
        store(
            () -> openRequestOf(subject, requestId),
            request ->
                UploadedDocument.attached(
                    request.getId(),
                    cleanFilename(filename),
                    cleanContentType(contentType),
                    content,
                    Sha256.hex(content),
                    now,
                    arrivedBy,
                    officer));
    log.info(
        "{} attached document {} received by {} to request {} of {}",
        officer,
        receipt.documentId(),
        arrivedBy,
        receipt.requestId(),
        subject);
    return receipt;
  }

  /** Stores the document for the request, then tells the process if it has not been told yet. */
  private UploadReceipt store(
      Supplier<DocumentRequest> request, Function<DocumentRequest, UploadedDocument> document) {
    Stored stored =
        ownTransaction.execute(
            tx -> {
              DocumentRequest r = request.get();
              if (documents.countByRequestId(r.getId()) >= MAX_FILES_PER_REQUEST) {
                throw new DocumentRefused(DocumentRefused.Reason.TOO_MANY_FILES);
              }
              UploadedDocument saved = documents.save(document.apply(r));
              if (r.getStatus() == DocumentRequestStatus.REQUESTED) {
                r.markUploaded();
                requests.save(r);
              }
              return new Stored(saved, r, !r.isProcessNotified());
            });
    boolean notified = stored.tellProcess() && tellProcess(stored.request());
    UploadedDocument d = stored.document();
    return new UploadReceipt(
        d.getId(),
        stored.request().getId(),
        stored.request().getApplicationId(),
        stored.request().getAcmeOrderId(),
        stored.request().getKind(),
        d.getOriginalFilename(),
        d.getSizeBytes(),
        d.getSha256(),
        d.getUploadedAt(),
        notified,
        d.getArrivedBy(),
        d.getAttachedBy());
  }

  private DocumentRequest openRequestOf(DocumentSubject subject, Long requestId) {
    if (requestId != null) {
      DocumentRequest request =
          requests
              .findById(requestId)
              .filter(r -> subject.equals(r.subject()))
              .orElseThrow(
                  () ->
                      new DocumentRefused(
                          DocumentRefused.Reason.UNKNOWN_REQUEST,
                          DocumentRefused.Reason.UNKNOWN_REQUEST.japanese(),
                          subject + " has no document request " + requestId));
      if (!request.getStatus().isOpen()) {
        throw new DocumentRefused(DocumentRefused.Reason.REQUEST_CLOSED);
      }
      return request;
    }
    List<DocumentRequest> open =
        requestsOf(subject).stream()
            .filter(r -> r.getStatus().isOpen())
            .toList();
    if (open.isEmpty()) {
      throw new DocumentRefused(
          DocumentRefused.Reason.NO_OPEN_REQUEST,
          DocumentRefused.Reason.NO_OPEN_REQUEST.japanese(),
          subject + " has no open document request to attach a document to");
    }
    if (open.size() > 1) {
      throw new DocumentRefused(
          DocumentRefused.Reason.REQUEST_AMBIGUOUS,
          DocumentRefused.Reason.REQUEST_AMBIGUOUS.japanese(),
          subject
              + " has several open document requests; name one as requestId: "
              + open.stream().map(r -> r.getId() + " (" + r.getKind() + ")").toList());
    }
    return open.get(0);
  }

  /** Every request of an application with its documents' metadata, oldest first. */
  public List<RequestDocuments> documentsOf(long applicationId) {
    return documentsOf(DocumentSubject.application(applicationId));
  }

  /** Every request of an application or an ACME order with its documents' metadata, oldest first. */
  public List<RequestDocuments> documentsOf(DocumentSubject subject) {
    return ownTransaction.execute(
        tx -> {
          List<DocumentRequest> all = requestsOf(subject);
          if (all.isEmpty()) {
            return List.of();
          }
          Map<Long, List<UploadedDocumentSummary>> byRequest =
              documents.everySummaryOf(all.stream().map(DocumentRequest::getId).toList()).stream()
                  .collect(Collectors.groupingBy(UploadedDocumentSummary::requestId));
          return all.stream()
              .map(r -> new RequestDocuments(r, byRequest.getOrDefault(r.getId(), List.of())))
              .toList();
        });
  }
  /** Every request of the application or the ACME order, oldest first. */
  private List<DocumentRequest> requestsOf(DocumentSubject subject) {
    return subject.isAcmeOrder()
        ? requests.findByAcmeOrderIdOrderByIdAsc(subject.acmeOrderId())
        : requests.findByApplicationIdOrderByIdAsc(subject.applicationId());
  }


  /**
   * A stored document with its content.
   *
   * @throws DocumentRefused 404 when there is no such document
   */
  public UploadedDocument document(long documentId) {
    return ownTransaction.execute(
        tx ->
            documents
                .findById(documentId)
                .orElseThrow(
                    () ->
                        new DocumentRefused(
                            DocumentRefused.Reason.UNKNOWN_DOCUMENT,
                            DocumentRefused.Reason.UNKNOWN_DOCUMENT.japanese(),
                            "no document " + documentId)));
  }

  private DocumentRequest usableRequest(String token, Instant now) {
    DocumentRequest request =
        (UploadTokens.isWellFormed(token) ? requests.findByToken(token) : Optional.<DocumentRequest>empty())
            .orElseThrow(() -> new DocumentRefused(DocumentRefused.Reason.UNKNOWN_TOKEN));
    if (!request.getStatus().isOpen()) {
      throw new DocumentRefused(
          request.getStatus() == DocumentRequestStatus.EXPIRED
              ? DocumentRefused.Reason.LINK_EXPIRED
              : DocumentRefused.Reason.REQUEST_CLOSED);
    }
    if (request.hasLapsed(now)) {
      throw new DocumentRefused(DocumentRefused.Reason.LINK_EXPIRED);
    }
    return request;
  }

  private void checkContent(byte[] content) {
    if (content == null) {
      throw new DocumentRefused(DocumentRefused.Reason.NO_FILE);
    }
    if (content.length == 0) {
      throw new DocumentRefused(DocumentRefused.Reason.EMPTY_FILE);
    }
    if (content.length > properties.maxUploadBytes()) {
      throw tooLarge(content.length, properties.maxUploadBytes());
    }
    if (!isPdf(content)) {
      throw new DocumentRefused(DocumentRefused.Reason.NOT_PDF);
    }
    PdfDocumentCheck.check(content, properties.maxUploadBytes());
  }

  static DocumentRefused tooLarge(long size, long limit) {
    return new DocumentRefused(
        DocumentRefused.Reason.TOO_LARGE,
        String.format("ファイルが大きすぎます (%,d バイト)。%,d バイト以下の PDF をアップロードしてください。", size, limit),
        String.format("The file is too large (%,d bytes); the limit is %,d bytes.", size, limit));
  }

  /**
   * A PDF starts with {@code %PDF-} (ISO 32000-1, 7.5.2). The browser's content type is what the
   * uploader's machine guessed from the name, so the bytes decide: this prefix first, as the
   * cheap answer for anything else, then {@link PdfDocumentCheck}.
   */
  static boolean isPdf(byte[] content) {
    return content != null
        && content.length >= PDF_MAGIC.length
        && Arrays.equals(content, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length);
  }

  private boolean tellProcess(DocumentRequest request) {
    try {
      ownTransaction.executeWithoutResult(
          tx -> {
            DocumentRequest fresh = requests.findById(request.getId()).orElseThrow();
            if (fresh.isProcessNotified()) {
              return;
            }
            // The order's process waits for the same message the renewal does, under its own key.
            if (fresh.getAcmeOrderId() != null) {
              acmeOrders.arrived(fresh.getAcmeOrderId(), request.getKind().uploadedMessage());
            } else {
              signals.deliver(request.getKind().uploadedMessage(), fresh.getApplicationId(), Map.of());
            }
            fresh.markProcessNotified();
            requests.save(fresh);
          });
      return true;
    } catch (NoProcessWaitingException e) {
      // Kept for the officer, who sees the upload in the list; the next upload tries again.
      log.warn(
          "document for request {} of {} stored, but no process waits for {}: {}",
          request.getId(),
          request.subject(),
          request.getKind().uploadedMessage(),
          e.getMessage());
      return false;
    } catch (OptimisticLockingFailureException e) {
      // A simultaneous upload of the same request told the process first.
      return false;
    } catch (RuntimeException e) {
      // The customer's file is stored; the officer sees it, and the next upload tries again.
      log.error(
          "document for request {} of {} stored, but telling the process failed",
          request.getId(),
          request.subject(),
          e);
      return false;
    }
  }

  /** The name as stored and shown ({@link UploadedFileName}). */
  static String cleanFilename(String filename) {
    return UploadedFileName.of(filename);
  }

  private static String cleanContentType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return "application/octet-stream";
    }
    String type = contentType.replaceAll("\\p{Cntrl}", "").strip();
    return Truncation.cut(type, MAX_CONTENT_TYPE);
  }


  private record Stored(UploadedDocument document, DocumentRequest request, boolean tellProcess) {}
}
