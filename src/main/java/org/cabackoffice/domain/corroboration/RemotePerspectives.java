package org.cabackoffice.domain.corroboration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.ApplicationStatus;
import org.cabackoffice.application.Applications;
import org.cabackoffice.domain.CaaRequester;
import org.cabackoffice.domain.PersistentDcvRecord;
import org.cabackoffice.domain.WebsiteFileFetch;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.CaaObservation;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.CaaQuestion;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.DnsChangeObservation;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.DnsChangeQuestion;
import org.cabackoffice.domain.corroboration.PerspectiveResult.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The primary's multi-perspective issuance corroboration (BR 3.2.2.9): asks every configured remote
 * perspective at once, waits at most {@code backoffice.mpic.timeout} for each, judges each answer,
 * applies the {@link Quorum} of the phase in force ({@link CorroborationSchedule}) and records the
 * corroboration with every perspective's attempt (BR 5.4.1 items 7 and 8). Every attempt asks
 * afresh: "When retrying ... CAs MUST NOT rely on corroborations from previous attempts". The one
 * reuse the BR allow is CAA quorum evidence for the same applicant's domain after a certificate was
 * issued, for at most 398 days.
 *
 * <p>With {@code backoffice.mpic.enabled=false} (a private CA) nothing is asked and the record says
 * so. With it on, a configuration that cannot meet the phase in force stops the start.
 */
@Service
public class RemotePerspectives implements MultiPerspectiveCorroboration {

  private static final Logger log = LoggerFactory.getLogger(RemotePerspectives.class);

  /** BR 3.2.2.9: "reuse corroborating evidence for CAA record quorum compliance for a maximum of 398 days". */
  static final Duration CAA_EVIDENCE_REUSE = Duration.ofDays(398);

  /** How far ahead the start warns that the next phase asks for more perspectives than configured. */
  static final Duration PHASE_WARNING = Duration.ofDays(60);

  private final MpicProperties properties;
  private final CorroborationRepository corroborations;
  private final PerspectiveAttemptRepository attempts;
  private final Applications applications;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;
  private final PerspectiveClient client;

  public RemotePerspectives(
      MpicProperties properties,
      CorroborationRepository corroborations,
      PerspectiveAttemptRepository attempts,
      Applications applications,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.properties = properties;
    this.corroborations = corroborations;
    this.attempts = attempts;
    this.applications = applications;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    if (properties.enabled()) {
      checkConfiguration(properties, clock.instant());
      this.client = new PerspectiveClient(properties.tls(), properties.timeout());
    } else {
      this.client = null;
    }
  }

  /**
   * A configuration that can never meet the phase in force stops the start, as CT's does: too few
   * perspectives, a perspective without id, region or URL, a duplicate id, or (from 2026-03-15)
   * all in one RIR region.
   */
  static void checkConfiguration(MpicProperties properties, Instant now) {
    List<MpicProperties.Perspective> perspectives = properties.perspectives();
    Set<String> ids = new HashSet<>();
    Set<String> endpoints = new HashSet<>();
    for (int i = 0; i < perspectives.size(); i++) {
      MpicProperties.Perspective p = perspectives.get(i);
      if (p.id() == null || p.id().isBlank() || p.region() == null || p.url() == null || p.url().isBlank()) {
        throw new IllegalStateException(
            "backoffice.mpic.perspectives[" + i + "] needs an id, a region (" + List.of(RirRegion.values())
                + ") and a url");
      }
      if (!p.url().startsWith("https://")) {
        throw new IllegalStateException(
            "backoffice.mpic.perspectives[" + i + "].url must be https: the channel to a perspective is"
                + " authenticated and encrypted (BR 3.2.2.9): " + p.url());
      }
      java.net.URI uri;
      try {
        uri = java.net.URI.create(p.url());
        uri.resolve(PerspectiveProtocol.DNS_CHANGE_PATH);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("backoffice.mpic.perspectives[" + i + "].url is not a URL: " + p.url(), e);
      }
      if (!ids.add(p.id())) {
        throw new IllegalStateException("backoffice.mpic.perspectives: the id " + p.id() + " is used twice");
      }
      // One process answering under two ids would be counted twice towards the quorum (BR 3.2.2.9
      // counts distinct perspectives): each id needs an endpoint of its own.
      String endpoint = (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT)) + ":"
          + (uri.getPort() < 0 ? 443 : uri.getPort());
      if (!endpoints.add(endpoint)) {
        throw new IllegalStateException(
            "backoffice.mpic.perspectives[" + i + "] (" + p.id() + ") is at " + endpoint
                + " like another perspective: each perspective is a process of its own, at an address of its own");
      }
    }
    CorroborationSchedule phase = CorroborationSchedule.at(now);
    long regions = perspectives.stream().map(MpicProperties.Perspective::region).distinct().count();
    if (perspectives.size() < phase.remotePerspectives() || perspectives.size() < 2) {
      throw new IllegalStateException(
          "backoffice.mpic.enabled is on but " + perspectives.size() + " remote perspective(s) are configured;"
              + " BR 3.2.2.9 asks for at least " + Math.max(2, phase.remotePerspectives()) + " since "
              + phase.from() + " (backoffice.mpic.perspectives)");
    }
    if (phase.twoRegions() && regions < 2) {
      throw new IllegalStateException(
          "backoffice.mpic.perspectives are all in one RIR region; the corroborating ones must fall within"
              + " at least 2 distinct RIR regions since " + phase.from() + " (BR 3.2.2.9)");
    }
    phase.next()
        .filter(next -> next.from().isBefore(now.plus(PHASE_WARNING)))
        .filter(next -> perspectives.size() < next.remotePerspectives())
        .ifPresent(
            next -> log.warn(
                "{} remote perspectives are configured; BR 3.2.2.9 asks for {} from {}: issuance stops then"
                    + " unless more are added (backoffice.mpic.perspectives)",
                perspectives.size(), next.remotePerspectives(), next.from()));
  }

  public boolean enabled() {
    return properties.enabled();
  }

  @Override
  public Outcome dnsChange(Long applicationId, String recordName, String expectedValue) {
    List<String> names = List.of(recordName);
    if (!properties.enabled()) {
      return off(Corroboration.Owner.application(applicationId), Corroboration.Subject.DOMAIN_CONTROL, names);
    }
    List<PerspectiveResult> results =
        askAll(
            PerspectiveProtocol.DNS_CHANGE_PATH,
            new DnsChangeQuestion(recordName),
            DnsChangeObservation.class,
            DnsChangeObservation::perspectiveId,
            (p, o) -> dnsChangeResult(p, o, recordName, expectedValue));
    return decide(
        Corroboration.Owner.application(applicationId), Corroboration.Subject.DOMAIN_CONTROL, "DNS change record",
        names, results, null, "");
  }

  @Override
  public Outcome persistentDcvRecord(
      long applicationId, String recordName, String accountUri, List<String> issuerDomains) {
    List<String> names = List.of(recordName);
    if (!properties.enabled()) {
      return off(Corroboration.Owner.application(applicationId), Corroboration.Subject.DOMAIN_CONTROL, names);
    }
    Instant now = clock.instant();
    // The same question as DNS change: the perspective reports the TXT values it sees, the
    // primary judges them by the one rule it uses for its own lookup.
    List<PerspectiveResult> results =
        askAll(
            PerspectiveProtocol.DNS_CHANGE_PATH,
            new DnsChangeQuestion(recordName),
            DnsChangeObservation.class,
            DnsChangeObservation::perspectiveId,
            (p, o) -> persistentDcvResult(p, o, recordName, accountUri, issuerDomains, now));
    return decide(
        Corroboration.Owner.application(applicationId), Corroboration.Subject.DOMAIN_CONTROL, "DNS change record",
        names, results, null, "");
  }

  @Override
  public Outcome websiteFile(long applicationId, String fqdn, String fileName, String expectedValue) {
    String url = WebsiteFileFetch.url(fqdn, fileName);
    List<String> names = List.of(url);
    if (!properties.enabled()) {
      return off(Corroboration.Owner.application(applicationId), Corroboration.Subject.DOMAIN_CONTROL, names);
    }
    List<PerspectiveResult> results =
        askAll(
            PerspectiveProtocol.WEBSITE_FILE_PATH,
            new PerspectiveProtocol.WebsiteFileQuestion(fqdn, fileName),
            PerspectiveProtocol.WebsiteFileObservation.class,
            PerspectiveProtocol.WebsiteFileObservation::perspectiveId,
            (p, o) -> websiteFileResult(p, o, url, expectedValue));
    return decide(
        Corroboration.Owner.application(applicationId), Corroboration.Subject.DOMAIN_CONTROL, "website file", names,
        results, null, "");
  }

  @Override
  public Outcome acmeHttp01(String fqdn, String token, String keyAuthorization) {
    String url = WebsiteFileFetch.acmeChallengeUrl(fqdn, token);
    List<String> names = List.of(url);
    if (!properties.enabled()) {
      return off(Corroboration.Owner.NONE, Corroboration.Subject.DOMAIN_CONTROL, names);
    }
    List<PerspectiveResult> results =
        askAll(
            PerspectiveProtocol.ACME_HTTP_01_PATH,
            new PerspectiveProtocol.AcmeHttp01Question(fqdn, token),
            PerspectiveProtocol.WebsiteFileObservation.class,
            PerspectiveProtocol.WebsiteFileObservation::perspectiveId,
            (p, o) -> acmeHttp01Result(p, o, keyAuthorization));
    return decide(
        Corroboration.Owner.NONE, Corroboration.Subject.DOMAIN_CONTROL, "ACME http-01 key authorization", names,
        results, null, "");
  }

  /**
   * RFC 8555 8.3: the body, trailing white space ignored, must be the key authorization; BR
   * 3.2.2.4.19 asks the perspective for "the same challenge information". A fetch that failed
   * there (refused address, timeout, a redirect off the Authorized Ports) did not corroborate.
   */
  static PerspectiveResult acmeHttp01Result(
      MpicProperties.Perspective p, PerspectiveProtocol.WebsiteFileObservation o, String keyAuthorization) {
    if (o.ok() && o.body() != null && o.body().stripTrailing().equals(keyAuthorization)) {
      return new PerspectiveResult(
          p.id(), p.region(), Verdict.CORROBORATED, o.url() + " answered the key authorization (" + o.resolver() + ")",
          null);
    }
    String seen = o.ok() ? o.url() + " answered " + o.status() + ", not the key authorization" : o.failure();
    return new PerspectiveResult(p.id(), p.region(), Verdict.NOT_CORROBORATED, seen + " (" + o.resolver() + ")", null);
  }

  /** BR 3.2.2.4.18: corroborating means the file fetched there carries the same random value. */
  static PerspectiveResult websiteFileResult(
      MpicProperties.Perspective p, PerspectiveProtocol.WebsiteFileObservation o, String url, String expectedValue) {
    if (o.ok() && o.body() != null && o.body().contains(expectedValue)) {
      return new PerspectiveResult(
          p.id(), p.region(), Verdict.CORROBORATED, o.url() + " carries the random value (" + o.resolver() + ")", null);
    }
    String seen = o.ok() ? o.url() + " answered " + o.status() + " without the random value" : o.failure();
    return new PerspectiveResult(p.id(), p.region(), Verdict.NOT_CORROBORATED, seen + " (" + o.resolver() + ")", null);
  }

  @Override
  public Outcome caa(
      long applicationId, List<String> dnsNames, List<String> issuerDomains, List<CaaRequester> requesters) {
    return caa(Corroboration.Owner.application(applicationId), dnsNames, issuerDomains, requesters);
  }

  @Override
  public Outcome acmeOrderCaa(
      long acmeOrderId, List<String> dnsNames, List<String> issuerDomains, List<CaaRequester> requesters) {
    return caa(Corroboration.Owner.acmeOrder(acmeOrderId), dnsNames, issuerDomains, requesters);
  }

  private Outcome caa(
      Corroboration.Owner owner, List<String> dnsNames, List<String> issuerDomains, List<CaaRequester> requesters) {
    if (!properties.enabled()) {
      return off(owner, Corroboration.Subject.CAA, dnsNames);
    }
    Instant now = clock.instant();
    String judged = JudgedRequesters.canonical(dnsNames, requesters);
    String notReused = "";
    if (owner.applicationId() != null) {
      CaaReuse reuse = reusableCaaEvidence(owner.applicationId(), dnsNames, requesters, now);
      if (reuse.evidence().isPresent()) {
        Corroboration earlier = reuse.evidence().get();
        String summary =
            "CAA quorum evidence #" + earlier.getId() + " (" + earlier.getQuorum() + " on " + earlier.getCheckedAt()
                + ", application #" + earlier.getApplicationId() + ", issued to the same applicant) reused: it"
                + " judged these names or their parents for the same accounts and validation methods (RFC 8657);"
                + " perspectives not asked again (BR 3.2.2.9: at most 398 days)";
        Corroboration stored =
            ownTransaction.execute(
                status -> corroborations.save(
                    new Corroboration(
                        owner, now, Corroboration.Subject.CAA, dnsNames, CorroborationSchedule.at(now),
                        earlier.getQuorum(), true, true, summary, earlier.getId(), judged)));
        return new Outcome(true, summary, stored.getId());
      }
      notReused = reuse.whyNot();
    }
    List<PerspectiveResult> results =
        askAll(
            PerspectiveProtocol.CAA_PATH,
            new CaaQuestion(dnsNames, issuerDomains, requesters),
            CaaObservation.class,
            CaaObservation::perspectiveId,
            RemotePerspectives::caaResult);
    return decide(owner, Corroboration.Subject.CAA, "CAA permission", dnsNames, results, judged, notReused);
  }

  /** The perspectives' corroborations as they were recorded for the application, oldest first. */
  public List<Corroboration> of(long applicationId) {
    return corroborations.findByApplicationIdOrderByIdAsc(applicationId);
  }

  private Outcome off(Corroboration.Owner owner, Corroboration.Subject subject, List<String> names) {
    String summary =
        "not corroborated: multi-perspective issuance corroboration is off (private CA configuration,"
            + " backoffice.mpic.enabled=false)";
    Corroboration stored =
        ownTransaction.execute(
            status -> corroborations.save(
                new Corroboration(
                    owner, clock.instant(), subject, names, CorroborationSchedule.at(clock.instant()),
                    "0/0", false, false, summary, null, null)));
    return new Outcome(true, summary, stored.getId());
  }

  /**
   * @param what what was corroborated, as the summary names it
   * @param caaRequesters what a CAA corroboration judged ({@link JudgedRequesters}), else null
   * @param notReused why earlier CAA evidence was not reused, told to the auditor; empty when none
   *     was at hand
   */
  private Outcome decide(
      Corroboration.Owner owner, Corroboration.Subject subject, String what, List<String> names,
      List<PerspectiveResult> results, String caaRequesters, String notReused) {
    Instant now = clock.instant();
    CorroborationSchedule phase = CorroborationSchedule.at(now);
    Quorum quorum = Quorum.of(results, phase);
    String summary =
        what
            + " corroborated " + quorum.ratio() + " by remote perspectives: "
            + (quorum.met() ? "quorum met" : "quorum NOT met") + (quorum.permitsIssuance() ? "" : ", nothing issued")
            + " (" + quorum.reason() + ")" + (notReused.isEmpty() ? "" : "; " + notReused);
    Corroboration stored =
        ownTransaction.execute(
            status -> {
              Corroboration saved =
                  corroborations.save(
                      new Corroboration(
                          owner, now, subject, names, phase, quorum.ratio(), quorum.met(),
                          quorum.enforced(), summary, null, caaRequesters));
              results.forEach(r -> attempts.save(new PerspectiveAttempt(saved.getId(), r)));
              return saved;
            });
    if (!quorum.met()) {
      log.info("{}: {}", owner.described(), summary);
    }
    return new Outcome(quorum.permitsIssuance(), summary, stored.getId());
  }

  /** Asks every perspective at once; each answer is judged as it is, a missing one is NO_ANSWER. */
  private <T> List<PerspectiveResult> askAll(
      String path,
      Object question,
      Class<T> answerType,
      Function<T, String> answeredAs,
      java.util.function.BiFunction<MpicProperties.Perspective, T, PerspectiveResult> judge) {
    Map<MpicProperties.Perspective, CompletableFuture<T>> pending = new LinkedHashMap<>();
    for (MpicProperties.Perspective p : properties.perspectives()) {
      pending.put(p, client.ask(p.url(), path, question, answerType));
    }
    List<PerspectiveResult> results = new ArrayList<>();
    pending.forEach(
        (p, answer) -> {
          try {
            T observation = answer.join();
            String as = answeredAs.apply(observation);
            if (!p.id().equals(as)) {
              // A perspective that names itself otherwise is not the one configured at that URL.
              results.add(noAnswer(p, "answered as perspective " + as + ", not " + p.id()));
            } else {
              results.add(judge.apply(p, observation));
            }
          } catch (CompletionException | java.util.concurrent.CancellationException e) {
            results.add(noAnswer(p, failure(e)));
          }
        });
    return results;
  }

  private String failure(RuntimeException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    if (cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException) {
      return "no answer within " + properties.timeout().toMillis() + " ms";
    }
    if (cause instanceof javax.net.ssl.SSLException) {
      return "TLS with the perspective failed: " + cause.getMessage();
    }
    return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }

  private static PerspectiveResult noAnswer(MpicProperties.Perspective p, String why) {
    return new PerspectiveResult(p.id(), p.region(), Verdict.NO_ANSWER, why, null);
  }

  /** BR 3.2.2.4.7: corroborating means observing the same Random Value. */
  static PerspectiveResult dnsChangeResult(
      MpicProperties.Perspective p, DnsChangeObservation o, String recordName, String expectedValue) {
    if ("FAILED".equals(o.status())) {
      return new PerspectiveResult(
          p.id(), p.region(), Verdict.NO_ANSWER, "the lookup of " + recordName + " TXT failed there: " + o.failure(),
          o.dnssec());
    }
    List<String> values = o.txtValues() == null ? List.of() : o.txtValues();
    if (values.contains(expectedValue)) {
      return new PerspectiveResult(
          p.id(), p.region(), Verdict.CORROBORATED, recordName + " TXT carries the random value (" + o.resolver() + ")",
          o.dnssec());
    }
    // The values themselves stay out of the record: a timeline and an export show details.
    String seen = values.isEmpty()
        ? "no " + recordName + " TXT record" + ("NO_SUCH_NAME".equals(o.status()) ? " (the name does not exist)" : "")
        : values.size() + " TXT value(s) at " + recordName + ", none the random value";
    return new PerspectiveResult(p.id(), p.region(), Verdict.NOT_CORROBORATED, seen + " (" + o.resolver() + ")", o.dnssec());
  }

  /** BR 3.2.2.4.22: corroborating means observing a usable record with the same accounturi. */
  static PerspectiveResult persistentDcvResult(
      MpicProperties.Perspective p,
      DnsChangeObservation o,
      String recordName,
      String accountUri,
      List<String> issuerDomains,
      Instant now) {
    if ("FAILED".equals(o.status())) {
      return new PerspectiveResult(
          p.id(), p.region(), Verdict.NO_ANSWER, "the lookup of " + recordName + " TXT failed there: " + o.failure(),
          o.dnssec());
    }
    List<String> values = o.txtValues() == null ? List.of() : o.txtValues();
    if (PersistentDcvRecord.firstUsable(values, issuerDomains, accountUri, now).isPresent()) {
      return new PerspectiveResult(
          p.id(), p.region(), Verdict.CORROBORATED,
          recordName + " TXT is a Persistent DCV TXT Record for " + accountUri + " (" + o.resolver() + ")", o.dnssec());
    }
    String seen = values.isEmpty()
        ? "no " + recordName + " TXT record" + ("NO_SUCH_NAME".equals(o.status()) ? " (the name does not exist)" : "")
        : PersistentDcvRecord.whyNoneUsable(values, issuerDomains, accountUri, now);
    return new PerspectiveResult(p.id(), p.region(), Verdict.NOT_CORROBORATED, seen + " (" + o.resolver() + ")", o.dnssec());
  }

  /**
   * BR 3.2.2.8: a remote response corroborates when it is permission to issue. A lookup failure
   * there is no answer: this CA does not establish the conditions of an "acceptable" failure.
   */
  static PerspectiveResult caaResult(MpicProperties.Perspective p, CaaObservation o) {
    List<PerspectiveProtocol.CaaName> names = o.names() == null ? List.of() : o.names();
    if (o.permitted()) {
      return new PerspectiveResult(p.id(), p.region(), Verdict.CORROBORATED, "permitted (" + o.resolver() + ")", null);
    }
    String refusals =
        names.stream().filter(n -> !n.permitted()).map(n -> n.dnsName() + ": " + n.reason())
            .collect(Collectors.joining("; "));
    boolean onlyFailures = names.stream().filter(n -> !n.permitted()).allMatch(PerspectiveProtocol.CaaName::lookupFailed);
    return new PerspectiveResult(
        p.id(), p.region(), onlyFailures ? Verdict.NO_ANSWER : Verdict.NOT_CORROBORATED, refusals, null);
  }

  /** Earlier CAA quorum evidence to rely on, else why none was: the auditor reads both. */
  record CaaReuse(Optional<Corroboration> evidence, String whyNot) {}

  /**
   * BR 3.2.2.9: "After issuing a Certificate to a domain, remote Network Perspectives MAY omit
   * retrieving and processing CAA records for the same domain or its subdomains in subsequent
   * Certificate requests from the same Applicant for up to a maximum of 398 days." Same applicant:
   * the same storefront account and organization, as domain validation reuse takes it.
   *
   * <p>The perspectives judged CAA for particular requesters: RFC 8657's {@code accounturi} and
   * {@code validationmethods} may permit one account or method and refuse another (BR 4.2.2.1.2).
   * Evidence stands in only where it judged each name (or a parent) for the same account URI and
   * validation method as asked now. Evidence kept before the requesters were recorded is never
   * reused: it cannot be shown to have judged the same request, so the perspectives are asked.
   */
  CaaReuse reusableCaaEvidence(
      long applicationId, List<String> dnsNames, List<CaaRequester> requesters, Instant now) {
    Application application = applications.get(applicationId);
    Map<Long, Application> sameApplicant =
        applications.ofCustomer(application.getCustomerAccountId()).stream()
            .filter(a -> a.getId() != applicationId)
            .filter(a -> a.getStatus() == ApplicationStatus.ISSUED)
            .filter(a -> a.getOrganizationNameEn().equalsIgnoreCase(application.getOrganizationNameEn()))
            .collect(Collectors.toMap(Application::getId, a -> a));
    if (sameApplicant.isEmpty()) {
      return new CaaReuse(Optional.empty(), "");
    }
    List<Corroboration> sameNames =
        corroborations
            .findBySubjectAndMetTrueAndEnforcedTrueAndCheckedAtAfterAndApplicationIdInOrderByIdDesc(
                Corroboration.Subject.CAA, now.minus(CAA_EVIDENCE_REUSE), sameApplicant.keySet())
            .stream()
            .filter(c -> c.getReusedFrom() == null) // evidence, not a reuse of it: 398 days from the asking
            .filter(c -> covers(c.getDnsNames(), dnsNames))
            .toList();
    for (Corroboration c : sameNames) {
      if (JudgedRequesters.whyNotCovered(c.getCaaRequesters(), dnsNames, requesters).isEmpty()) {
        return new CaaReuse(Optional.of(c), "");
      }
    }
    // The newest evidence of the same names says why it could not stand in.
    return new CaaReuse(
        Optional.empty(),
        sameNames.stream()
            .findFirst()
            .map(c -> "CAA quorum evidence #" + c.getId() + " of application #" + c.getApplicationId()
                + " not reused: " + JudgedRequesters.whyNotCovered(c.getCaaRequesters(), dnsNames, requesters).orElseThrow())
            .orElse(""));
  }

  /**
   * Each name is one of the earlier names or below one ("the same domain or its subdomains"), a
   * wildcard only under a wildcard ({@link JudgedRequesters#covers}).
   */
  static boolean covers(List<String> earlier, List<String> asked) {
    return asked.stream().allMatch(n -> earlier.stream().anyMatch(d -> JudgedRequesters.covers(d, n)));
  }
}
