package org.cabackoffice.acme;

import java.util.Map;
import org.cabackoffice.access.Roles;
import org.cabackoffice.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Officers hand a validated organization's customer the credentials to register an ACME account. */
@RestController
public class EabController {

  /** The request: the storefront account's e-mail (its user ID). */
  public record EabRequest(String customer) {}

  /** What the customer passes to its ACME client (certbot --eab-kid --eab-hmac-key). */
  public record EabResponse(String kid, String hmacKey, String organization) {}

  private final EabCredentials credentials;
  private final CurrentUser currentUser;

  public EabController(EabCredentials credentials, CurrentUser currentUser) {
    this.credentials = credentials;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/acme/eab")
  @PreAuthorize("hasAnyRole('" + Roles.OFFICER + "','" + Roles.SENIOR_OFFICER + "')")
  public ResponseEntity<EabResponse> issue(@RequestBody EabRequest request) {
    if (request == null || request.customer() == null || request.customer().isBlank()) {
      throw new IllegalArgumentException("name the customer by the e-mail of its storefront account");
    }
    EabCredentials.Issued issued = credentials.issue(request.customer(), currentUser.name());
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Cache-Control", "no-store")
        .body(new EabResponse(issued.kid(), issued.hmacKey(), issued.organization()));
  }

  @ExceptionHandler(EabCredentials.NotValidatedException.class)
  ResponseEntity<ProblemDetail> notValidated(EabCredentials.NotValidatedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    problem.setTitle("Organization not validated");
    problem.setProperty("code", "acme.organization-not-validated");
    return ResponseEntity.unprocessableEntity().body(problem);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("EAB credentials refused");
    problem.setProperty("code", "acme.eab-refused");
    return ResponseEntity.badRequest().body(problem);
  }
}
