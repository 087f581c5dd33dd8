package org.cabackoffice.documents;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.cabackoffice.workflow.ProcessSignals;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** In-memory repositories, process signals and transactions for the documents package's tests. */
final class InMemoryDocumentStore {

  final List<DocumentRequest> requests = new ArrayList<>();
  final List<UploadedDocument> documents = new ArrayList<>();
  final List<String> delivered = new ArrayList<>();
  final List<String> transactionEvents = new ArrayList<>();
  boolean noProcessWaiting;
  private final AtomicLong ids = new AtomicLong(500);

  private <T> T withId(T entity) {
    if (ReflectionTestUtils.getField(entity, "id") == null) {
      ReflectionTestUtils.setField(entity, "id", ids.incrementAndGet());
    }
    return entity;
  }

  final DocumentRequestRepository requestRepository =
      new DocumentRequestRepository() {
        @Override
        public Optional<DocumentRequest> findFirstByApplicationIdAndKindOrderByIdDesc(
            long applicationId, DocumentKind kind) {
          return requests.stream()
              .filter(r -> Long.valueOf(applicationId).equals(r.getApplicationId()) && r.getKind() == kind)
              .max(Comparator.comparing(DocumentRequest::getId));
        }

        @Override
        public Optional<DocumentRequest> findFirstByAcmeOrderIdAndKindOrderByIdDesc(long acmeOrderId, DocumentKind kind) {
          return requests.stream()
              .filter(r -> Long.valueOf(acmeOrderId).equals(r.getAcmeOrderId()) && r.getKind() == kind)
              .max(Comparator.comparing(DocumentRequest::getId));
        }

        @Override
        public List<DocumentRequest> findByAcmeOrderIdOrderByIdAsc(long acmeOrderId) {
          return requests.stream()
              .filter(r -> Long.valueOf(acmeOrderId).equals(r.getAcmeOrderId()))
              .sorted(Comparator.comparing(DocumentRequest::getId))
              .toList();
        }

        @Override
        public List<DocumentRequest> findByApplicationIdOrderByIdAsc(long applicationId) {
          return requests.stream()
              .filter(r -> Long.valueOf(applicationId).equals(r.getApplicationId()))
              .sorted(Comparator.comparing(DocumentRequest::getId))
              .toList();
        }

        @Override
        public Optional<DocumentRequest> findByToken(String token) {
          return requests.stream().filter(r -> r.getToken().equals(token)).findFirst();
        }

        @Override
        public Optional<DocumentRequest> findById(long id) {
          return requests.stream().filter(r -> r.getId() == id).findFirst();
        }

        @Override
        public DocumentRequest save(DocumentRequest request) {
          if (!requests.contains(request)) {
            requests.add(withId(request));
          }
          return request;
        }
      };

  final UploadedDocumentRepository documentRepository =
      new UploadedDocumentRepository() {
        @Override
        public UploadedDocument save(UploadedDocument document) {
          if (!documents.contains(document)) {
            documents.add(withId(document));
          }
          return document;
        }

        @Override
        public Optional<UploadedDocument> findById(long id) {
          return documents.stream().filter(d -> d.getId() == id).findFirst();
        }

        @Override
        public long countByRequestId(long requestId) {
          return documents.stream().filter(d -> d.getRequestId() == requestId).count();
        }

        @Override
        public List<UploadedDocumentSummary> summariesOf(Collection<Long> requestIds) {
          return everySummaryOf(requestIds).stream().filter(d -> d.attachedBy() == null).toList();
        }

        @Override
        public List<UploadedDocumentSummary> everySummaryOf(Collection<Long> requestIds) {
          return documents.stream()
              .filter(d -> requestIds.contains(d.getRequestId()))
              .map(
                  d ->
                      new UploadedDocumentSummary(
                          d.getId(), d.getRequestId(), d.getOriginalFilename(), d.getContentType(),
                          d.getSizeBytes(), d.getSha256(), d.getUploadedAt(), d.getArrivedBy(),
                          d.getAttachedBy()))
              .toList();
        }
      };

  final ProcessSignals signals =
      new ProcessSignals() {
        @Override
        public void startApplicationProcess(long applicationId, Map<String, Object> variables) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void deliver(String messageName, long applicationId, Map<String, Object> variables) {
          if (noProcessWaiting) {
            throw new NoProcessWaitingException("nothing waits for " + messageName);
          }
          delivered.add(messageName + ":" + applicationId);
        }

        @Override
        public List<String> currentActivities(long applicationId) {
          return List.of();
        }
      };

  /** An ACME order's process, told of uploads as "message:acme-order-ID". */
  final AcmeOrderDocumentArrivals acmeOrders =
      (orderId, messageName) -> {
        if (noProcessWaiting) {
          throw new ProcessSignals.NoProcessWaitingException("nothing waits for " + messageName);
        }
        delivered.add(messageName + ":acme-order-" + orderId);
      };

  final PlatformTransactionManager transactions =
      new PlatformTransactionManager() {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
          transactionEvents.add("begin");
          return new SimpleTransactionStatus(true);
        }

        @Override
        public void commit(TransactionStatus status) {
          transactionEvents.add("commit");
        }

        @Override
        public void rollback(TransactionStatus status) {
          transactionEvents.add("rollback");
        }
      };
}
