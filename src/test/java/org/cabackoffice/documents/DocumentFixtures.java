package org.cabackoffice.documents;

import java.time.Instant;

/** Entities of this package for tests elsewhere, which cannot reach the package's constructors. */
public final class DocumentFixtures {

  private DocumentFixtures() {}

  public static DocumentRequest request(
      long applicationId, DocumentKind kind, String note, Instant requestedAt, Instant expiresAt) {
    return new DocumentRequest(
        applicationId, kind, note, UploadTokens.next(), "tech@example.jp", requestedAt, expiresAt);
  }

  public static UploadedDocument upload(long requestId, byte[] content, Instant uploadedAt) {
    return new UploadedDocument(
        requestId, "登記事項証明書.pdf", "application/pdf", content, "0".repeat(64), uploadedAt);
  }
}
