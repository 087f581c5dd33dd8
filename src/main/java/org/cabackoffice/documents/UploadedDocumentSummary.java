package org.cabackoffice.documents;

import java.time.Instant;

/**
 * An uploaded document without its content, for listings.
 *
 * @param arrivedBy how it reached the CA (guide [3-1])
 * @param attachedBy the officer who attached it; null when the technical contact uploaded it
 */
public record UploadedDocumentSummary(
    long id,
    long requestId,
    String originalFilename,
    String contentType,
    long sizeBytes,
    String sha256,
    Instant uploadedAt,
    DocumentArrival arrivedBy,
    String attachedBy) {}
