package org.cabackoffice.domain;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Whether the domain stage may stand as domain control validation. BR 3.2.2.4.2 (mail to WHOIS
 * contacts) is retired since 2025-07-15 (ballot SC-080), so for a publicly trusted CA the guide's
 * registrant match or consent is evidence about the registrant only. A private or enterprise CA
 * may accept it as control, but only when an operator says so in configuration.
 */
@Service
public class DomainControl {

  private final boolean registrantEvidenceCountsAsControl;

  public DomainControl(
      @Value("${backoffice.domain.registrant-evidence-counts-as-control:false}")
          boolean registrantEvidenceCountsAsControl) {
    this.registrantEvidenceCountsAsControl = registrantEvidenceCountsAsControl;
  }

  /**
   * @throws DomainControlNotValidatedException when no accepted method validated control; the job
   *     stops as an incident that names the reason
   */
  public void confirm(long applicationId, String domain) {
    if (!registrantEvidenceCountsAsControl) {
      throw new DomainControlNotValidatedException(
          "application "
              + applicationId
              + ": control of "
              + domain
              + " is not validated. This CA is configured as publicly trusted"
              + " (backoffice.domain.registrant-evidence-counts-as-control=false), where the"
              + " WHOIS registrant or consent is no proof of control (BR 3.2.2.4, ballot SC-080),"
              + " and no BR 3.2.2.4 method (DNS change, file, constructed e-mail) is available yet");
    }
  }

  public static class DomainControlNotValidatedException extends RuntimeException {
    public DomainControlNotValidatedException(String message) {
      super(message);
    }
  }
}
