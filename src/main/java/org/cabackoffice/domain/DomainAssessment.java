package org.cabackoffice.domain;

import com.google.common.net.InternetDomainName;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.Applications;
import org.cabackoffice.csr.CsrCheck;
import org.cabackoffice.csr.CsrCheckContext;
import org.cabackoffice.csr.CsrCheckResult;
import org.springframework.stereotype.Service;

/**
 * The guide's domain step [3-1] for one application: whose is the registered domain behind every
 * name of the certificate, and is it the applicant's?
 */
@Service
public class DomainAssessment {

  public enum Outcome {
    /** The registrant is the applicant. */
    MATCH,
    /** The registrant's name is close to the applicant's: an officer compares them. */
    COMPARE,
    /** Someone else (or nobody visible) is the registrant: ask the WHOIS contacts. */
    CONSENT_NEEDED,
    /** The application cannot go on; {@code rejectionCode} says why. */
    REFUSED
  }

  /**
   * @param evidenceId the {@link RegistrationEvidence} the decision rests on (which itself names
   *     a reused lookup), or null when no registry was consulted
   * @param registrationFinding what the officer must see about the registration (it has
   *     expired), or null
   */
  public record Result(
      Outcome outcome,
      String registrableDomain,
      List<String> contactEmails,
      String rejectionCode,
      String detail,
      Long evidenceId,
      String registrantOrganization,
      String registrationFinding) {

    Result(Outcome outcome, String domain, List<String> contacts, String code, String detail, Long evidenceId) {
      this(outcome, domain, contacts, code, detail, evidenceId, null, null);
    }
  }

  private final Applications applications;
  private final CsrCheck csrCheck;
  private final DomainCheck domainCheck;
  private final ListedOrganizationNames directory;

  public DomainAssessment(
      Applications applications,
      CsrCheck csrCheck,
      DomainCheck domainCheck,
      ListedOrganizationNames directory) {
    this.applications = applications;
    this.csrCheck = csrCheck;
    this.domainCheck = domainCheck;
    this.directory = directory;
  }

  /**
   * @throws RegistryUnavailableException when the registry does not answer usefully; the job is
   *     retried and then becomes an incident operations can see
   */
  public Result assess(long applicationId) {
    Application application = applications.get(applicationId);
    Set<String> registrable = new LinkedHashSet<>();
    certificateNames(applicationId).forEach(name -> registrable.add(registrableDomain(name)));
    if (registrable.size() > 1) {
      return new Result(
          Outcome.REFUSED,
          null,
          List.of(),
          "DOMAIN_SPANS_REGISTRABLE_DOMAINS",
          String.join(", ", registrable),
          null);
    }
    String domain = registrable.iterator().next();
    DomainCheckResult check = domainCheck.check(domain, applicantNames(application));
    if (!check.registered()) {
      return new Result(
          Outcome.REFUSED, domain, List.of(), "DOMAIN_NOT_REGISTERED", domain, check.evidenceId());
    }
    String finding = expiryFinding(check);
    if (check.match() == NameMatch.MATCH && finding == null) {
      return new Result(
          Outcome.MATCH, domain, check.contactEmails(), null, null, check.evidenceId());
    }
    // A lapsed registration's registrant may no longer hold the domain: never an automatic
    // match, an officer compares with the finding in view.
    if (check.match() == NameMatch.MATCH || check.match() == NameMatch.CLOSE) {
      return new Result(
          Outcome.COMPARE,
          domain,
          check.contactEmails(),
          null,
          null,
          check.evidenceId(),
          check.registrantOrganization(),
          finding);
    }
    if (check.contactEmails().isEmpty()) {
      return new Result(
          Outcome.REFUSED,
          domain,
          List.of(),
          "DOMAIN_NO_CONTACT",
          domain + " (" + check.server() + ")",
          check.evidenceId(),
          null,
          finding);
    }
    return new Result(
        Outcome.CONSENT_NEEDED, domain, check.contactEmails(), null, null, check.evidenceId(), null, finding);
  }

  private static String expiryFinding(DomainCheckResult check) {
    if (!check.registrationExpired()) {
      return null;
    }
    return "The registration of " + check.domain() + " expired on " + check.registrationExpiresOn()
        + " (" + check.source() + " " + check.server() + "): the registrant it names may no longer"
        + " hold the domain / 登録の有効期限 (" + check.registrationExpiresOn() + ") が過ぎています";
  }

  /**
   * The applicant's English and Japanese names as applied for, then its directory entry's, which
   * may be the official form the registrant was registered under.
   */
  private List<String> applicantNames(Application application) {
    Set<String> names = new LinkedHashSet<>();
    names.add(application.getOrganizationNameEn());
    names.add(application.getOrganizationNameJa());
    names.addAll(
        directory.listedNames(application.getOrganizationNameEn(), application.getOrganizationNameJa()));
    names.removeIf(name -> name == null || name.isBlank());
    return List.copyOf(names);
  }

  /** Every DNS name the certificate will carry: the CN and the CSR's subjectAltNames. */
  public List<String> certificateNames(long applicationId) {
    Application application = applications.get(applicationId);
    CsrCheckResult csr =
        csrCheck.check(
            application.getCsrPem().getBytes(StandardCharsets.US_ASCII),
            CsrCheckContext.standalone());
    Set<String> names = new LinkedHashSet<>();
    names.add(application.getCommonName().toLowerCase(Locale.ROOT));
    csr.sans().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
    return List.copyOf(names);
  }

  /** The domain a registrant holds: the name just below its public suffix (Public Suffix List). */
  public static String registrableDomain(String name) {
    String host = name.toLowerCase(Locale.ROOT);
    if (host.startsWith("*.")) {
      host = host.substring(2);
    }
    return InternetDomainName.from(host).topPrivateDomain().toString();
  }
}
