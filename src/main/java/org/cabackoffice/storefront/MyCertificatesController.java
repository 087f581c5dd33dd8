package org.cabackoffice.storefront;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.ApplicationNotFoundException;
import org.cabackoffice.application.Applications;
import org.cabackoffice.application.RenewalWindow;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.issuance.RevocationStatus;
import org.springframework.http.ResponseEntity;
import org.cabackoffice.access.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * My certificates, the storefront's first page: each certificate of the account with its
 * product, CN, validity, status and whether it may be renewed now. The renewal window is the
 * intake's own {@link RenewalWindow}, so the page never offers what the intake would refuse.
 */
@Controller
class MyCertificatesController {

  /** What a certificate is now: revocation wins over expiry (as GET /api/certificates/{serial}). */
  enum Status {
    ISSUED,
    REVOKED,
    EXPIRED
  }

  record CertificateRow(
      String serial,
      String commonName,
      String productNameJa,
      String productNameEn,
      String notBefore,
      String notAfter,
      Status status,
      boolean renewable,
      String renewalOpens,
      String renewalCloses,
      boolean renewalTooEarly) {}

  private final StorefrontPages pages;
  private final IssuedCertificates certificates;
  private final RevocationStatus revocations;
  private final Applications applications;
  private final Clock clock;
  private final String baseUrl;

  MyCertificatesController(
      StorefrontPages pages,
      IssuedCertificates certificates,
      RevocationStatus revocations,
      Applications applications,
      Clock clock,
      @org.springframework.beans.factory.annotation.Value("${backoffice.base-url}") String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.pages = pages;
    this.certificates = certificates;
    this.revocations = revocations;
    this.applications = applications;
    this.clock = clock;
  }

  @PreAuthorize("hasRole('" + Roles.CUSTOMER + "')")
  @GetMapping("/")
  ResponseEntity<String> myCertificates(HttpServletRequest request) {
    long account = pages.account().getId();
    Instant now = clock.instant();
    List<CertificateRow> rows =
        certificates.ofCustomer(account).stream().map(c -> row(c, now)).toList();
    // The seal's embed code names the CA's public address (guide [5-3]).
    return pages.page("storefront/certificates", request, Map.of("certificates", rows, "baseUrl", baseUrl));
  }

  private CertificateRow row(IssuedCertificate certificate, Instant now) {
    Status status =
        revocations.of(certificate.serial()).isPresent()
            ? Status.REVOKED
            : now.isAfter(certificate.notAfter()) ? Status.EXPIRED : Status.ISSUED;
    RenewalWindow window = new RenewalWindow(certificate.notBefore(), certificate.notAfter());
    // A revoked certificate is renewed by a new application, not a renewal of it.
    boolean inside = window.check(now).isEmpty() && status != Status.REVOKED;
    Application applied = appliedWith(certificate);
    return new CertificateRow(
        certificate.serial(),
        certificate.commonName(),
        applied == null ? null : applied.getProduct().nameJa(),
        applied == null ? null : applied.getProduct().nameEn(),
        BusinessCalendar.shown(certificate.notBefore()),
        BusinessCalendar.shown(certificate.notAfter()),
        status,
        inside,
        BusinessCalendar.shown(window.opens()),
        BusinessCalendar.shown(window.closes()),
        now.isBefore(window.opens()));
  }

  /** The application that brought the certificate; none for one imported from the previous system. */
  private Application appliedWith(IssuedCertificate certificate) {
    if (certificate.applicationId() == null) {
      return null;
    }
    try {
      return applications.get(certificate.applicationId());
    } catch (ApplicationNotFoundException gone) {
      return null;
    }
  }
}
