package org.cabackoffice.documents;

import org.springframework.http.HttpStatus;

/**
 * The HTTP answer to each document refusal, for the upload page and the officers' API alike. The
 * refusal itself says only what the rule refused; the status is the web's business.
 */
final class DocumentRefusalStatus {

  private DocumentRefusalStatus() {}

  static HttpStatus of(DocumentRefused.Reason reason) {
    return switch (reason) {
      case UNKNOWN_TOKEN, UNKNOWN_DOCUMENT, UNKNOWN_REQUEST -> HttpStatus.NOT_FOUND;
      case LINK_EXPIRED, REQUEST_CLOSED -> HttpStatus.GONE;
      case NO_FILE, EMPTY_FILE, PDF_UNREADABLE, PDF_ENCRYPTED, PDF_WITHOUT_PAGES, INVALID_INPUT,
          ARRIVAL_MISSING ->
          HttpStatus.BAD_REQUEST;
      case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
      case NOT_PDF -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      case UPLOAD_CONFLICT, TOO_MANY_FILES, NO_OPEN_REQUEST, REQUEST_AMBIGUOUS -> HttpStatus.CONFLICT;
    };
  }
}
