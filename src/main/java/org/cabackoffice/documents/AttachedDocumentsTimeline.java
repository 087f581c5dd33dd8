package org.cabackoffice.documents;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cabackoffice.timeline.TimelineContributor;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents officers attached after receiving them by fax, e-mail or post (guide [3-1]): how
 * each arrived, who attached it and its SHA-256, so an auditor can match the file the review
 * relied on (BR 5.4.1). Uploads through the link are told as the technical contact's elsewhere.
 */
@Component
class AttachedDocumentsTimeline implements TimelineContributor {

  private final DocumentRequestRepository requests;
  private final UploadedDocumentRepository documents;

  AttachedDocumentsTimeline(DocumentRequestRepository requests, UploadedDocumentRepository documents) {
    this.requests = requests;
    this.documents = documents;
  }

  @Override
  @Transactional(readOnly = true)
  public List<TimelineEntry> entriesOf(long applicationId) {
    Map<Long, DocumentRequest> byId =
        requests.findByApplicationIdOrderByIdAsc(applicationId).stream()
            .collect(Collectors.toMap(DocumentRequest::getId, Function.identity()));
    if (byId.isEmpty()) {
      return List.of();
    }
    return documents.everySummaryOf(byId.keySet()).stream()
        .filter(d -> d.attachedBy() != null)
        .map(d -> entry(d, byId.get(d.requestId())))
        .filter(Objects::nonNull)
        .toList();
  }

  static TimelineEntry entry(UploadedDocumentSummary d, DocumentRequest request) {
    return new TimelineEntry(
        d.uploadedAt(),
        TimelineKind.DOCUMENT_ATTACHED,
        d.attachedBy(),
        "Received by "
            + d.arrivedBy()
            + " and attached '"
            + d.originalFilename()
            + "' for "
            + (request == null ? "document request " + d.requestId() : request.getKind().englishName())
            + " ("
            + d.sizeBytes()
            + " bytes, SHA-256 "
            + d.sha256()
            + ")",
        "uploaded_document:" + d.id());
  }
}
