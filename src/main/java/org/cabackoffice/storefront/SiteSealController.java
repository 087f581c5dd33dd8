package org.cabackoffice.storefront;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.issuance.CertificatePem;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.issuance.RevocationStatus;
import org.cabackoffice.pages.Pages;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The site seal (guide [5-3]): an image the customer puts on the site, linking to a page on the
 * CA's site that shows whom the certificate was issued to, for which names, and whether it is
 * valid now. Public, as the certificate itself is (it is in the CT logs). The image is SVG from
 * a template, short-lived in caches so a revocation shows within minutes.
 */
@Controller
class SiteSealController {

  enum Status {
    VALID,
    REVOKED,
    EXPIRED
  }

  record Seal(
      String serial,
      String organization,
      String commonName,
      java.util.List<String> dnsNames,
      String notBefore,
      String notAfter,
      Status status) {}

  private final IssuedCertificates certificates;
  private final RevocationStatus revocations;
  private final Pages pages;
  private final Clock clock;

  SiteSealController(IssuedCertificates certificates, RevocationStatus revocations, Pages pages, Clock clock) {
    this.certificates = certificates;
    this.revocations = revocations;
    this.pages = pages;
    this.clock = clock;
  }

  @GetMapping("/public/seals/{serial}.svg")
  ResponseEntity<String> image(@PathVariable String serial, HttpServletRequest request) {
    Optional<Seal> seal = seal(serial);
    if (seal.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body("{\"status\":404,\"title\":\"Not Found\",\"detail\":\"no certificate with this serial has a seal\"}");
    }
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .header("X-Content-Type-Options", "nosniff")
        // An SVG opened on its own is a document: no script may run in it.
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .contentType(MediaType.parseMediaType("image/svg+xml;charset=UTF-8"))
        .body(pages.render("storefront/seal-image", request, Map.of("seal", seal.get())));
  }

  @GetMapping("/public/seals/{serial}")
  ResponseEntity<String> verification(@PathVariable String serial, HttpServletRequest request) {
    Optional<Seal> seal = seal(serial);
    return ResponseEntity.status(seal.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND)
        .cacheControl(CacheControl.noCache())
        .contentType(Pages.HTML)
        .body(pages.render("storefront/seal", request, seal.isPresent() ? Map.of("seal", seal.get()) : Map.of()));
  }

  private Optional<Seal> seal(String serial) {
    Optional<IssuedCertificate> found;
    try {
      found = certificates.findBySerial(serial);
    } catch (IllegalArgumentException notASerial) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return found.map(
        c ->
            new Seal(
                c.serial(),
                organization(c),
                c.commonName(),
                c.dnsNames(),
                BusinessCalendar.shown(c.notBefore()),
                BusinessCalendar.shown(c.notAfter()),
                revocations.of(c.serial()).isPresent()
                    ? Status.REVOKED
                    : now.isAfter(c.notAfter()) ? Status.EXPIRED : Status.VALID));
  }

  /** The subject's O, as the certificate states it (OV and EV always carry one). */
  private static String organization(IssuedCertificate certificate) {
    X500Name subject =
        X500Name.getInstance(CertificatePem.parse(certificate.pem()).get(0).getSubjectX500Principal().getEncoded());
    RDN[] organizations = subject.getRDNs(BCStyle.O);
    return organizations.length == 0 ? "" : IETFUtils.valueToString(organizations[0].getFirst().getValue());
  }
}
