package org.cabackoffice.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.timeline.TimelineContributor;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.cabackoffice.timeline.TimelineOrder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The documents stage (guide [3-1], [4]): each request, what was uploaded for it (name, size and
 * hash, never the file) and the officer's review.
 */
@Component
@Order(TimelineOrder.DOCUMENTS)
class DocumentsTimeline implements TimelineContributor {

  private final DocumentRequestRepository documentRequests;
  private final UploadedDocumentRepository uploads;

  DocumentsTimeline(DocumentRequestRepository documentRequests, UploadedDocumentRepository uploads) {
    this.documentRequests = documentRequests;
    this.uploads = uploads;
  }

  @Override
  public List<TimelineEntry> entriesOf(long applicationId) {
    List<DocumentRequest> requests = documentRequests.findByApplicationIdOrderByIdAsc(applicationId);
    List<Long> requestIds = requests.stream().map(DocumentRequest::getId).toList();
    List<UploadedDocumentSummary> uploaded =
        requestIds.isEmpty() ? List.of() : uploads.summariesOf(requestIds);
    List<TimelineEntry> entries = new ArrayList<>();
    for (DocumentRequest r : requests) {
      entries.addAll(documents(r, uploaded));
    }
    return entries;
  }

  private static List<TimelineEntry> documents(DocumentRequest r, List<UploadedDocumentSummary> uploaded) {
    String what = r.getKind().englishName();
    List<TimelineEntry> entries = new ArrayList<>();
    entries.add(
        new TimelineEntry(
            r.getRequestedAt(),
            TimelineKind.DOCUMENTS_REQUESTED,
            TimelineEntry.SYSTEM,
            capitalized(what)
                + " requested from the technical contact"
                + TimelineEntry.note(r.getNote())
                + "; link valid until "
                + BusinessCalendar.shown(r.getExpiresAt()),
            "document_request:" + r.getId()));
    for (UploadedDocumentSummary d : uploaded) {
      if (d.requestId() != r.getId()) {
        continue;
      }
      // Only the technical contact holds the mailed upload link.
      entries.add(
          new TimelineEntry(
              d.uploadedAt(),
              TimelineKind.DOCUMENT_UPLOADED,
              TimelineEntry.CUSTOMER,
              "Uploaded '"
                  + d.originalFilename()
                  + "' for "
                  + what
                  + " ("
                  + d.sizeBytes()
                  + " bytes, SHA-256 "
                  + d.sha256()
                  + ")",
              "uploaded_document:" + d.id()));
    }
    if (r.getReviewedAt() != null) {
      entries.add(
          new TimelineEntry(
              r.getReviewedAt(),
              TimelineKind.DOCUMENTS_REVIEWED,
              r.getReviewer(),
              capitalized(what)
                  + " "
                  + r.getStatus().name().toLowerCase(Locale.ROOT)
                  + TimelineEntry.note(r.getReviewNote()),
              "document_request:" + r.getId()));
    }
    return entries;
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
