package org.cabackoffice.acme;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cabackoffice.calendar.ValidityReductionSchedule;
import org.cabackoffice.csr.CsrCheck;
import org.cabackoffice.csr.CsrCheckContext;
import org.cabackoffice.csr.CsrCheckResult;
import org.cabackoffice.csr.NotACsrException;
import org.cabackoffice.csr.Severity;
import org.cabackoffice.domain.CaaCheck;
import org.cabackoffice.domain.CaaProperties;
import org.cabackoffice.domain.CaaVerdict;
import org.cabackoffice.domain.DomainName;
import org.cabackoffice.domain.corroboration.MultiPerspectiveCorroboration;
import org.cabackoffice.issuance.CertificateAuthority;
import org.cabackoffice.issuance.CertificatePem;
import org.cabackoffice.issuance.CertificateProfile;
import org.cabackoffice.issuance.CertificateIssuer;
import org.cabackoffice.issuance.IssuanceRequest;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.issuance.LintFailedException;
import org.cabackoffice.verification.OrganizationDirectoryEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders, authorizations and challenges (RFC 8555 7.4, 7.5), and the steps of the
 * {@code acme-order} process: the reuse of the organization's identity, CAA, and signing through
 * the issuance use case ({@link CertificateIssuer}) with the guards the application path applies.
 */
@Service
public class AcmeOrders {

  private static final Logger log = LoggerFactory.getLogger(AcmeOrders.class);
  static final int MAX_NAMES = 100;
  private static final String CN_MISSING = "subject.cn.missing";
  static final Duration PENDING_AUTHORIZATION_LIFETIME = Duration.ofDays(7);

  /** Where an order waiting for its CSR stands, for the process. */
  public enum Finalization {
    FINALIZED,
    EXPIRED,
    WAITING
  }

  private final AcmeOrderRepository orders;
  private final AcmeAuthorizationRepository authorizations;
  private final AcmeChallengeRepository challenges;
  private final AcmeAccountRepository accounts;
  private final ChallengeValidation validation;
  private final ValidatedOrganizations organizations;
  private final CsrCheck csrCheck;
  private final CaaCheck caa;
  private final CaaProperties caaProperties;
  private final MultiPerspectiveCorroboration corroboration;
  private final CertificateIssuer issuer;
  private final IssuedCertificates certificates;
  private final CertificateAuthority authority;
  private final AcmeOrderProcess process;
  private final AcmeProperties properties;
  private final AcmeContracts contracts;
  private final AcmeIdentityConfirmationRepository confirmations;
  private final boolean caaEnabled;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public AcmeOrders(
      AcmeOrderRepository orders,
      AcmeAuthorizationRepository authorizations,
      AcmeChallengeRepository challenges,
      AcmeAccountRepository accounts,
      ChallengeValidation validation,
      ValidatedOrganizations organizations,
      CsrCheck csrCheck,
      CaaCheck caa,
      CaaProperties caaProperties,
      MultiPerspectiveCorroboration corroboration,
      CertificateIssuer issuer,
      IssuedCertificates certificates,
      CertificateAuthority authority,
      AcmeOrderProcess process,
      AcmeProperties properties,
      AcmeContracts contracts,
      AcmeIdentityConfirmationRepository confirmations,
      @Value("${backoffice.caa.enabled:true}") boolean caaEnabled,
      Clock clock) {
    this.orders = orders;
    this.authorizations = authorizations;
    this.challenges = challenges;
    this.accounts = accounts;
    this.validation = validation;
    this.organizations = organizations;
    this.csrCheck = csrCheck;
    this.caa = caa;
    this.caaProperties = caaProperties;
    this.corroboration = corroboration;
    this.issuer = issuer;
    this.certificates = certificates;
    this.authority = authority;
    this.process = process;
    this.properties = properties;
    this.contracts = contracts;
    this.confirmations = confirmations;
    this.caaEnabled = caaEnabled;
    this.clock = clock;
  }

  // --- the protocol -------------------------------------------------------------------------

  /**
   * newOrder (RFC 8555 7.4): DNS identifiers only, no wildcards (OV certificates for named
   * hosts); an authorization of the same account for the same name still valid within the day's
   * domain validation reuse period (BR 4.2.1) serves again, otherwise a new one with an http-01
   * and a dns-01 challenge.
   */
  @Transactional
  public AcmeOrder create(AcmeAccount account, String accountUri, JsonNode payload) {
    if (payload.has("notBefore") || payload.has("notAfter")) {
      throw AcmeProblem.malformed("notBefore and notAfter are not supported: the validity follows BR 6.3.2");
    }
    JsonNode identifiers = payload.get("identifiers");
    if (identifiers == null || !identifiers.isArray() || identifiers.isEmpty()) {
      throw AcmeProblem.malformed("an order names at least one identifier");
    }
    if (identifiers.size() > MAX_NAMES) {
      throw new AcmeProblem(AcmeProblem.REJECTED_IDENTIFIER, 400, "at most " + MAX_NAMES + " names per order");
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode identifier : identifiers) {
      if (!identifier.isObject() || !identifier.path("type").isTextual() || !identifier.path("value").isTextual()) {
        throw AcmeProblem.malformed("each identifier is an object with type and value");
      }
      if (!"dns".equals(identifier.get("type").asText())) {
        throw new AcmeProblem(AcmeProblem.UNSUPPORTED_IDENTIFIER, 400, "only dns identifiers are supported");
      }
      names.add(dnsName(identifier.get("value").asText()));
    }
    Instant now = clock.instant();
    AcmeOrder order =
        orders.save(new AcmeOrder(account.getId(), List.copyOf(names), now, now.plus(properties.orderLifetime())));
    List<Long> ids = new ArrayList<>();
    for (String name : names) {
      ids.add(reusableAuthorization(account, name, now).orElseGet(() -> newAuthorization(account, name, now)).getId());
    }
    order.authorizedBy(ids);
    orders.save(order);
    process.start(order.getId(), accountUri);
    log.info("ACME order {} of account {} for {}", order.getId(), account.getId(), names);
    return order;
  }

  private Optional<AcmeAuthorization> reusableAuthorization(AcmeAccount account, String name, Instant now) {
    return authorizations.findByAccountIdAndDnsNameAndStatusOrderByIdDesc(account.getId(), name, AcmeAuthorization.VALID)
        .stream()
        .filter(a -> a.validAt(now))
        .findFirst();
  }

  private AcmeAuthorization newAuthorization(AcmeAccount account, String name, Instant now) {
    AcmeAuthorization authorization =
        authorizations.save(new AcmeAuthorization(account.getId(), name, now, now.plus(PENDING_AUTHORIZATION_LIFETIME)));
    challenges.save(new AcmeChallenge(authorization.getId(), AcmeChallenge.HTTP_01, token()));
    challenges.save(new AcmeChallenge(authorization.getId(), AcmeChallenge.DNS_01, token()));
    return authorization;
  }

  private static String dnsName(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    if (text.startsWith("*.")) {
      throw new AcmeProblem(AcmeProblem.REJECTED_IDENTIFIER, 400, "wildcard names are not issued through ACME here: " + value);
    }
    try {
      String name = DomainName.normalize(text);
      if (!name.contains(".")) {
        throw new AcmeProblem(AcmeProblem.REJECTED_IDENTIFIER, 400, value + " is not a fully-qualified domain name");
      }
      return name;
    } catch (IllegalArgumentException e) {
      throw new AcmeProblem(AcmeProblem.REJECTED_IDENTIFIER, 400, "not a DNS name this CA certifies: " + e.getMessage());
    }
  }

  /** 128 bits from a CSPRNG (RFC 8555 8.1; BR 3.2.2.4: at least 112 bits). */
  private String token() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Transactional(readOnly = true)
  public AcmeOrder order(AcmeAccount account, long orderId) {
    AcmeOrder order = orders.findById(orderId).orElseThrow(() -> AcmeProblem.notFound("no order " + orderId));
    if (order.getAccountId() != account.getId()) {
      throw AcmeProblem.unauthorized("the order belongs to another account");
    }
    return order;
  }

  @Transactional(readOnly = true)
  public List<AcmeOrder> ordersOf(AcmeAccount account) {
    return orders.findByAccountIdOrderByIdAsc(account.getId());
  }

  /** The order's status as the client sees it (RFC 8555 7.1.6). */
  @Transactional(readOnly = true)
  public String statusOf(AcmeOrder order) {
    if (!AcmeOrder.PENDING.equals(order.getStatus())) {
      return order.getStatus();
    }
    Instant now = clock.instant();
    if (!now.isBefore(order.getExpiresAt())) {
      return AcmeOrder.INVALID;
    }
    List<AcmeAuthorization> all = authorizations.findAllById(order.getAuthorizationIds());
    if (all.stream().anyMatch(a -> AcmeAuthorization.INVALID.equals(a.getStatus())
        || AcmeAuthorization.DEACTIVATED.equals(a.getStatus()))) {
      return AcmeOrder.INVALID;
    }
    return all.size() == order.getAuthorizationIds().size() && all.stream().allMatch(a -> a.validAt(now))
        ? AcmeOrder.READY
        : AcmeOrder.PENDING;
  }

  @Transactional(readOnly = true)
  public AcmeAuthorization authorization(AcmeAccount account, long id) {
    AcmeAuthorization authorization =
        authorizations.findById(id).orElseThrow(() -> AcmeProblem.notFound("no authorization " + id));
    if (authorization.getAccountId() != account.getId()) {
      throw AcmeProblem.unauthorized("the authorization belongs to another account");
    }
    return authorization;
  }

  /** Status as shown: a valid or pending authorization past its expiry is expired. */
  public String statusOf(AcmeAuthorization authorization) {
    boolean open = AcmeAuthorization.VALID.equals(authorization.getStatus())
        || AcmeAuthorization.PENDING.equals(authorization.getStatus());
    return open && !clock.instant().isBefore(authorization.getExpiresAt()) ? "expired" : authorization.getStatus();
  }

  @Transactional(readOnly = true)
  public List<AcmeChallenge> challengesOf(AcmeAuthorization authorization) {
    return challenges.findByAuthorizationIdOrderByIdAsc(authorization.getId());
  }

  /** Deactivation of an authorization by its account (RFC 8555 7.5.2). */
  @Transactional
  public AcmeAuthorization deactivate(AcmeAccount account, long id) {
    AcmeAuthorization authorization = authorization(account, id);
    authorization.deactivate();
    return authorizations.save(authorization);
  }

  @Transactional(readOnly = true)
  public AcmeChallenge challenge(AcmeAccount account, long id) {
    AcmeChallenge challenge = challenges.findById(id).orElseThrow(() -> AcmeProblem.notFound("no challenge " + id));
    authorization(account, challenge.getAuthorizationId());
    return challenge;
  }

  /**
   * The client says the challenge is ready (RFC 8555 7.5.1): checked now, once; a failed check
   * makes the authorization invalid (8.2: a new order starts over). A valid one lasts the day's
   * domain validation reuse period (BR 4.2.1).
   */
  @Transactional
  public AcmeChallenge respond(AcmeAccount account, long id) {
    AcmeChallenge challenge = challenge(account, id);
    AcmeAuthorization authorization = authorizations.findById(challenge.getAuthorizationId()).orElseThrow();
    if (!AcmeChallenge.PENDING.equals(challenge.getStatus())
        || !AcmeAuthorization.PENDING.equals(statusOf(authorization))) {
      return challenge;
    }
    String keyAuthorization = ChallengeValidation.keyAuthorization(challenge.getToken(), account.getKeyThumbprint());
    ChallengeValidation.Outcome outcome =
        validation.check(challenge.getType(), authorization.getDnsName(), keyAuthorization);
    Instant now = clock.instant();
    if (outcome.valid()) {
      challenge.valid(now, outcome.evidence());
      int days = ValidityReductionSchedule.at(now).domainValidationReuseDays();
      authorization.validated(challenge.getType(), now, now.plus(Duration.ofDays(days)));
      log.info("ACME authorization {} for {} validated by {}", authorization.getId(), authorization.getDnsName(), challenge.getType());
    } else {
      challenge.invalid(outcome.evidence(), outcome.problemType() + ": " + outcome.error());
      authorization.invalid();
      log.info("ACME challenge {} for {} failed: {}", challenge.getId(), authorization.getDnsName(), outcome.error());
    }
    authorizations.save(authorization);
    return challenges.save(challenge);
  }

  /**
   * finalize (RFC 8555 7.4): the order must be ready; the CSR must pass the CA's CSR policy and
   * name exactly the order's names. The organization fields come from the validated record, not
   * the CSR (BR 7.1.4.2), so a CSR without them is fine.
   */
  @Transactional
  public AcmeOrder finalizeOrder(AcmeAccount account, long orderId, JsonNode payload) {
    // The order's row lock before anything is read: a look of the order's process that read the
    // order pending has committed its wait by now, so the process is told below
    // ({@link #finalization}); a second finalize of the order waits and finds it processing.
    orders.lockedStatus(orderId);
    AcmeOrder order = order(account, orderId);
    String status = statusOf(order);
    if (!AcmeOrder.READY.equals(status)) {
      throw new AcmeProblem(AcmeProblem.ORDER_NOT_READY, 403, "the order is " + status + ", not ready");
    }
    JsonNode csrField = payload.get("csr");
    if (csrField == null || !csrField.isTextual()) {
      throw AcmeProblem.malformed("finalize carries the CSR as csr, base64url DER");
    }
    byte[] der;
    try {
      der = Base64.getUrlDecoder().decode(csrField.asText());
    } catch (IllegalArgumentException e) {
      throw new AcmeProblem(AcmeProblem.BAD_CSR, 400, "csr is not base64url");
    }
    String pem = pem(der);
    CsrCheckResult result = check(pem, account);
    Set<String> asked = new LinkedHashSet<>();
    if (result.subject() != null && result.subject().commonName() != null) {
      asked.add(result.subject().commonName().toLowerCase(Locale.ROOT));
    }
    result.sans().forEach(n -> asked.add(n.toLowerCase(Locale.ROOT)));
    Set<String> ordered = new LinkedHashSet<>(order.getDnsNames());
    if (!asked.equals(ordered)) {
      throw new AcmeProblem(AcmeProblem.BAD_CSR, 400,
          "the CSR names " + asked + ", the order " + ordered + "; they must be the same");
    }
    order.finalizeWith(pem, clock.instant());
    // Written before the process is told: its look at the order, in this transaction, reads it.
    orders.saveAndFlush(order);
    process.finalized(order.getId());
    return order;
  }

  private CsrCheckResult check(String pem, AcmeAccount account) {
    CsrCheckResult result;
    try {
      // Organization fields are the CA's to fill in (BR 7.1.4.2): not required of the CSR.
      result = csrCheck.check(pem.getBytes(StandardCharsets.US_ASCII),
          new CsrCheckContext(null, false, account.getCustomerAccountId()));
    } catch (NotACsrException e) {
      throw new AcmeProblem(AcmeProblem.BAD_CSR, 400, e.getMessage());
    }
    // RFC 8555 7.4: the names are the CSR's subjectAltNames; clients (certbot among them) leave
    // the subject empty, and the CA sets the CN to the first name itself (BR 7.1.4.3).
    List<String> errors = result.findings().stream()
        .filter(f -> f.severity() == Severity.ERROR && !CN_MISSING.equals(f.code()))
        .map(f -> f.code() + ": " + f.message())
        .toList();
    if (!errors.isEmpty()) {
      throw new AcmeProblem(AcmeProblem.BAD_CSR, 400, String.join("; ", errors));
    }
    if (result.sans().isEmpty()) {
      throw new AcmeProblem(AcmeProblem.BAD_CSR, 400, "the CSR names no DNS name in its subjectAltName");
    }
    return result;
  }

  private static String pem(byte[] der) {
    return "-----BEGIN CERTIFICATE REQUEST-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END CERTIFICATE REQUEST-----\n";
  }

  /** The certificate and the issuing CA's certificate (RFC 8555 7.4.2), for the order's account. */
  @Transactional(readOnly = true)
  public String chain(AcmeAccount account, String serial) {
    AcmeOrder order = orders.findFirstByCertificateSerial(serial)
        .filter(o -> o.getAccountId() == account.getId())
        .orElseThrow(() -> AcmeProblem.notFound("no certificate " + serial + " of this account"));
    IssuedCertificate certificate = certificates.findBySerial(order.getCertificateSerial()).orElseThrow();
    return certificate.pem().strip() + "\n" + CertificatePem.encode(authority.issuingCertificate()).strip() + "\n";
  }

  // --- the process's steps ------------------------------------------------------------------

  /**
   * Whether the organization's identity validation may be reused today (BR 4.2.1: 398 days for
   * subject identity, the day's row of {@link ValidityReductionSchedule}); records the basis.
   */
  @Transactional
  public boolean identityCurrent(long orderId) {
    AcmeOrder order = orders.findById(orderId).orElseThrow();
    AcmeAccount account = accounts.findById(order.getAccountId()).orElseThrow();
    Optional<OrganizationDirectoryEntry> entry =
        organizations.entry(account.getOrganizationEntryId()).filter(e -> e.getClosedOn() == null);
    Optional<ValidatedOrganizations.Validated> latest =
        entry.flatMap(e -> organizations.latest(account.getCustomerAccountId(), e));
    boolean current = latest.filter(v -> organizations.withinReusePeriod(v.validatedAt())).isPresent();
    order.identity(current,
        latest.map(v -> (current ? "reused: " : "past the reuse period: ") + v.basis())
            .orElse("no validation of the organization on record"));
    orders.save(order);
    return current;
  }

  /**
   * An officer's answer for an order beyond the organization's contract: approved over the
   * contract (recorded with who and why), or rejected, which makes the order invalid with a
   * problem the client can show its operator (RFC 8555 7.1.6, 6.7).
   */
  @Transactional
  public void beyondContractAnswered(long orderId, String beyondReason, String officer, boolean approved, String why) {
    if (approved) {
      contracts.approveBeyond(orderId, beyondReason, officer, why);
      return;
    }
    AcmeOrder order = orders.findById(orderId).orElseThrow();
    refuse(order, AcmeProblem.UNAUTHORIZED, "the order is beyond the organization's ACME contract ("
        + beyondReason + ") and the CA did not approve it: " + why.strip());
  }

  /**
   * Where the order stands for the process's look at it (before its wait for the CSR, and each
   * time the wait ends).
   *
   * <p>The look and a finalize take the order's row lock ({@link AcmeOrderRepository#lockedStatus})
   * before they decide, so they cannot interleave. Without it the look could read the order
   * pending, a finalize commit and find no process waiting, and then the look commit its wait: the
   * order would sit processing until the wait's one-minute timer looked again. Now either the look
   * comes first and the finalize, queued on the row until the wait is committed, finds the process
   * waiting and tells it; or the finalize comes first and the look, queued behind it, reads the
   * order processing and goes on without waiting. The lock is held from the look to the end of its
   * transaction, which only enters the wait (H2's two-second lock timeout is far off).
   */
  @Transactional
  public Finalization finalization(long orderId) {
    String committed = orders.lockedStatus(orderId).orElseThrow();
    if (AcmeOrder.PROCESSING.equals(committed)) {
      return Finalization.FINALIZED;
    }
    if (AcmeOrder.INVALID.equals(committed)) {
      return Finalization.EXPIRED;
    }
    AcmeOrder order = orders.findById(orderId).orElseThrow();
    String status = statusOf(order);
    return AcmeOrder.INVALID.equals(status) ? Finalization.EXPIRED : Finalization.WAITING;
  }

  /**
   * CAA for every name right before signing (BR 3.2.2.8), with RFC 8657's {@code accounturi} and
   * {@code validationmethods} for this account and each name's method; the primary's permission
   * corroborated by the remote perspectives (BR 3.2.2.9) as on the application path
   * ({@code CaaBeforeIssuance}), stored as the order's CAA corroboration: the auditors' record of
   * the order shows it, the attempts of a failed quorum included (they are kept in their own
   * transaction, which the retry's rollback leaves).
   *
   * @throws IllegalStateException when a lookup failed or the perspectives did not corroborate
   *     (a perspective down, a route hijacked): the job retries, each time asking afresh, then an
   *     incident; nothing is signed
   */
  @Transactional
  public boolean caaPermits(long orderId, String accountUri) {
    AcmeOrder order = orders.findById(orderId).orElseThrow();
    if (!caaEnabled) {
      return true;
    }
    List<String> refusals = new ArrayList<>();
    java.util.Map<String, org.cabackoffice.domain.CaaRequester> requesterOf = new java.util.HashMap<>();
    for (AcmeAuthorization authorization : authorizations.findAllById(order.getAuthorizationIds())) {
      requesterOf.put(
          authorization.getDnsName(),
          org.cabackoffice.domain.CaaRequester.acme(accountUri, authorization.getValidatedBy()));
      CaaVerdict verdict = caa.check(List.of(authorization.getDnsName()),
          new CaaCheck.AcmeRequest(accountUri, authorization.getValidatedBy()));
      if (verdict.refusedOnlyByLookupFailures()) {
        throw new IllegalStateException("ACME order " + orderId + ": CAA could not be looked up: " + verdict.refusals());
      }
      refusals.addAll(verdict.refusals());
    }
    if (!refusals.isEmpty()) {
      return refuse(order, AcmeProblem.CAA, String.join("; ", refusals));
    }
    MultiPerspectiveCorroboration.Outcome corroborated =
        corroboration.acmeOrderCaa(
            orderId,
            order.getDnsNames(),
            caaProperties.issuerDomains(),
            // The perspectives judge the same request the primary judged (RFC 8657 5.6).
            order.getDnsNames().stream()
                .map(name -> requesterOf.getOrDefault(name, org.cabackoffice.domain.CaaRequester.acme(accountUri, null)))
                .toList());
    if (!corroborated.permitsIssuance()) {
      throw new IllegalStateException(
          "ACME order " + orderId + ": CAA permits issuance here, but " + corroborated.summary());
    }
    return true;
  }

  /**
   * Signs through {@link CertificateIssuer} (lint, CT, signing record) after the guards the
   * application path applies right before signing: every name's validation still within its
   * reuse period (BR 4.2.1), the key rechecked (blocklist, other customers; BR 6.1.1.3), and the
   * subject taken from the validated organization record (BR 7.1.4.2).
   */
  @Transactional
  public boolean sign(long orderId) {
    AcmeOrder order = orders.findById(orderId).orElseThrow();
    if (order.getCertificateSerial() != null) {
      return true;
    }
    AcmeAccount account = accounts.findById(order.getAccountId()).orElseThrow();
    Instant now = clock.instant();
    if (!account.isValid()) {
      return refuse(order, AcmeProblem.UNAUTHORIZED, "the account was deactivated");
    }
    if (!authorizations.findAllById(order.getAuthorizationIds()).stream().allMatch(a -> a.validAt(now))) {
      return refuse(order, AcmeProblem.UNAUTHORIZED, "a name's validation is no longer within its reuse period (BR 4.2.1)");
    }
    CsrCheckResult csr;
    try {
      csr = check(order.getCsrPem(), account);
    } catch (AcmeProblem e) {
      return refuse(order, AcmeProblem.BAD_CSR, e.getMessage());
    }
    Optional<OrganizationDirectoryEntry> record =
        organizations.entry(account.getOrganizationEntryId()).filter(e -> e.getClosedOn() == null);
    if (record.isEmpty()) {
      return refuse(order, AcmeProblem.UNAUTHORIZED, "the organization's record was closed");
    }
    OrganizationDirectoryEntry entry = record.get();
    // Asked again at signing, as the application path asks for its approval: no path around the
    // identity steps (a moved instance, an older model version) signs on a stale or unapproved
    // validation of the organization (BR 4.2.1; EV Guidelines 5.2.4).
    if (organizations.latest(account.getCustomerAccountId(), entry)
        .filter(v -> organizations.withinReusePeriod(v.validatedAt())).isEmpty()) {
      return refuse(order, AcmeProblem.UNAUTHORIZED,
          "the organization's identity has no approved validation within the reuse period (BR 4.2.1)");
    }
    List<String> names = order.getDnsNames();
    try {
      // Keyed by the order: a retry after the certificate was stored but before the order
      // named its serial (a crash between the two commits) gets that certificate, not a second.
      IssuedCertificate certificate = issuer.issue(IssuanceRequest.forAcmeOrder(
          orderId, account.getCustomerAccountId(), names.get(0), names,
          entry.getNameEn(), entry.getLocality(), entry.getStateOrProvince(), entry.getCountry(),
          csr.subjectPublicKeyInfo()));
      order.issued(certificate.serial());
      orders.save(order);
      log.info("ACME order {} issued certificate {}", orderId, certificate.serial());
      return true;
    } catch (LintFailedException e) {
      return refuse(order, AcmeProblem.BAD_CSR, "pre-issuance lint refused the certificate: " + e.getMessage());
    }
  }

  /** Ends the order as invalid with the reason (a stage's time ran out). */
  @Transactional
  public void fail(long orderId, String detail) {
    AcmeOrder order = orders.findById(orderId).orElseThrow();
    if (!AcmeOrder.INVALID.equals(order.getStatus())) {
      refuse(order, AcmeProblem.UNAUTHORIZED, detail);
    }
  }

  private boolean refuse(AcmeOrder order, String type, String detail) {
    order.failed(type, detail);
    orders.save(order);
    // A call that waited for the second officer waits no more: it says the order ended, and why.
    confirmations
        .findFirstByOrderIdAndApprovalOrderByIdDesc(order.getId(), AcmeIdentityConfirmation.PENDING)
        .ifPresent(call -> {
          call.endedWithTheOrder(detail, clock.instant());
          confirmations.save(call);
        });
    // Nothing was signed: what the order took from the contract goes back.
    contracts.giveBack(order.getId());
    log.info("ACME order {} refused: {}", order.getId(), detail);
    return false;
  }

  /** The organization as the officer's form shows it: the record, its main number, the customer. */
  @Transactional(readOnly = true)
  public String organizationText(AcmeOrder order) {
    AcmeAccount account = accounts.findById(order.getAccountId()).orElseThrow();
    return organizations.entry(account.getOrganizationEntryId())
        .map(e -> "#" + e.getId() + " " + e.getNameEn() + " / " + e.getNameJa() + ", " + e.getStateOrProvince() + " "
            + e.getLocality() + ", main number " + (e.getMainPhone() == null ? "-" : e.getMainPhone())
            + " (customer #" + account.getCustomerAccountId() + ", ACME account " + account.getId() + ")")
        .orElse("record #" + account.getOrganizationEntryId() + " is gone");
  }

  @Transactional(readOnly = true)
  public Optional<AcmeOrder> byId(long orderId) {
    return orders.findById(orderId);
  }

  @Transactional(readOnly = true)
  public Optional<AcmeAccount> accountOf(AcmeOrder order) {
    return accounts.findById(order.getAccountId());
  }
}
