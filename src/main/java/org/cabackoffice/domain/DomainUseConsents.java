package org.cabackoffice.domain;

import org.cabackoffice.input.Truncation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.OutgoingMail;
import org.cabackoffice.mail.Outbox;
import org.cabackoffice.workflow.ProcessSignals;
import org.cabackoffice.workflow.RenewalProcess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Domain-use consent (guide [3-1]): when the WHOIS registrant is not the applicant, each WHOIS
 * contact (registrant, administrative, technical) gets a mail from the consent sender with the
 * subject 「ドメイン名 (…) 使用権確認のお願い」 and a link carrying a single-use token. The first
 * decision closes the others and is delivered to the application's process.
 *
 * <p>Tokens carry 256 bits from {@link SecureRandom} (BR: at least 112 bits) and live at most 30
 * days (BR 3.2.2.4 random values). Mails go through the outbox in the caller's transaction with a
 * dedup key per address (and per reminder), so a retried job mails nobody twice.
 */
@Service
public class DomainUseConsents {

  static final String CONSENT_TEMPLATE = "domain-use-consent";
  static final String REMINDER_TEMPLATE = "domain-use-consent-reminder";
  static final String PAGE_PATH = "/public/domain-consent/";

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

  private final DomainUseConsentRepository consents;
  private final RegistrationEvidenceRepository registrations;
  private final ApplicantOrganizations applicants;
  private final MailTemplates templates;
  private final Outbox outbox;
  private final ProcessSignals signals;
  private final Clock clock;
  private final DomainConsentProperties properties;
  private final String sender;
  private final String baseUrl;
  private final SecureRandom random = new SecureRandom();

  public DomainUseConsents(
      DomainUseConsentRepository consents,
      RegistrationEvidenceRepository registrations,
      ApplicantOrganizations applicants,
      MailTemplates templates,
      Outbox outbox,
      ProcessSignals signals,
      Clock clock,
      DomainConsentProperties properties,
      @Value("${backoffice.mail.domain-consent-from}") String sender,
      @Value("${backoffice.base-url}") String baseUrl) {
    this.consents = consents;
    this.registrations = registrations;
    this.applicants = applicants;
    this.templates = templates;
    this.outbox = outbox;
    this.signals = signals;
    this.clock = clock;
    this.properties = properties;
    this.sender = sender;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /**
   * Asks the contacts the newest stored registry record of the domain names: the addresses come
   * from the evidence auditors read, never from anything the process carries.
   */
  @Transactional
  public List<String> requestFromRecord(long applicationId, String domain) {
    List<String> contacts =
        registrations
            .findFirstByDomainNameAndReusedEvidenceIdIsNullOrderByQueriedAtDesc(DomainName.normalize(domain))
            .map(RegistrationEvidence::getContactEmails)
            .orElse(List.of());
    return request(applicationId, domain, contacts);
  }

  /**
   * Asks each distinct contact address once per (application, domain). Addresses already asked
   * are not mailed again, and nobody is asked once a contact has decided.
   *
   * @return every address asked about this domain for this application, in the order first asked
   *     (the same list when a job is retried)
   * @throws IllegalArgumentException unknown application or invalid domain name
   */
  @Transactional
  public List<String> request(long applicationId, String domain, List<String> contactEmails) {
    String domainName = DomainName.normalize(domain);
    List<DomainUseConsent> existing =
        consents.findByApplicationIdAndDomainNameOrderByIdAsc(applicationId, domainName);
    List<String> asked = new ArrayList<>(existing.stream().map(DomainUseConsent::getEmail).toList());
    boolean decided =
        existing.stream()
            .anyMatch(
                c ->
                    c.getStatus() == DomainUseConsent.Status.APPROVED
                        || c.getStatus() == DomainUseConsent.Status.DECLINED);
    if (decided || contactEmails == null) {
      return asked;
    }
    Set<String> seen = new HashSet<>();
    asked.forEach(a -> seen.add(a.toLowerCase(Locale.ROOT)));
    String applicant = null;
    Instant now = clock.instant();
    for (String raw : contactEmails) {
      String email = raw == null ? "" : raw.strip();
      if (!EMAIL.matcher(email).matches() || !seen.add(email.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (applicant == null) {
        applicant =
            applicants
                .displayName(applicationId)
                .orElseThrow(
                    () -> new IllegalArgumentException("no application " + applicationId));
      }
      DomainUseConsent consent =
          consents.save(
              new DomainUseConsent(
                  applicationId,
                  domainName,
                  email,
                  applicant,
                  newToken(),
                  now,
                  now.plus(properties.validity())));
      mail(
          "domain-use-consent:" + applicationId + ":" + domainName + ":" + email.toLowerCase(Locale.ROOT),
          CONSENT_TEMPLATE,
          consent);
      asked.add(email);
    }
    return asked;
  }

  /** Mails a reminder to every contact whose token is still open; each reminder has its own key. */
  @Transactional
  public void remind(long applicationId) {
    Instant now = clock.instant();
    for (DomainUseConsent consent :
        consents.findByApplicationIdAndStatusOrderByIdAsc(
            applicationId, DomainUseConsent.Status.PENDING)) {
      if (!consent.isOpen(now)) {
        continue;
      }
      int n = consent.countReminder();
      consents.save(consent);
      mail("domain-use-consent-reminder:" + consent.getId() + ":" + n, REMINDER_TEMPLATE, consent);
    }
  }

  /** The process stopped waiting: pending tokens can no longer be used. */
  @Transactional
  public void expire(long applicationId) {
    Instant now = clock.instant();
    for (DomainUseConsent consent :
        consents.findByApplicationIdAndStatusOrderByIdAsc(
            applicationId, DomainUseConsent.Status.PENDING)) {
      consent.close(DomainUseConsent.Status.EXPIRED, now);
      consents.save(consent);
    }
  }

  /**
   * The request behind a token, for the consent page.
   *
   * @throws UnknownConsentTokenException no such token
   * @throws ConsentClosedException used, superseded or expired
   */
  @Transactional(readOnly = true)
  public DomainUseConsent open(String token) {
    DomainUseConsent consent = find(token);
    requireOpen(consent);
    return consent;
  }

  /**
   * Records the contact's decision, closes the other contacts' tokens for this domain, and tells
   * the process ({@link RenewalProcess.Messages#DOMAIN_CONSENT_DECIDED}). All or nothing: if the
   * process no longer waits, nothing is recorded.
   *
   * @param decidedFrom the client's address, kept with the decision
   * @throws UnknownConsentTokenException no such token
   * @throws ConsentClosedException used, superseded, expired, or the process no longer waits
   */
  @Transactional
  public DomainUseConsent decide(String token, boolean approved, String decidedFrom) {
    DomainUseConsent consent = find(token);
    requireOpen(consent);
    Instant now = clock.instant();
    consent.decide(approved, now, Truncation.cut(decidedFrom, 64));
    consents.save(consent);
    for (DomainUseConsent other :
        consents.findByApplicationIdAndDomainNameOrderByIdAsc(
            consent.getApplicationId(), consent.getDomainName())) {
      if (!other.getId().equals(consent.getId())
          && other.getStatus() == DomainUseConsent.Status.PENDING) {
        other.close(DomainUseConsent.Status.SUPERSEDED, now);
        consents.save(other);
      }
    }
    try {
      signals.deliver(
          RenewalProcess.Messages.DOMAIN_CONSENT_DECIDED,
          consent.getApplicationId(),
          Map.of(RenewalProcess.Variables.DOMAIN_CONSENT_APPROVED, approved));
    } catch (ProcessSignals.NoProcessWaitingException e) {
      throw new ConsentClosedException(ConsentClosedException.Why.NO_LONGER_AWAITED, e);
    }
    return consent;
  }

  private DomainUseConsent find(String token) {
    if (token == null || !token.matches("[A-Za-z0-9_-]{22,64}")) {
      throw new UnknownConsentTokenException();
    }
    return consents.findByToken(token).orElseThrow(UnknownConsentTokenException::new);
  }

  private void requireOpen(DomainUseConsent consent) {
    switch (consent.getStatus()) {
      case APPROVED, DECLINED -> throw new ConsentClosedException(ConsentClosedException.Why.USED);
      case SUPERSEDED ->
          throw new ConsentClosedException(ConsentClosedException.Why.ANSWERED_BY_ANOTHER_CONTACT);
      case EXPIRED -> throw new ConsentClosedException(ConsentClosedException.Why.EXPIRED);
      case PENDING -> {
        if (!consent.isOpen(clock.instant())) {
          throw new ConsentClosedException(ConsentClosedException.Why.EXPIRED);
        }
      }
    }
  }

  private void mail(String dedupKey, String template, DomainUseConsent consent) {
    Map<String, Object> model =
        Map.of(
            "domain", consent.getDomainName(),
            "email", consent.getEmail(),
            "applicant", consent.getApplicantOrganization(),
            "link", baseUrl + PAGE_PATH + consent.getToken(),
            "expiresAt", BusinessCalendar.shown(consent.getExpiresAt()));
    OutgoingMail mail = templates.compose(dedupKey, template, consent.getEmail(), model, List.of());
    outbox.enqueue(mail.withFrom(sender).about(consent.getApplicationId()));
  }

  /** 256 random bits, URL-safe base64 without padding (43 characters). */
  private String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }


  /** No consent request has this token. */
  public static class UnknownConsentTokenException extends RuntimeException {
    public UnknownConsentTokenException() {
      super("unknown domain-use consent link");
    }
  }

  /** The token was used, superseded or has expired, or the process no longer waits. */
  public static class ConsentClosedException extends RuntimeException {

    /** Why the link is closed, which the page tells the contact in their language. */
    public enum Why {
      USED("this link has already been used"),
      ANSWERED_BY_ANOTHER_CONTACT("another contact of this domain has already answered"),
      EXPIRED("this request has expired"),
      NO_LONGER_AWAITED("the application no longer waits for this decision");

      private final String text;

      Why(String text) {
        this.text = text;
      }
    }

    private final Why why;

    public ConsentClosedException(Why why) {
      super(why.text);
      this.why = why;
    }

    public ConsentClosedException(Why why, Throwable cause) {
      super(why.text, cause);
      this.why = why;
    }

    public Why why() {
      return why;
    }
  }
}
