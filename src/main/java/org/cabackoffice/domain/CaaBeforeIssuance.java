package org.cabackoffice.domain;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * BR 3.2.2.8: right before issuance, the CAA records of every name must permit this CA. A private
 * CA is not bound by the Baseline Requirements and may switch the check off
 * ({@code backoffice.caa.enabled=false}); the embedded development setup does, since it often runs
 * without a resolver that reaches the internet.
 */
@Service
public class CaaBeforeIssuance {

  /** The outcome for the process: permitted, or refused with the reasons per name. */
  public record Outcome(boolean permitted, String detail) {}

  private final boolean enabled;
  private final DomainAssessment assessment;
  private final CaaCheck caa;

  public CaaBeforeIssuance(
      @Value("${backoffice.caa.enabled:true}") boolean enabled,
      DomainAssessment assessment,
      CaaCheck caa) {
    this.enabled = enabled;
    this.assessment = assessment;
    this.caa = caa;
  }

  @Transactional
  public Outcome check(long applicationId) {
    if (!enabled) {
      String reason = "CAA checking is off (private CA configuration, backoffice.caa.enabled=false)";
      caa.recordNotLookedUp(applicationId, assessment.certificateNames(applicationId), reason);
      return new Outcome(true, reason);
    }
    CaaVerdict verdict = caa.check(applicationId, assessment.certificateNames(applicationId));
    // A resolver that fails now may answer in a minute: that is a retry and, failing that, an
    // incident for operations, never the end of a paid and approved application.
    if (verdict.refusedOnlyByLookupFailures()) {
      throw new CaaLookupFailedException(
          "application " + applicationId + ": CAA could not be looked up, nothing signed: "
              + String.join("; ", verdict.refusals()));
    }
    return new Outcome(verdict.permitted(), String.join("; ", verdict.refusals()));
  }

  public static class CaaLookupFailedException extends RuntimeException {
    public CaaLookupFailedException(String message) {
      super(message);
    }
  }
}
