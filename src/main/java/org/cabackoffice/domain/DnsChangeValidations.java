package org.cabackoffice.domain;

import org.cabackoffice.domain.corroboration.MultiPerspectiveCorroboration;
import org.cabackoffice.input.Truncation;
import com.google.common.io.BaseEncoding;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xbill.DNS.Type;

/**
 * Domain control by a DNS TXT record, by one of two methods that share the looking: DNS change
 * (BR 3.2.2.4.7): the CA hands the applicant a random value; the applicant publishes it in a TXT
 * record at {@value #RECORD_LABEL}.&lt;ADN&gt;; the CA looks it up and compares it exactly. Or a
 * persistent DNS TXT record (BR 3.2.2.4.22): the applicant publishes, once, at {@code
 * _validation-persist.<ADN>} this CA's issuer domain and its account's URI ({@link
 * PersistentDcvRecord}); every application looks it up anew and may rely on what it found for at
 * most 10 days. Both methods allow pruning, so the Authorization Domain Name is the applied-for
 * name's Base Domain Name ({@link AuthorizationDomainName}), and a validation covers the names
 * below it for its reuse period ({@link DomainValidationMethod#reusePeriod}). The agreed-upon
 * change to website v2 (BR 3.2.2.4.18) shares the request, the looking and the records: a random
 * value in a file under {@code /.well-known/pki-validation/} of the FQDN itself ({@link
 * WebsiteFileFetch}), which covers that FQDN alone.
 *
 * <p>The random value carries 160 bits from {@link SecureRandom} (BR 1.6.1 "Random Value": at
 * least 112 bits), is unique to the application and domain, and is used at most 30 days and never
 * longer than the reuse period (BR 3.2.2.4.7). A failed DNS lookup is "not yet", never an
 * exception: the process looks again until the value expires.
 */
@Service
public class DnsChangeValidations {

  /**
   * The label the TXT record goes under. BR 3.2.2.4.7 accepts the Authorization Domain Name itself
   * or the ADN "prefixed with a Domain Label that begins with an underscore character". An
   * underscore label cannot be a host name (RFC 8552 underscored naming), so the record never
   * collides with the customer's own TXT records (SPF, site verifications) at the apex, nor with a
   * CNAME there. {@code _pki-validation} echoes the file method's {@code
   * /.well-known/pki-validation/} (BR 3.2.2.4.18) that customers know; {@code _acme-challenge}
   * belongs to ACME (RFC 8555 8.4), whose clients delete what they find there.
   */
  public static final String RECORD_LABEL = "_pki-validation";

  /** The method as recorded per validated name (BR 3.2.2.4): its section. */
  public static final String METHOD = DomainValidationMethod.DNS_CHANGE.section();

  /** 160 bits: above the BR's 112 and the 128 we promise. */
  static final int RANDOM_BYTES = 20;

  private static final BaseEncoding BASE32 = BaseEncoding.base32().lowerCase().omitPadding();

  private final DnsChallengeRepository challenges;
  private final DnsCheckEvidenceRepository evidence;
  private final DnsLookup dns;
  private final DnsProperties dnsProperties;
  private final ValidationProperties validation;
  private final Clock clock;
  private final MultiPerspectiveCorroboration corroboration;
  private final CaaProperties issuer;
  private final WebsiteFileFetch website;
  private final SecureRandom random = new SecureRandom();

  public DnsChangeValidations(
      DnsChallengeRepository challenges,
      DnsCheckEvidenceRepository evidence,
      DnsLookup dns,
      DnsProperties dnsProperties,
      ValidationProperties validation,
      Clock clock,
      MultiPerspectiveCorroboration corroboration,
      CaaProperties issuer,
      WebsiteFileFetch website) {
    this.corroboration = corroboration;
    this.website = website;
    this.issuer = issuer;
    this.challenges = challenges;
    this.evidence = evidence;
    this.dns = dns;
    this.dnsProperties = dnsProperties;
    this.validation = validation;
    this.clock = clock;
  }

  /** A DNS change challenge (BR 3.2.2.4.7) for {@code domain} and the names below it. */
  @Transactional
  public DnsChallenge issue(long applicationId, String domain) {
    return issue(applicationId, domain, DomainValidationMethod.DNS_CHANGE, null);
  }

  /**
   * The challenge for this application and the ADN of {@code fqdn} by {@code method}: the open one
   * of that method if there is one (a retried job hands out the same value), the validation that
   * still counts, or a new one; an open challenge of another method gives way (the customer chose
   * another method).
   *
   * @param fqdn the name applied for; the ADN is its Base Domain Name (both methods allow pruning);
   *     a wildcard {@code *.d} is validated through {@code d}
   * @param accountUri the applicant's account URI (BR 3.2.2.4.22 only, else null)
   * @throws InvalidDomainNameException not a domain name, a public suffix no applicant controls, or
   *     a method this class does not perform
   */
  @Transactional
  public DnsChallenge issue(
      long applicationId, String fqdn, DomainValidationMethod method, String accountUri) {
    AuthorizationDomainName adn = AuthorizationDomainName.derive(fqdn, method, true);
    String domainName = adn.adn();
    Instant now = clock.instant();
    List<DnsChallenge> existing =
        challenges.findByApplicationIdAndDomainNameOrderByIdAsc(applicationId, domainName);
    if (!existing.isEmpty()) {
      DnsChallenge last = existing.get(existing.size() - 1);
      if ((last.isOpen(now) && last.validationMethod() == method) || stillCounts(last, now)) {
        return last;
      }
    }
    // One open request per name: another method's, for this ADN or one above or below it, gives way.
    challenges.findByApplicationIdOrderByIdAsc(applicationId).stream()
        .filter(c -> c.getStatus() == DnsChallenge.Status.PENDING)
        .filter(c -> AuthorizationDomainName.covers(c.getDomainName(), DomainValidationMethod.DNS_CHANGE, domainName)
            || AuthorizationDomainName.covers(domainName, DomainValidationMethod.DNS_CHANGE, c.getDomainName()))
        .forEach(c -> {
          c.expire();
          challenges.save(c);
        });
    Duration validity = dnsProperties.challengeValidity();
    Duration reuse = DomainValidationReuse.period(now);
    if (reuse.compareTo(validity) < 0) {
      validity = reuse; // BR 3.2.2.4.7 (ii): never beyond the reuse period of validated data
    }
    if (method == DomainValidationMethod.PERSISTENT_DNS_TXT) {
      if (accountUri == null || accountUri.isBlank()) {
        throw new IllegalArgumentException("BR 3.2.2.4.22 needs the applicant's account URI");
      }
      // No random value: the record names the account, and the CA waits for it as long as it
      // would wait for a DNS change record.
      return challenges.save(
          new DnsChallenge(
              applicationId, adn, PersistentDcvRecord.recordName(domainName), accountUri, now, now.plus(validity)));
    }
    if (method == DomainValidationMethod.WEBSITE_CHANGE_V2) {
      // BR 3.2.2.4.18: the value must not appear in the request, so the file is named by a second,
      // unrelated random value; the value lives at most 30 days.
      return challenges.save(
          new DnsChallenge(
              applicationId, adn, WebsiteFileFetch.url(domainName, newRandomValue() + ".txt"), newRandomValue(),
              now, now.plus(validity)));
    }
    return challenges.save(
        new DnsChallenge(
            applicationId,
            adn,
            recordName(domainName),
            newRandomValue(),
            now,
            now.plus(validity)));
  }

  /** The TXT value the customer publishes for the challenge. */
  public String valueToPublish(DnsChallenge challenge) {
    return challenge.validationMethod() == DomainValidationMethod.PERSISTENT_DNS_TXT
        ? PersistentDcvRecord.valueToPublish(issuer.issuerDomains().get(0), challenge.getValue())
        : challenge.getValue();
  }

  /**
   * Looks for the TXT record of the latest challenge and records what was found, with the
   * resolver's answer, as evidence. The lookup runs in the caller's transaction, so it holds a
   * connection for at most {@code backoffice.dns.timeout}.
   *
   * @throws NoDnsChallengeException when no challenge was issued for this application and domain
   */
  @Transactional
  public DnsCheckOutcome check(long applicationId, String domain) {
    String domainName = authorizationDomain(domain);
    // The ADN is the domain, or a name below it when the method validates the FQDN only.
    List<DnsChallenge> existing =
        challenges.findByApplicationIdOrderByIdAsc(applicationId).stream()
            .filter(c -> AuthorizationDomainName.covers(domainName, DomainValidationMethod.DNS_CHANGE, c.getDomainName()))
            .toList();
    if (existing.isEmpty()) {
      throw new NoDnsChallengeException(applicationId, domainName);
    }
    DnsChallenge challenge = existing.get(existing.size() - 1);
    Instant now = clock.instant();
    if (challenge.getStatus() == DnsChallenge.Status.VALIDATED) {
      if (stillCounts(challenge, now)) {
        return record(
            challenge,
            now,
            DnsCheckOutcome.Status.VALIDATED,
            "validated at " + challenge.getValidatedAt() + " (" + challenge.getMethod() + ")",
            null);
      }
      return record(
          challenge,
          now,
          DnsCheckOutcome.Status.EXPIRED,
          "the validation of "
              + challenge.getValidatedAt()
              + " no longer counts: a validation by BR "
              + challenge.validationMethod().section()
              + " may be reused "
              + challenge.validationMethod().reusePeriod(now).toDays()
              + " days (BR 4.2.1, ballot SC-081; 3.2.2.4.22); issue a new challenge",
          null);
    }
    if (challenge.statusAt(now) == DnsChallenge.Status.EXPIRED) {
      challenge.expire();
      return record(
          challenge,
          now,
          DnsCheckOutcome.Status.EXPIRED,
          "the random value expired at "
              + challenge.getExpiresAt()
              + " without being found (BR " + challenge.validationMethod().section() + "); issue a new challenge",
          null);
    }
    if (challenge.validationMethod() == DomainValidationMethod.WEBSITE_CHANGE_V2) {
      return checkWebsite(challenge, now);
    }
    DnsAnswer answer = dns.query(challenge.getRecordName(), Type.TXT);
    String where = challenge.getRecordName() + " TXT";
    if (answer.failed()) {
      // BR 3.2.2.4: a bogus answer is no answer; what it says is never compared with the value.
      return record(
          challenge,
          now,
          DnsCheckOutcome.Status.NOT_YET,
          "the DNS lookup of " + where + " failed: " + answer.failure() + "; looking again later",
          answer);
    }
    if (challenge.validationMethod() == DomainValidationMethod.PERSISTENT_DNS_TXT) {
      return checkPersistent(challenge, answer, now, where);
    }
    List<String> values = answer.txtValues();
    if (values.contains(challenge.getValue())) {
      String via = via(answer);
      // BR 3.2.2.4.7, 3.2.2.9: remote perspectives must observe the same random value. A quorum
      // that fails now is "not yet": the next look asks them all again, relying on nothing earlier.
      MultiPerspectiveCorroboration.Outcome corroborated =
          corroboration.dnsChange(challenge.getApplicationId(), challenge.getRecordName(), challenge.getValue());
      if (!corroborated.permitsIssuance()) {
        return record(
            challenge,
            now,
            DnsCheckOutcome.Status.NOT_YET,
            where + via + " carries the random value here, but the " + corroborated.summary()
                + "; looking again later",
            answer);
      }
      challenge.validate(now, challenge.validationMethod().section(), validation.brVersion());
      return record(
          challenge,
          now,
          DnsCheckOutcome.Status.VALIDATED,
          where
              + via
              + " carries the random value: domain control of " + challenge.getDomainName() + " validated (BR "
              + METHOD
              + dnssecNote(answer)
              + "); "
              + corroborated.summary(),
          answer);
    }
    String reason =
        values.isEmpty()
            ? "no " + where + " record"
                + (answer.status() == DnsAnswer.Status.NO_SUCH_NAME ? " (the name does not exist)" : "")
            : where
                + " does not carry the random value; found "
                + values.stream()
                    .map(v -> "\"" + (v.length() > 80 ? v.substring(0, 80) + "…" : v) + "\"")
                    .collect(Collectors.joining(", "));
    return record(challenge, now, DnsCheckOutcome.Status.NOT_YET, reason, answer);
  }

  /**
   * BR 3.2.2.4.22: a TXT value at {@code _validation-persist.<ADN>} that names this CA and the
   * applicant's account, not past its {@code persistUntil}; remote perspectives must observe such
   * a record with the same {@code accounturi} (BR 3.2.2.9).
   */
  private DnsCheckOutcome checkPersistent(DnsChallenge challenge, DnsAnswer answer, Instant now, String where) {
    List<String> values = answer.txtValues();
    String account = challenge.getValue();
    List<String> issuers = issuer.issuerDomains();
    if (PersistentDcvRecord.firstUsable(values, issuers, account, now).isEmpty()) {
      String reason =
          values.isEmpty()
              ? "no " + where + " record"
                  + (answer.status() == DnsAnswer.Status.NO_SUCH_NAME ? " (the name does not exist)" : "")
              : where + " holds no Persistent DCV TXT Record for " + account + ": "
                  + PersistentDcvRecord.whyNoneUsable(values, issuers, account, now);
      return record(challenge, now, DnsCheckOutcome.Status.NOT_YET, reason, answer);
    }
    MultiPerspectiveCorroboration.Outcome corroborated =
        corroboration.persistentDcvRecord(challenge.getApplicationId(), challenge.getRecordName(), account, issuers);
    if (!corroborated.permitsIssuance()) {
      return record(
          challenge,
          now,
          DnsCheckOutcome.Status.NOT_YET,
          where + via(answer) + " names the account here, but the " + corroborated.summary()
              + "; looking again later",
          answer);
    }
    challenge.validate(now, DomainValidationMethod.PERSISTENT_DNS_TXT.section(), validation.brVersion());
    return record(
        challenge,
        now,
        DnsCheckOutcome.Status.VALIDATED,
        where + via(answer) + " is a Persistent DCV TXT Record for " + account
            + ": domain control of " + challenge.getDomainName() + " validated (BR 3.2.2.4.22"
            + dnssecNote(answer) + "; relied on for at most "
            + DomainValidationMethod.PERSISTENT_DNS_TXT.reusePeriod(now).toDays() + " days); "
            + corroborated.summary(),
        answer);
  }

  /**
   * BR 3.2.2.4.18: the file at the URL (redirects as the BR allow) must answer 2xx and contain the
   * random value; remote perspectives must observe the same value (BR 3.2.2.9).
   */
  private DnsCheckOutcome checkWebsite(DnsChallenge challenge, Instant now) {
    String url = challenge.getRecordName();
    String file = url.substring(url.indexOf(WebsiteFileFetch.DIRECTORY) + WebsiteFileFetch.DIRECTORY.length());
    WebsiteFileFetch.Fetched fetched = website.fetch(challenge.getDomainName(), file);
    if (!fetched.ok()) {
      return recordFetch(challenge, now, DnsCheckOutcome.Status.NOT_YET, fetched.failure() + "; looking again later", fetched);
    }
    if (!fetched.body().contains(challenge.getValue())) {
      return recordFetch(
          challenge, now, DnsCheckOutcome.Status.NOT_YET,
          fetched.url() + " answered " + fetched.status() + " without the random value; looking again later", fetched);
    }
    MultiPerspectiveCorroboration.Outcome corroborated =
        corroboration.websiteFile(challenge.getApplicationId(), challenge.getDomainName(), file, challenge.getValue());
    if (!corroborated.permitsIssuance()) {
      return recordFetch(
          challenge, now, DnsCheckOutcome.Status.NOT_YET,
          fetched.url() + " carries the random value here, but the " + corroborated.summary() + "; looking again later",
          fetched);
    }
    challenge.validate(now, DomainValidationMethod.WEBSITE_CHANGE_V2.section(), validation.brVersion());
    return recordFetch(
        challenge, now, DnsCheckOutcome.Status.VALIDATED,
        fetched.url() + " carries the random value: domain control of " + challenge.getDomainName()
            + " validated (BR 3.2.2.4.18; this FQDN only); " + corroborated.summary(),
        fetched);
  }

  private DnsCheckOutcome recordFetch(
      DnsChallenge challenge, Instant now, DnsCheckOutcome.Status status, String reason, WebsiteFileFetch.Fetched fetched) {
    String body = fetched.body().length() > 2000 ? fetched.body().substring(0, 2000) + "…" : fetched.body();
    return record(
        challenge, now, status, reason, "HTTP, host addresses from " + dns.resolverName(),
        fetched.transcript() + (body.isEmpty() ? "" : ";; body:\n" + body), null);
  }

  private static String via(DnsAnswer answer) {
    return answer.aliases().isEmpty() ? "" : " (through CNAME " + String.join(" → ", answer.aliases()) + ")";
  }

  /**
   * Whether a validation of this application covers {@code name} (an FQDN or Wildcard Domain
   * Name) and still counts now: its ADN is the name, or a domain above it when the method allows
   * pruning ({@link AuthorizationDomainName#covers}).
   */
  @Transactional(readOnly = true)
  public boolean validated(long applicationId, String name) {
    return validation(applicationId, name).isPresent();
  }

  /** The validation of this application that covers {@code name} and still counts, if any. */
  @Transactional(readOnly = true)
  public java.util.Optional<DnsChallenge> validation(long applicationId, String name) {
    Instant now = clock.instant();
    return challenges.findByApplicationIdOrderByIdAsc(applicationId).stream()
        .filter(c -> stillCounts(c, now))
        .filter(c -> AuthorizationDomainName.covers(c.getDomainName(), c.validationMethod(), name))
        .findFirst();
  }

  /** The latest challenge per domain of the application, as the customer publishes it. */
  @Transactional(readOnly = true)
  public List<DnsChallengeView> challenges(long applicationId) {
    Instant now = clock.instant();
    Map<String, DnsChallenge> latest = new LinkedHashMap<>();
    challenges.findByApplicationIdOrderByIdAsc(applicationId)
        .forEach(c -> latest.put(c.getDomainName(), c));
    List<DnsChallengeView> views = new ArrayList<>();
    latest.values().forEach(c -> views.add(DnsChallengeView.of(c, valueToPublish(c), now)));
    return views;
  }

  /** Where the customer publishes the value for {@code domainName}. */
  public static String recordName(String domainName) {
    return RECORD_LABEL + "." + domainName;
  }

  private DnsCheckOutcome record(
      DnsChallenge challenge,
      Instant now,
      DnsCheckOutcome.Status status,
      String reason,
      DnsAnswer answer) {
    return record(
        challenge, now, status, reason,
        answer == null ? dns.resolverName() : answer.resolver(),
        answer == null ? null : answer.transcript(),
        answer == null ? null : answer.dnssec());
  }

  private DnsCheckOutcome record(
      DnsChallenge challenge,
      Instant now,
      DnsCheckOutcome.Status status,
      String reason,
      String resolver,
      String transcript,
      DnssecStatus dnssec) {
    challenge.checked(now, Truncation.cut(reason, 1000));
    DnsChallenge saved = challenges.save(challenge);
    DnsCheckEvidence stored =
        evidence.save(
            new DnsCheckEvidence(
                saved,
                now,
                status,
                reason,
                challenge.validationMethod().section(),
                validation.brVersion(),
                resolver,
                transcript,
                dnssec));
    return new DnsCheckOutcome(
        status,
        saved.getDomainName(),
        saved.getRecordName(),
        reason,
        now,
        saved.getExpiresAt(),
        stored.getId());
  }

  /** BR 3.2.2.4: the record names whether the answer was DNSSEC-validated, and how. */
  private static String dnssecNote(DnsAnswer answer) {
    if (answer.dnssec() == DnssecStatus.SECURE) {
      return "; DNSSEC: secure";
    }
    if (answer.dnssec() == DnssecStatus.INSECURE) {
      return "; DNSSEC: insecure, the zone is provably unsigned";
    }
    return "";
  }

  private static boolean stillCounts(DnsChallenge challenge, Instant now) {
    return challenge.getStatus() == DnsChallenge.Status.VALIDATED
        && challenge.validationMethod().stillCounts(challenge.getValidatedAt(), now);
  }

  /** A 160-bit value in lower-case base32 (RFC 4648, 32 characters): safe to copy, no padding. */
  private String newRandomValue() {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return BASE32.encode(bytes);
  }

  /** The ADN both DNS methods choose for {@code name}: its Base Domain Name (both allow pruning). */
  static String authorizationDomain(String name) {
    return AuthorizationDomainName.derive(name, DomainValidationMethod.DNS_CHANGE, true).adn();
  }

  /** No challenge was issued for this application and domain: call {@link #issue} first. */
  public static class NoDnsChallengeException extends IllegalStateException {
    public NoDnsChallengeException(long applicationId, String domain) {
      super("application " + applicationId + ": no DNS challenge issued for " + domain);
    }
  }
}
