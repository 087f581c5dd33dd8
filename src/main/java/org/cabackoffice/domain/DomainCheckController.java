package org.cabackoffice.domain;

import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The officer's registration lookup, {@code GET /api/domain-checks/{domain}?organization=NAME}. */
@RestController
@RequestMapping("/api/domain-checks")
public class DomainCheckController {

  private final DomainCheck domainCheck;

  public DomainCheckController(DomainCheck domainCheck) {
    this.domainCheck = domainCheck;
  }

  /**
   * @param match whether NAME is the registrant after normalization ({@link NameMatch#MATCH})
   * @param nameMatch the finer result: CLOSE names deserve an officer's look
   * @param evidenceId the stored registry answer for auditors
   * @param queriedAt when the registry gave the answer shown
   * @param fromCache the answer is an earlier lookup's, younger than 48 hours (DESIGN.md)
   * @param reusedEvidenceId that earlier lookup, when {@code fromCache}
   */
  public record DomainCheckResponse(
      String domain,
      boolean registered,
      String source,
      String server,
      String registrantOrganization,
      List<String> contactEmails,
      boolean match,
      NameMatch nameMatch,
      long evidenceId,
      Instant queriedAt,
      boolean fromCache,
      Long reusedEvidenceId) {}

  @GetMapping("/{domain}")
  @PreAuthorize("hasAnyRole('OFFICER','SENIOR_OFFICER')")
  public DomainCheckResponse check(
      @PathVariable String domain, @RequestParam("organization") String organization) {
    if (organization.isBlank()) {
      throw new InvalidDomainCheckRequestException("organization must name the applicant");
    }
    DomainCheckResult result = domainCheck.check(domain, List.of(organization));
    return new DomainCheckResponse(
        result.domain(),
        result.registered(),
        result.source(),
        result.server(),
        result.registrantOrganization(),
        result.contactEmails(),
        result.match() == NameMatch.MATCH,
        result.match(),
        result.evidenceId(),
        result.queriedAt(),
        result.fromCache(),
        result.reusedEvidenceId());
  }

  @ExceptionHandler({InvalidDomainNameException.class, InvalidDomainCheckRequestException.class})
  ProblemDetail badRequest(IllegalArgumentException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid domain check request");
    return problem;
  }

  /** Throttled, unreachable or silent registry: try again later (503), with the reason. */
  @ExceptionHandler(RegistryUnavailableException.class)
  ProblemDetail registryUnavailable(RegistryUnavailableException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setTitle("Registry unavailable");
    problem.setProperty("reason", e.getMessage());
    return problem;
  }

  static class InvalidDomainCheckRequestException extends IllegalArgumentException {
    InvalidDomainCheckRequestException(String message) {
      super(message);
    }
  }
}
