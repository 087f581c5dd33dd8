package org.cabackoffice.documents;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

public interface DocumentRequestRepository extends Repository<DocumentRequest, Long> {

  /** The newest request of a kind; identity ids grow with time, so the highest id is newest. */
  Optional<DocumentRequest> findFirstByApplicationIdAndKindOrderByIdDesc(
      long applicationId, DocumentKind kind);

  Optional<DocumentRequest> findFirstByAcmeOrderIdAndKindOrderByIdDesc(long acmeOrderId, DocumentKind kind);

  List<DocumentRequest> findByAcmeOrderIdOrderByIdAsc(long acmeOrderId);

  List<DocumentRequest> findByApplicationIdOrderByIdAsc(long applicationId);

  Optional<DocumentRequest> findByToken(String token);

  Optional<DocumentRequest> findById(long id);

  DocumentRequest save(DocumentRequest request);
}
