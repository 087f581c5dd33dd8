package org.cabackoffice.revocation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.input.SingleLine;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.pages.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Certificate problem reports from anyone (BR 4.9.3, 4.9.5): JSON for tools, a page for people.
 * A key-compromise report may carry a proof of possession over a challenge the CA gives (see
 * {@link KeyCompromiseProofs}). Limited per client address ({@link ProblemReportThrottle}) and in
 * size; bad input answers 400 with the reason.
 */
@RestController
public class ProblemReportController {

  private final RevocationRequests requests;
  private final KeyCompromiseProofs proofs;
  private final ProblemReportThrottle throttle;
  private final Validator validator;
  private final Pages pages;

  public ProblemReportController(
      RevocationRequests requests,
      KeyCompromiseProofs proofs,
      ProblemReportThrottle throttle,
      Validator validator,
      Pages pages) {
    this.requests = requests;
    this.proofs = proofs;
    this.throttle = throttle;
    this.validator = validator;
    this.pages = pages;
  }

  record ChallengeForm(@NotBlank @SingleLine @Size(max = 64) String serial) {}

  record ReportReceipt(long id, String status, Instant investigationDeadline) {}

  record Challenge(String serial, String challenge, Instant expiresAt, String subject, String command) {}

  @PostMapping(value = "/public/problem-reports", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("permitAll()")
  public ResponseEntity<ReportReceipt> report(@Valid @RequestBody ProblemReportForm form, HttpServletRequest http) {
    RevocationRequest request = file(form, http);
    return ResponseEntity.accepted().body(new ReportReceipt(request.id(), request.status().name(), deadline(request)));
  }

  @PostMapping(value = "/public/problem-reports/challenges", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("permitAll()")
  public ResponseEntity<Challenge> challenge(@Valid @RequestBody ChallengeForm form, HttpServletRequest http) {
    return ResponseEntity.status(HttpStatus.CREATED).body(issue(form.serial(), http));
  }

  @GetMapping("/public/problem-reports")
  @PreAuthorize("permitAll()")
  public ResponseEntity<String> page(HttpServletRequest http) {
    return pages.privatePage(HttpStatus.OK, "revocation/problem-report", http, Map.of());
  }

  @PostMapping(value = "/public/problem-reports", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @PreAuthorize("permitAll()")
  public ResponseEntity<String> reportFromPage(@ModelAttribute ProblemReportForm form, HttpServletRequest http) {
    Map<String, Object> model = echo(form);
    List<String> problems = violations(validator.validate(form));
    if (problems.isEmpty()) {
      try {
        RevocationRequest request = file(form, http);
        return pages.privatePage(
            HttpStatus.ACCEPTED,
            "revocation/problem-report",
            http,
            Map.of("received", true, "requestId", request.id(), "deadline", BusinessCalendar.shown(deadline(request))));
      } catch (RevocationRefused refused) {
        problems = List.of(refused.getMessage());
      }
    }
    model.put("problems", problems);
    return pages.privatePage(HttpStatus.BAD_REQUEST, "revocation/problem-report", http, model);
  }

  @PostMapping(value = "/public/problem-reports/challenges", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @PreAuthorize("permitAll()")
  public ResponseEntity<String> challengeFromPage(@ModelAttribute ChallengeForm form, HttpServletRequest http) {
    List<String> problems = violations(validator.validate(form));
    if (problems.isEmpty()) {
      try {
        Challenge challenge = issue(form.serial(), http);
        return pages.privatePage(
            HttpStatus.CREATED,
            "revocation/problem-report",
            http,
            Map.of(
                "challenge", true,
                "serial", challenge.serial(),
                "expires", BusinessCalendar.shown(challenge.expiresAt()),
                "command", challenge.command()));
      } catch (RevocationRefused refused) {
        problems = List.of(refused.getMessage());
      }
    }
    Map<String, Object> model = new HashMap<>();
    model.put("serial", form.serial() == null ? "" : form.serial());
    model.put("problems", problems);
    return pages.privatePage(HttpStatus.BAD_REQUEST, "revocation/problem-report", http, model);
  }

  private RevocationRequest file(ProblemReportForm form, HttpServletRequest http) {
    throttle.admit(http.getRemoteAddr());
    IssuedCertificate certificate =
        requests.certificate(form.serial()).orElseThrow(() -> RevocationRefused.noCertificate(form.serial()));
    String proof = form.proofCsr() == null || form.proofCsr().isBlank() ? null : form.proofCsr().strip();
    String spki = proof == null ? null : proofs.verify(certificate, proof);
    return requests.report(certificate, form.contact().strip(), form.description().strip(), proof, spki);
  }

  private Challenge issue(String serial, HttpServletRequest http) {
    throttle.admit(http.getRemoteAddr());
    IssuedCertificate certificate = requests.certificate(serial).orElseThrow(() -> RevocationRefused.noCertificate(serial));
    KeyCompromiseChallenge challenge = proofs.issue(certificate);
    String subject = "/CN=" + challenge.challenge();
    return new Challenge(
        certificate.serial(),
        challenge.challenge(),
        challenge.expiresAt(),
        subject,
        "openssl req -new -key compromised-key.pem -subj \"" + subject + "\" -out proof.csr");
  }

  private static Instant deadline(RevocationRequest request) {
    return request.requestedAt().plus(RevocationRequests.INVESTIGATION_TIME);
  }

  private static Map<String, Object> echo(ProblemReportForm form) {
    Map<String, Object> model = new HashMap<>();
    model.put("serial", form.serial() == null ? "" : form.serial());
    model.put("contact", form.contact() == null ? "" : form.contact());
    model.put("description", form.description() == null ? "" : form.description());
    model.put("proofCsr", form.proofCsr() == null ? "" : form.proofCsr());
    return model;
  }

  private static <T> List<String> violations(java.util.Set<ConstraintViolation<T>> violations) {
    return violations.stream()
        .map(v -> v.getPropertyPath() + ": " + v.getMessage())
        .sorted()
        .toList();
  }

  @ExceptionHandler(RevocationRefused.class)
  ResponseEntity<ProblemDetail> refused(RevocationRefused e) {
    return RevocationController.problem(e);
  }
}
