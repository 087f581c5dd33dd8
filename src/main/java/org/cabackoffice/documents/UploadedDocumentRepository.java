package org.cabackoffice.documents;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface UploadedDocumentRepository extends Repository<UploadedDocument, Long> {

  UploadedDocument save(UploadedDocument document);

  Optional<UploadedDocument> findById(long id);

  long countByRequestId(long requestId);

  /**
   * What the technical contact uploaded through the link. The timeline tells these as the
   * customer's; what officers attached is told by {@link AttachedDocumentsTimeline}.
   */
  @Query(
      "select new org.cabackoffice.documents.UploadedDocumentSummary("
          + "d.id, d.requestId, d.originalFilename, d.contentType, d.sizeBytes, d.sha256, d.uploadedAt,"
          + " d.arrivedBy, d.attachedBy)"
          + " from UploadedDocument d where d.requestId in :requestIds and d.attachedBy is null"
          + " order by d.id")
  List<UploadedDocumentSummary> summariesOf(@Param("requestIds") Collection<Long> requestIds);

  /** Every document of the requests, uploaded or attached, as the reviewing officer sees them. */
  @Query(
      "select new org.cabackoffice.documents.UploadedDocumentSummary("
          + "d.id, d.requestId, d.originalFilename, d.contentType, d.sizeBytes, d.sha256, d.uploadedAt,"
          + " d.arrivedBy, d.attachedBy)"
          + " from UploadedDocument d where d.requestId in :requestIds order by d.id")
  List<UploadedDocumentSummary> everySummaryOf(@Param("requestIds") Collection<Long> requestIds);
}
