package org.cabackoffice.domain;

import org.cabackoffice.input.Truncation;
import com.google.common.io.BaseEncoding;
import com.google.common.net.InternetDomainName;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xbill.DNS.Type;

/**
 * Domain control by DNS change (BR 3.2.2.4.7): the CA hands the applicant a random value; the
 * applicant publishes it in a TXT record at {@value #RECORD_LABEL}.&lt;domain&gt;; the CA looks it
 * up and compares it exactly. A validated domain covers the names below it (it is their
 * Authorization Domain Name, BR 1.6.1) for the domain-data reuse period ({@link
 * DomainValidationReuse}).
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

  /** The method as recorded per validated name (BR 3.2.2.4). */
  public static final String METHOD = "BR 3.2.2.4.7";

  /** 160 bits: above the BR's 112 and the 128 we promise. */
  static final int RANDOM_BYTES = 20;

  private static final BaseEncoding BASE32 = BaseEncoding.base32().lowerCase().omitPadding();

  private final DnsChallengeRepository challenges;
  private final DnsCheckEvidenceRepository evidence;
  private final DnsLookup dns;
  private final DnsProperties dnsProperties;
  private final ValidationProperties validation;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public DnsChangeValidations(
      DnsChallengeRepository challenges,
      DnsCheckEvidenceRepository evidence,
      DnsLookup dns,
      DnsProperties dnsProperties,
      ValidationProperties validation,
      Clock clock) {
    this.challenges = challenges;
    this.evidence = evidence;
    this.dns = dns;
    this.dnsProperties = dnsProperties;
    this.validation = validation;
    this.clock = clock;
  }

  /**
   * The challenge for this application and domain: the open one if there is one (a retried job
   * hands out the same value), the validation that still counts, or a new random value.
   *
   * @param domain the Authorization Domain Name; a wildcard {@code *.d} is validated through
   *     {@code d}
   * @throws InvalidDomainNameException not a domain name, or a public suffix no applicant controls
   */
  @Transactional
  public DnsChallenge issue(long applicationId, String domain) {
    String domainName = authorizationDomain(domain);
    Instant now = clock.instant();
    List<DnsChallenge> existing =
        challenges.findByApplicationIdAndDomainNameOrderByIdAsc(applicationId, domainName);
    if (!existing.isEmpty()) {
      DnsChallenge last = existing.get(existing.size() - 1);
      if (last.isOpen(now) || stillCounts(last, now)) {
        return last;
      }
      if (last.getStatus() == DnsChallenge.Status.PENDING) {
        last.expire();
        challenges.save(last);
      }
    }
    Duration validity = dnsProperties.challengeValidity();
    Duration reuse = DomainValidationReuse.period(now);
    if (reuse.compareTo(validity) < 0) {
      validity = reuse; // BR 3.2.2.4.7 (ii): never beyond the reuse period of validated data
    }
    return challenges.save(
        new DnsChallenge(
            applicationId,
            domainName,
            recordName(domainName),
            newRandomValue(),
            now,
            now.plus(validity)));
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
    List<DnsChallenge> existing =
        challenges.findByApplicationIdAndDomainNameOrderByIdAsc(applicationId, domainName);
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
              + " no longer counts: domain data may be reused "
              + DomainValidationReuse.days(now)
              + " days (BR 4.2.1, ballot SC-081); issue a new challenge",
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
              + " without being found (BR 3.2.2.4.7); issue a new challenge",
          null);
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
    List<String> values = answer.txtValues();
    if (values.contains(challenge.getValue())) {
      challenge.validate(now, METHOD, validation.brVersion());
      String via =
          answer.aliases().isEmpty() ? "" : " (through CNAME " + String.join(" → ", answer.aliases()) + ")";
      return record(
          challenge,
          now,
          DnsCheckOutcome.Status.VALIDATED,
          where
              + via
              + " carries the random value: domain control validated ("
              + METHOD
              + dnssecNote(answer)
              + ")",
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
   * Whether control of {@code domain} (or of a domain above it, its Authorization Domain Name)
   * was validated for this application by DNS change, and that validation still counts now.
   */
  @Transactional(readOnly = true)
  public boolean validated(long applicationId, String domain) {
    String name = authorizationDomain(domain);
    Instant now = clock.instant();
    return challenges.findByApplicationIdOrderByIdAsc(applicationId).stream()
        .filter(c -> name.equals(c.getDomainName()) || name.endsWith("." + c.getDomainName()))
        .anyMatch(c -> stillCounts(c, now));
  }

  /** The latest challenge per domain of the application, as the customer publishes it. */
  @Transactional(readOnly = true)
  public List<DnsChallengeView> challenges(long applicationId) {
    Instant now = clock.instant();
    Map<String, DnsChallenge> latest = new LinkedHashMap<>();
    challenges.findByApplicationIdOrderByIdAsc(applicationId)
        .forEach(c -> latest.put(c.getDomainName(), c));
    List<DnsChallengeView> views = new ArrayList<>();
    latest.values().forEach(c -> views.add(DnsChallengeView.of(c, now)));
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
    challenge.checked(now, Truncation.cut(reason, 1000));
    DnsChallenge saved = challenges.save(challenge);
    DnsCheckEvidence stored =
        evidence.save(
            new DnsCheckEvidence(
                saved,
                now,
                status,
                reason,
                METHOD,
                validation.brVersion(),
                answer == null ? dns.resolverName() : answer.resolver(),
                answer == null ? null : answer.transcript(),
                answer == null ? null : answer.dnssec()));
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
        && DomainValidationReuse.counts(challenge.getValidatedAt(), now);
  }

  /** A 160-bit value in lower-case base32 (RFC 4648, 32 characters): safe to copy, no padding. */
  private String newRandomValue() {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return BASE32.encode(bytes);
  }

  static String authorizationDomain(String domain) {
    String text = domain == null ? null : domain.strip();
    if (text != null && text.startsWith("*.")) {
      text = text.substring(2);
    }
    String name = DomainName.normalize(text);
    InternetDomainName parsed;
    try {
      parsed = InternetDomainName.from(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidDomainNameException("not a valid domain name: " + name);
    }
    if (parsed.isPublicSuffix()) {
      throw new InvalidDomainNameException(
          name.toLowerCase(Locale.ROOT)
              + " is a public suffix: no applicant controls it, validate a domain below it");
    }
    return name;
  }


  /** No challenge was issued for this application and domain: call {@link #issue} first. */
  public static class NoDnsChallengeException extends IllegalStateException {
    public NoDnsChallengeException(long applicationId, String domain) {
      super("application " + applicationId + ": no DNS challenge issued for " + domain);
    }
  }
}
