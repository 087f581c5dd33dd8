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

  @Query(
      "select new org.cabackoffice.documents.UploadedDocumentSummary("
          + "d.id, d.requestId, d.originalFilename, d.contentType, d.sizeBytes, d.sha256, d.uploadedAt)"
          + " from UploadedDocument d where d.requestId in :requestIds order by d.id")
  List<UploadedDocumentSummary> summariesOf(@Param("requestIds") Collection<Long> requestIds);
}
