package org.cabackoffice.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

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
   * For a request through no account by no method: a property carrying RFC 8657's {@code
   * accounturi} or {@code validationmethods} does not authorize it.
   *
   * @param dnsNames the certificate's DNS names (wildcards as {@code *.example.com})
   * @throws IllegalArgumentException when no name is given
   */
  public CaaVerdict check(List<String> dnsNames) {
    return run(null, dnsNames, name -> null);
  }

  /**
   * An application's check, with the evidence filed under it: each name's requester (the
   * applicant's account and the method that validated the name) meets RFC 8657's parameters or
   * the name is refused.
   */
  public CaaVerdict check(long applicationId, List<String> dnsNames, Function<String, CaaRequester> requesters) {
    return run(applicationId, dnsNames, requesters);
  }

  /**
   * An issuance requested through an ACME account: the account URI (RFC 8555 7.1.2) and the
   * validation method name the challenge used ({@code http-01}, {@code dns-01}), which CAA's
   * {@code accounturi} and {@code validationmethods} parameters may restrict (RFC 8657).
   */
  public record AcmeRequest(String accountUri, String validationMethod) {

    CaaRequester requester() {
      return CaaRequester.acme(accountUri, validationMethod);
    }
  }

  /** As {@link #check(List)}, honouring RFC 8657's parameters for the ACME request. */
  public CaaVerdict check(List<String> dnsNames, AcmeRequest acme) {
    CaaRequester requester = acme.requester();
    return run(null, dnsNames, name -> requester);
  }

  private CaaVerdict run(Long applicationId, List<String> dnsNames, Function<String, CaaRequester> requesters) {
    if (dnsNames == null || dnsNames.isEmpty()) {
      throw new IllegalArgumentException("a CAA check needs at least one DNS name");
    }
    Instant now = clock.instant();
    CaaClimb climb = CaaClimb.of(dns, dnsNames, properties.issuerDomains(), requesters);
    List<CaaVerdict.Name> names = climb.names();
    List<DnsAnswer> asked = climb.answers();
    boolean permitted = names.stream().allMatch(CaaVerdict.Name::permitted);
    StringBuilder transcripts = new StringBuilder();
    asked.forEach(a -> transcripts.append(a.transcript()).append('\n'));
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
                asked.stream()
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
}
