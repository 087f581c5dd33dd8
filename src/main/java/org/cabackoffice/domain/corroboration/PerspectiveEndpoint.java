package org.cabackoffice.domain.corroboration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cabackoffice.domain.CaaClimb;
import org.cabackoffice.domain.CaaRequester;
import org.cabackoffice.domain.DnsAnswer;
import org.cabackoffice.domain.DnsLookup;
import org.cabackoffice.domain.WebsiteFileFetch;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.WebsiteFileObservation;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.WebsiteFileQuestion;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.CaaName;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.CaaObservation;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.CaaQuestion;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.DnsChangeObservation;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.DnsChangeQuestion;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.xbill.DNS.Type;

/**
 * A remote network perspective's answers (BR 3.2.2.9): it performs the lookups from where it
 * runs, through its own resolver and DNSSEC validation ({@link DnsLookup}, the primary's code), and
 * keeps nothing: no cache shared with other perspectives, no database. Only the {@code perspective}
 * profile's process serves it, behind TLS that requires a client certificate from the perspective
 * CA ({@code server.ssl.client-auth=need}): the channel is authenticated both ways.
 */
@RestController
@Profile(PerspectiveApplication.PROFILE)
public class PerspectiveEndpoint {

  /**
   * A host name as a URL's authority may carry it: LDH labels of at most 63 characters (RFC 1123
   * 2.1), a final dot allowed, not all digits (no IP literal: BR 3.2.2.4.18 fetches from a name
   * DNSSEC can vouch for). Without the check, "host:8080/any/path?" or "user@host" would make the
   * perspective fetch another port or another path than {@code /.well-known/pki-validation/}.
   */
  private static final Pattern HOST_NAME =
      Pattern.compile("(?=.*[A-Za-z-])([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.?");

  /** A DNS owner name: as a host name, with underscores (BR 3.2.2.4.7's "_validation-…" labels). */
  private static final Pattern OWNER_NAME =
      Pattern.compile("([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.)*[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.?");

  private static final int MAX_NAME = 253; // RFC 1035 2.3.4

  private final DnsLookup dns;
  private final PerspectiveProperties identity;
  private final WebsiteFileFetch website;

  public PerspectiveEndpoint(DnsLookup dns, PerspectiveProperties identity, WebsiteFileFetch website) {
    this.website = website;
    if (identity.id() == null || identity.id().isBlank() || identity.region() == null) {
      throw new IllegalStateException(
          "a perspective needs backoffice.perspective.id and backoffice.perspective.region (one of "
              + List.of(RirRegion.values()) + "): the primary records both (BR 5.4.1)");
    }
    this.dns = dns;
    this.identity = identity;
  }

  // Its owner is the primary, and TLS decides who that is: the process has no users or roles, and
  // the handshake admits only a client certificate from the perspective CA (client-auth=need).
  @PreAuthorize("permitAll()")
  @PostMapping(path = "/" + PerspectiveProtocol.DNS_CHANGE_PATH, consumes = "application/json", produces = "application/json")
  public DnsChangeObservation dnsChange(@RequestBody DnsChangeQuestion question) {
    if (!isName(question.recordName(), OWNER_NAME)) {
      throw new IllegalArgumentException("recordName must be a DNS name of at most 253 characters");
    }
    DnsAnswer answer = dns.query(question.recordName().strip(), Type.TXT);
    return new DnsChangeObservation(
        identity.id(),
        identity.region().name(),
        answer.resolver(),
        answer.status().name(),
        answer.failure(),
        answer.failed() ? List.of() : answer.txtValues(),
        answer.dnssec() == null ? null : answer.dnssec().name());
  }

  // Its owner is the primary, and TLS decides who that is: the process has no users or roles, and
  // the handshake admits only a client certificate from the perspective CA (client-auth=need).
  @PreAuthorize("permitAll()")
  @PostMapping(path = "/" + PerspectiveProtocol.CAA_PATH, consumes = "application/json", produces = "application/json")
  public CaaObservation caa(@RequestBody CaaQuestion question) {
    if (question.dnsNames() == null || question.dnsNames().isEmpty() || question.dnsNames().size() > 100
        || question.issuerDomains() == null || question.issuerDomains().isEmpty()
        || question.issuerDomains().size() > 100) {
      throw new IllegalArgumentException("dnsNames (1 to 100) and issuerDomains (1 to 100) are required");
    }
    // A wildcard name's CAA is looked up from its base name (BR 3.2.2.8); anything else is a name.
    if (!question.dnsNames().stream()
            .allMatch(n -> n != null && isName(n.startsWith("*.") ? n.substring(2) : n, HOST_NAME))
        || !question.issuerDomains().stream().allMatch(d -> isName(d, HOST_NAME))) {
      throw new IllegalArgumentException("dnsNames and issuerDomains must be DNS names of at most 253 characters");
    }
    List<CaaRequester> requesters = question.requesters();
    if (requesters != null
        && (requesters.size() != question.dnsNames().size()
            || !requesters.stream().allMatch(PerspectiveEndpoint::plausible))) {
      throw new IllegalArgumentException(
          "requesters, when given, are one per name, each with an account URI of at most 2048"
              + " characters and at most 10 method labels of at most 64 characters");
    }
    Map<String, CaaRequester> byName = new HashMap<>();
    for (int i = 0; requesters != null && i < requesters.size(); i++) {
      byName.put(question.dnsNames().get(i), requesters.get(i));
    }
    CaaClimb climb = CaaClimb.of(dns, question.dnsNames(), question.issuerDomains(), byName::get);
    return new CaaObservation(
        identity.id(),
        identity.region().name(),
        dns.resolverName(),
        climb.permitted(),
        climb.names().stream()
            .map(n -> new CaaName(n.dnsName(), n.permitted(), n.lookupFailed(), n.reason()))
            .toList());
  }

  // Its owner is the primary, and TLS decides who that is: the process has no users or roles, and
  // the handshake admits only a client certificate from the perspective CA (client-auth=need).
  @PreAuthorize("permitAll()")
  @PostMapping(path = "/" + PerspectiveProtocol.WEBSITE_FILE_PATH, consumes = "application/json", produces = "application/json")
  public WebsiteFileObservation websiteFile(@RequestBody WebsiteFileQuestion question) {
    if (!isName(question.fqdn(), HOST_NAME)
        || question.fileName() == null || !question.fileName().matches("[A-Za-z0-9._-]{1,128}")
        // "." and ".." would name the directory or its parent, not a file in it (BR 3.2.2.4.18).
        || question.fileName().matches("\\.{1,2}")) {
      throw new IllegalArgumentException("fqdn (a DNS name) and fileName (a plain file name) are required");
    }
    WebsiteFileFetch.Fetched fetched = website.fetch(question.fqdn().strip(), question.fileName());
    return new WebsiteFileObservation(
        identity.id(), identity.region().name(), dns.resolverName(), fetched.ok(), fetched.status(), fetched.url(),
        fetched.body(), fetched.failure());
  }

  // Its owner is the primary, and TLS decides who that is: the process has no users or roles, and
  // the handshake admits only a client certificate from the perspective CA (client-auth=need).
  @PreAuthorize("permitAll()")
  @PostMapping(path = "/" + PerspectiveProtocol.ACME_HTTP_01_PATH, consumes = "application/json", produces = "application/json")
  public WebsiteFileObservation acmeHttp01(@RequestBody PerspectiveProtocol.AcmeHttp01Question question) {
    // RFC 8555 8.1: a token is base64url, 128 bits of entropy or more; nothing else reaches the path.
    if (!isName(question.fqdn(), HOST_NAME)
        || question.token() == null || !question.token().matches("[A-Za-z0-9_-]{16,128}")) {
      throw new IllegalArgumentException("fqdn (a DNS name) and token (base64url, 16 to 128 characters) are required");
    }
    WebsiteFileFetch.Fetched fetched = website.fetchAcmeChallenge(question.fqdn().strip(), question.token());
    return new WebsiteFileObservation(
        identity.id(), identity.region().name(), dns.resolverName(), fetched.ok(), fetched.status(), fetched.url(),
        fetched.body(), fetched.failure());
  }

  private static boolean isName(String name, Pattern form) {
    return name != null && name.strip().length() <= MAX_NAME && form.matcher(name.strip()).matches();
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badQuestion(IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  private static boolean plausible(CaaRequester requester) {
    return requester != null
        && (requester.accountUri() == null || requester.accountUri().length() <= 2048)
        && (requester.method() == null || requester.method().length() <= 64)
        && requester.methodLabels().size() <= 10
        && requester.methodLabels().stream().allMatch(l -> l != null && l.length() <= 64);
  }
}
