package org.cabackoffice.domain.corroboration;

import java.util.List;
import org.cabackoffice.domain.CaaRequester;

/**
 * Corroboration of the primary's determinations from remote network perspectives before issuance
 * (BR 3.2.2.9). Called only after the primary's own lookup decided in favour of issuance: a
 * refusal by the primary needs no corroboration to stand.
 */
public interface MultiPerspectiveCorroboration {

  /**
   * The perspectives look up {@code recordName} TXT; one corroborates when it finds {@code
   * expectedValue} there, "the same challenge information (i.e. Random Value)" (BR 3.2.2.4.7).
   *
   * @param applicationId the application validated, or null for an ACME authorization (RFC 8555
   *     dns-01), which belongs to no application
   */
  Outcome dnsChange(Long applicationId, String recordName, String expectedValue);

  /**
   * The perspectives look up {@code recordName} TXT; one corroborates when it observes "a
   * Persistent DCV TXT Record that demonstrates the Applicant's control over the domain and
   * contains the same {@code accounturi} parameter as the Primary Network Perspective" (BR
   * 3.2.2.4.22).
   */
  Outcome persistentDcvRecord(long applicationId, String recordName, String accountUri, List<String> issuerDomains);

  /**
   * The perspectives fetch {@code /.well-known/pki-validation/<fileName>} on {@code fqdn} by BR
   * 3.2.2.4.18's rules; one corroborates when the file it gets carries {@code expectedValue}, "the
   * same challenge information (i.e. Random Value)".
   */
  Outcome websiteFile(long applicationId, String fqdn, String fileName, String expectedValue);

  /**
   * The perspectives fetch {@code /.well-known/acme-challenge/<token>} on {@code fqdn} (RFC 8555
   * 8.3, by BR 3.2.2.4.19's rules); one corroborates when the body, less trailing white space, is
   * {@code keyAuthorization}, the same challenge information the primary found. For an ACME
   * authorization, which belongs to no application.
   */
  Outcome acmeHttp01(String fqdn, String token, String keyAuthorization);

  /**
   * The perspectives climb the CAA tree for the names; one corroborates when its response is
   * permission to issue (BR 3.2.2.8) for the name's requester, RFC 8657's parameters included.
   * Earlier quorum evidence of the same applicant stands in when it judged the same names (or
   * their parents) for the same account and validation method (BR 3.2.2.9: at most 398 days).
   *
   * @param applicationId the application to be signed
   * @param requesters one per name, in the same order
   */
  Outcome caa(long applicationId, List<String> dnsNames, List<String> issuerDomains, List<CaaRequester> requesters);

  /**
   * As {@link #caa}, for an ACME order right before it is signed; the corroboration is kept as the
   * order's, so its record shows it. The perspectives are always asked: no earlier evidence is
   * reused for an order.
   *
   * @param requesters one per name, in the same order
   */
  Outcome acmeOrderCaa(
      long acmeOrderId, List<String> dnsNames, List<String> issuerDomains, List<CaaRequester> requesters);

  /**
   * @param permitsIssuance whether issuance may go on
   * @param summary one line for the process and the evidence: quorum and who did not corroborate
   * @param corroborationId the stored {@link Corroboration}, null when nothing was stored
   */
  record Outcome(boolean permitsIssuance, String summary, Long corroborationId) {}
}
