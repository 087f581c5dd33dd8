package org.cabackoffice.domain.corroboration;

import java.util.List;
import org.cabackoffice.domain.CaaRequester;

/**
 * What the primary and a remote network perspective say to each other, as JSON over mutually
 * authenticated TLS (BR 3.2.2.9). The perspective reports what it observed; the primary decides
 * whether that corroborates, so the rules live in one place. For CAA the perspective evaluates the
 * record sets itself: BR 3.2.2.8 has the remote response "interpreted as permission to issue",
 * not compared byte for byte.
 */
public final class PerspectiveProtocol {

  private PerspectiveProtocol() {}

  public static final String DNS_CHANGE_PATH = "mpic/v1/dns-change";
  public static final String CAA_PATH = "mpic/v1/caa";
  public static final String WEBSITE_FILE_PATH = "mpic/v1/website-file";
  public static final String ACME_HTTP_01_PATH = "mpic/v1/acme-http-01";

  /** Look up the TXT records at {@code recordName} (BR 3.2.2.4.7's record, CNAMEs followed). */
  public record DnsChangeQuestion(String recordName) {}

  /**
   * @param status ANSWERED, NO_SUCH_NAME or FAILED ({@code DnsAnswer.Status})
   * @param failure why the lookup failed, else null
   * @param txtValues the TXT values found
   * @param dnssec SECURE, INSECURE, BOGUS, NOT_VALIDATED, or null without an answer
   */
  public record DnsChangeObservation(
      String perspectiveId,
      String region,
      String resolver,
      String status,
      String failure,
      List<String> txtValues,
      String dnssec) {}

  /** Fetch {@code /.well-known/pki-validation/<fileName>} on the FQDN (BR 3.2.2.4.18's rules). */
  public record WebsiteFileQuestion(String fqdn, String fileName) {}

  /**
   * @param ok whether the fetch ended in a 2xx answer
   * @param status the last HTTP status, 0 without one
   * @param body the last answer's body (at most 64 KiB)
   * @param failure why it did not end in a 2xx, else null
   */
  public record WebsiteFileObservation(
      String perspectiveId, String region, String resolver, boolean ok, int status, String url, String body,
      String failure) {}

  /**
   * Fetch {@code /.well-known/acme-challenge/<token>} on the FQDN (RFC 8555 8.3, BR 3.2.2.4.19's
   * rules); the answer is a {@link WebsiteFileObservation}. Only the token travels: the key
   * authorization stays with the primary, which judges the body.
   */
  public record AcmeHttp01Question(String fqdn, String token) {}

  /**
   * Climb the CAA tree (RFC 8659 3) for each name and evaluate it for these issuer domains and, by
   * RFC 8657's parameters, for each name's requester: a perspective that ignored {@code accounturi}
   * or {@code validationmethods} would take a set that refuses this request for permission.
   *
   * @param requesters one per name, in the same order; null (a primary that sends none) evaluates
   *     each name for a request through no account by no method
   */
  public record CaaQuestion(List<String> dnsNames, List<String> issuerDomains, List<CaaRequester> requesters) {

    public CaaQuestion(List<String> dnsNames, List<String> issuerDomains) {
      this(dnsNames, issuerDomains, null);
    }
  }

  public record CaaObservation(
      String perspectiveId, String region, String resolver, boolean permitted, List<CaaName> names) {}

  public record CaaName(String dnsName, boolean permitted, boolean lookupFailed, String reason) {}
}
