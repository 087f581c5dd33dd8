package org.cabackoffice.documents;

import java.time.Instant;

/** An uploaded document without its content, for listings. */
public record UploadedDocumentSummary(
    long id,
    long requestId,
    String originalFilename,
    String contentType,
    long sizeBytes,
    String sha256,
    Instant uploadedAt) {}
