package org.cabackoffice.domain;

import org.cabackoffice.domain.corroboration.MultiPerspectiveCorroboration;
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
  private final CaaProperties caaProperties;
  private final MultiPerspectiveCorroboration corroboration;
  private final DomainControl domainControl;

  public CaaBeforeIssuance(
      @Value("${backoffice.caa.enabled:true}") boolean enabled,
      DomainAssessment assessment,
      CaaCheck caa,
      CaaProperties caaProperties,
      MultiPerspectiveCorroboration corroboration,
      DomainControl domainControl) {
    this.domainControl = domainControl;
    this.enabled = enabled;
    this.assessment = assessment;
    this.caa = caa;
    this.caaProperties = caaProperties;
    this.corroboration = corroboration;
  }

  @Transactional
  public Outcome check(long applicationId) {
    if (!enabled) {
      String reason = "CAA checking is off (private CA configuration, backoffice.caa.enabled=false)";
      caa.recordNotLookedUp(applicationId, assessment.certificateNames(applicationId), reason);
      return new Outcome(true, reason);
    }
    java.util.List<String> names = assessment.certificateNames(applicationId);
    // RFC 8657's accounturi and validationmethods restrict issuance to the account and methods a
    // domain names (BR 4.2.2.1.2): each name is checked for the applicant's storefront account and
    // the method that validated it, so a property naming another account, or methods other than
    // the one used, refuses the application with that reason.
    java.util.Map<String, CaaRequester> requesters = new java.util.LinkedHashMap<>();
    names.forEach(name -> requesters.put(name, domainControl.caaRequester(applicationId, name)));
    CaaVerdict verdict = caa.check(applicationId, names, requesters::get);
    // A resolver that fails now may answer in a minute: that is a retry and, failing that, an
    // incident for operations, never the end of a paid and approved application.
    if (verdict.refusedOnlyByLookupFailures()) {
      throw new CaaLookupFailedException(
          "application " + applicationId + ": CAA could not be looked up, nothing signed: "
              + String.join("; ", verdict.refusals()));
    }
    if (!verdict.permitted()) {
      return new Outcome(false, String.join("; ", verdict.refusals()));
    }
    // BR 3.2.2.9: the primary's permission stands only when remote perspectives corroborate it.
    // A failed quorum may be a perspective that is down or a route that is hijacked: the job is
    // retried (each attempt asks afresh) and then becomes an incident, nothing is signed.
    MultiPerspectiveCorroboration.Outcome corroborated =
        corroboration.caa(
            applicationId, names, caaProperties.issuerDomains(), names.stream().map(requesters::get).toList());
    if (!corroborated.permitsIssuance()) {
      throw new CaaNotCorroboratedException(
          "application " + applicationId + ": CAA permits issuance here, but " + corroborated.summary());
    }
    return new Outcome(true, corroborated.summary());
  }

  /** The remote perspectives did not corroborate the primary's CAA permission (BR 3.2.2.9). */
  public static class CaaNotCorroboratedException extends RuntimeException {
    public CaaNotCorroboratedException(String message) {
      super(message);
    }
  }

  public static class CaaLookupFailedException extends RuntimeException {
    public CaaLookupFailedException(String message) {
      super(message);
    }
  }
}
