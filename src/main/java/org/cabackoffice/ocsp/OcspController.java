package org.cabackoffice.ocsp;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.cabackoffice.digest.Sha256;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OCSP responder at the AIA URL, over plain HTTP (RFC 6960 appendix A, RFC 5019 5): GET with
 * the base64 request in the path (cacheable) and POST with {@code application/ocsp-request}.
 * Every answer is HTTP 200 with an OCSPResponse, a malformed request included (its status says so).
 */
@RestController
class OcspController {

  static final MediaType OCSP_REQUEST = MediaType.parseMediaType("application/ocsp-request");
  static final MediaType OCSP_RESPONSE = MediaType.parseMediaType("application/ocsp-response");
  /** RFC 5019 keeps requests small (one CertID); anything larger is no OCSP request of ours. */
  static final int MAX_REQUEST_BYTES = 16 * 1024;

  private final OcspResponder responder;
  private final OcspProperties properties;
  private final Clock clock;

  OcspController(OcspResponder responder, OcspProperties properties, Clock clock) {
    this.responder = responder;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping("/ocsp/**")
  @PreAuthorize("permitAll()")
  public ResponseEntity<byte[]> get(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String encoded = path.substring(path.indexOf("/ocsp/") + "/ocsp/".length());
    byte[] der;
    try {
      // RFC 6960 A.1: url-encoding of the base64 encoding of the DER request; '+' means plus.
      String base64 = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.US_ASCII);
      der = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return answered(OcspResponder.Answer.unsigned(OCSPRespBuilder.MALFORMED_REQUEST));
    }
    return answered(der.length > MAX_REQUEST_BYTES
        ? OcspResponder.Answer.unsigned(OCSPRespBuilder.MALFORMED_REQUEST)
        : responder.answer(der));
  }

  @PostMapping("/ocsp")
  @PreAuthorize("permitAll()")
  public ResponseEntity<byte[]> post(HttpServletRequest request) throws IOException {
    if (request.getContentType() == null
        || !OCSP_REQUEST.isCompatibleWith(MediaType.parseMediaType(request.getContentType()))) {
      return answered(OcspResponder.Answer.unsigned(OCSPRespBuilder.MALFORMED_REQUEST));
    }
    byte[] der;
    try (InputStream in = request.getInputStream()) {
      der = in.readNBytes(MAX_REQUEST_BYTES + 1);
    }
    return answered(der.length > MAX_REQUEST_BYTES
        ? OcspResponder.Answer.unsigned(OCSPRespBuilder.MALFORMED_REQUEST)
        : responder.answer(der));
  }

  /** RFC 5019 6.2: max-age within the validity, Last-Modified thisUpdate, Expires nextUpdate. */
  private ResponseEntity<byte[]> answered(OcspResponder.Answer answer) {
    ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(OCSP_RESPONSE);
    if (answer.thisUpdate().isPresent() && answer.nextUpdate().isPresent()) {
      Duration remaining = Duration.between(clock.instant(), answer.nextUpdate().get());
      Duration maxAge = remaining.compareTo(properties.maxAge()) < 0 ? remaining : properties.maxAge();
      response
          .cacheControl(CacheControl.maxAge(maxAge).cachePublic().mustRevalidate())
          .lastModified(answer.thisUpdate().get())
          .header(
              "Expires",
              DateTimeFormatter.RFC_1123_DATE_TIME.format(answer.nextUpdate().get().atZone(ZoneOffset.UTC)))
          .eTag("\"" + Sha256.hex(answer.der()) + "\"");
    } else {
      // An error status is no answer to keep.
      response.cacheControl(CacheControl.noStore());
    }
    return response.body(answer.der());
  }
}
