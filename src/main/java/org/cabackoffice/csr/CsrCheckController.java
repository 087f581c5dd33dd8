package org.cabackoffice.csr;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.cabackoffice.security.CurrentUser;
import org.cabackoffice.security.CustomerAccounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/csr/check}: lets a customer, or an officer on the phone with one, check a CSR
 * before applying (DESIGN.md, "Contracts others test against").
 */
@RestController
@RequestMapping("/api/csr")
public class CsrCheckController {

  static final String PKCS10 = "application/pkcs10"; // RFC 5967
  static final String PEM_FILE = "application/x-pem-file";

  private final CsrCheck csrCheck;
  private final CurrentUser currentUser;
  private final CustomerAccounts customers;

  public CsrCheckController(
      CsrCheck csrCheck, CurrentUser currentUser, CustomerAccounts customers) {
    this.currentUser = currentUser;
    this.customers = customers;
    this.csrCheck = csrCheck;
  }

  /** The JSON answer; {@code message} is in the language the client asked for. */
  public record Response(
      boolean acceptable,
      List<FindingView> findings,
      CsrSubject subject,
      CsrPublicKey publicKey,
      List<String> sans) {}

  public record FindingView(
      String code, Severity severity, String message, Map<String, String> messages) {}

  @PostMapping(
      path = "/check",
      consumes = {
        PKCS10, MediaType.TEXT_PLAIN_VALUE, PEM_FILE, MediaType.APPLICATION_OCTET_STREAM_VALUE
      },
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('CUSTOMER','OFFICER','SENIOR_OFFICER')")
  public Response check(
      @RequestBody(required = false) byte[] body,
      @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    // A customer learns here, before applying, what intake will say: its key may not be one
    // that another customer's certificate already uses.
    CsrCheckContext context =
        currentUser.isCustomer()
            ? customers
                .byEmail(currentUser.name())
                .map(account -> CsrCheckContext.forCustomer(null, account.getId()))
                .orElse(CsrCheckContext.standalone())
            : CsrCheckContext.standalone();
    CsrCheckResult result = csrCheck.check(body, context);
    boolean japanese = prefersJapanese(acceptLanguage);
    List<FindingView> findings =
        result.findings().stream()
            .map(
                f ->
                    new FindingView(
                        f.code(),
                        f.severity(),
                        japanese ? f.messageJa() : f.message(),
                        Map.of("en", f.message(), "ja", f.messageJa())))
            .toList();
    return new Response(
        result.acceptable(), findings, result.subject(), result.publicKey(), result.sans());
  }

  /** A body that is not a CSR is the client's mistake: 400 with the reason, never a 500. */
  @ExceptionHandler(NotACsrException.class)
  public ProblemDetail notACsr(NotACsrException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Not a certificate signing request");
    problem.setProperty("code", "csr.not-a-csr");
    return problem;
  }

  /** Japanese when the Accept-Language ranges (RFC 9110 12.5.4) rank it above English. */
  static boolean prefersJapanese(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return false;
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
      return "ja".equals(Locale.lookupTag(ranges, List.of("en", "ja")));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
