package org.cabackoffice.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.xbill.DNS.Type;

/**
 * CAA before issuance (BR 3.2.2.8, RFC 8659), for every name of the certificate: find the
 * relevant record set by asking for CAA at the name and then at each parent up to the TLD (RFC
 * 8659 3), taking CNAMEs as the recursive resolver followed them; then apply {@link
 * CaaAuthorization}. A name without any CAA set above it is permitted.
 *
 * <p>A failed lookup (timeout, SERVFAIL, a bogus DNSSEC answer) refuses. BR 3.2.2.8 lets a CA
 * treat a lookup failure as permission only when the failure is outside the CA's infrastructure,
 * was retried, and the domain is confirmed "Insecure" (RFC 4035 4.3); this CA does not establish
 * those conditions, so it refuses, and the process can check again later. DNSSEC-validation
 * errors are never permission (BR 3.2.2.8.1). An answer that validated as insecure (provably
 * unsigned) is an answer, and its status is recorded ({@link DnssecStatus}).
 *
 * <p>Every check is stored with the answers seen ({@link CaaEvidence}).
 */
@Service
public class CaaCheck {

  private final DnsLookup dns;
  private final CaaProperties properties;
  private final CaaEvidenceRepository evidence;
  private final Clock clock;
  private final TransactionOperations ownTransaction;

  @Autowired
  public CaaCheck(
      DnsLookup dns,
      CaaProperties properties,
      CaaEvidenceRepository evidence,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this(dns, properties, evidence, clock, requiresNew(transactionManager));
  }

  CaaCheck(
      DnsLookup dns,
      CaaProperties properties,
      CaaEvidenceRepository evidence,
      Clock clock,
      TransactionOperations ownTransaction) {
    this.dns = dns;
    this.properties = properties;
    this.evidence = evidence;
    this.clock = clock;
    this.ownTransaction = ownTransaction;
  }

  private static TransactionOperations requiresNew(PlatformTransactionManager transactionManager) {
    TransactionTemplate template = new TransactionTemplate(transactionManager);
    template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return template;
  }

  /**
   * @param dnsNames the certificate's DNS names (wildcards as {@code *.example.com})
   * @throws IllegalArgumentException when no name is given
   */
  public CaaVerdict check(List<String> dnsNames) {
    return run(null, dnsNames);
  }

  /** As {@link #check(List)}, with the evidence filed under the application. */
  public CaaVerdict check(long applicationId, List<String> dnsNames) {
    return run(applicationId, dnsNames);
  }

  private CaaVerdict run(Long applicationId, List<String> dnsNames) {
    if (dnsNames == null || dnsNames.isEmpty()) {
      throw new IllegalArgumentException("a CAA check needs at least one DNS name");
    }
    Instant now = clock.instant();
    // One question per domain and check: names of one certificate share their parents.
    Map<String, DnsAnswer> asked = new LinkedHashMap<>();
    List<CaaVerdict.Name> names = new ArrayList<>();
    for (String name : dnsNames) {
      names.add(verdict(name == null ? "" : name, asked));
    }
    boolean permitted = names.stream().allMatch(CaaVerdict.Name::permitted);
    StringBuilder transcripts = new StringBuilder();
    asked.values().forEach(a -> transcripts.append(a.transcript()).append('\n'));
    // Its own transaction: a failed lookup fails the job and rolls back the job's work, but
    // the attempt and what the resolver said stay on record (BR 5.4.1, BR 3.2.2.8 retries).
    CaaEvidence record =
            new CaaEvidence(
                applicationId,
                now,
                names.stream().map(CaaVerdict.Name::dnsName).toList(),
                properties.issuerDomains(),
                permitted,
                names.stream()
                    .map(
                        n ->
                            n.dnsName()
                                + " "
                                + (n.permitted() ? "PERMITTED" : "REFUSED")
                                + " "
                                + n.reason())
                    .toList(),
                dns.resolverName(),
                transcripts.toString(),
                asked.values().stream()
                    .map(a -> a.name() + " " + a.type() + " " + (a.dnssec() == null ? "no answer" : a.dnssec()))
                    .toList());
    CaaEvidence stored = ownTransaction.execute(status -> evidence.save(record));
    return new CaaVerdict(permitted, names, now, stored.getId());
  }

  /**
   * Records that CAA was not looked up for the application's names and why (a private CA's
   * configuration): the timeline says so instead of staying silent about BR 3.2.2.8.
   */
  public void recordNotLookedUp(long applicationId, List<String> dnsNames, String reason) {
    CaaEvidence record =
        new CaaEvidence(
            applicationId,
            clock.instant(),
            dnsNames,
            properties.issuerDomains(),
            true,
            List.of("NOT LOOKED UP: " + reason),
            "-",
            "",
            List.of());
    evidence.save(record);
  }

  private CaaVerdict.Name verdict(String asked, Map<String, DnsAnswer> answers) {
    String text = asked.strip().toLowerCase(Locale.ROOT);
    boolean wildcard = text.startsWith("*.");
    String fqdn;
    try {
      fqdn = DomainName.normalize(wildcard ? text.substring(2) : text);
    } catch (InvalidDomainNameException e) {
      return new CaaVerdict.Name(
          asked, false, "not a DNS name CAA can be checked for: " + e.getMessage(), null, List.of());
    }
    for (String domain = fqdn; domain != null; domain = parent(domain)) {
      DnsAnswer answer = answers.computeIfAbsent(domain, d -> dns.query(d, Type.CAA));
      if (answer.failed()) {
        return new CaaVerdict.Name(
            asked,
            false,
            "the CAA lookup at "
                + domain
                + " failed: "
                + answer.failure()
                + "; refused, as a failed lookup is no permission here (BR 3.2.2.8)",
            null,
            List.of(),
            true);
      }
      List<CaaProperty> set = answer.caaProperties();
      if (!set.isEmpty()) {
        CaaAuthorization.Decision decision =
            CaaAuthorization.evaluate(domain, set, wildcard, properties.issuerDomains());
        return new CaaVerdict.Name(
            asked, decision.permitted(), decision.reason() + dnssecNote(answer), domain, set);
      }
    }
    return new CaaVerdict.Name(
        asked,
        true,
        "no CAA record set at " + fqdn + " or any domain above it: any CA may issue (RFC 8659 3)"
            + dnssecNote(answers.get(fqdn)),
        null,
        List.of());
  }

  /** BR 3.2.2.8.1: the evidence says whether the relevant record set was DNSSEC-validated. */
  private static String dnssecNote(DnsAnswer answer) {
    if (answer == null || answer.dnssec() == null) {
      return "";
    }
    return switch (answer.dnssec()) {
      case SECURE -> " (DNSSEC: secure)";
      case INSECURE -> " (DNSSEC: insecure, the zone is provably unsigned)";
      default -> "";
    };
  }

  /** The domain one label up; null above the TLD (the root is never asked, RFC 8659 3). */
  private static String parent(String domain) {
    int dot = domain.indexOf('.');
    return dot < 0 ? null : domain.substring(dot + 1);
  }
}
