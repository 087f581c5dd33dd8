package org.cabackoffice.acme;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.bouncycastle.asn1.x509.Extension;
import org.cabackoffice.issuance.CertificateAuthority;
import org.cabackoffice.issuance.CertificateSerial;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.revocation.CertificateRevocations;
import org.cabackoffice.revocationplan.RevocationPlans;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ACME Renewal Information (RFC 9773): the window in which a client should renew a certificate.
 * From two thirds of the validity period to five sixths, so a failed renewal leaves a sixth of the lifetime to try again; a
 * revoked certificate is due now (RFC 9773 4.2). A certificate in an approved revocation plan
 * (BR 5.7.1.2, SC-089) is due before the planned revocation, with the plan's public page as
 * explanation.
 */
@Service
public class RenewalInfo {

  /** The suggested window, and a page explaining it when it moved. */
  public record Window(Instant start, Instant end, String explanation) {}

  private final IssuedCertificates certificates;
  private final CertificateRevocations revocations;
  private final CertificateAuthority authority;
  private final RevocationPlans plans;
  private final Clock clock;

  public RenewalInfo(
      IssuedCertificates certificates,
      CertificateRevocations revocations,
      CertificateAuthority authority,
      RevocationPlans plans,
      Clock clock) {
    this.certificates = certificates;
    this.revocations = revocations;
    this.authority = authority;
    this.plans = plans;
    this.clock = clock;
  }

  /**
   * @param certId base64url(authority key identifier) "." base64url(serial's DER integer bytes)
   *     (RFC 9773 4.1)
   */
  @Transactional(readOnly = true)
  public Window windowFor(String certId) {
    int dot = certId == null ? -1 : certId.indexOf('.');
    if (dot <= 0 || dot == certId.length() - 1 || certId.length() > 200) {
      throw AcmeProblem.malformed("a renewalInfo certID is base64url(AKI keyIdentifier).base64url(serial)");
    }
    byte[] keyId;
    byte[] serialBytes;
    try {
      keyId = Base64.getUrlDecoder().decode(certId.substring(0, dot));
      serialBytes = Base64.getUrlDecoder().decode(certId.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw AcmeProblem.malformed("the certID's parts must be base64url");
    }
    if (serialBytes.length == 0 || !java.util.Arrays.equals(keyId, issuingKeyId())) {
      throw AcmeProblem.notFound("this CA issued no certificate with that certID");
    }
    String serial = CertificateSerial.hex(new BigInteger(serialBytes));
    IssuedCertificate certificate =
        certificates.findBySerial(serial).orElseThrow(() -> AcmeProblem.notFound("this CA issued no certificate " + serial));
    if (revocations.find(serial).isPresent()) {
      Instant now = clock.instant();
      return new Window(now.minus(Duration.ofHours(1)), now, null);
    }
    Window usual = window(certificate.notBefore(), certificate.notAfter());
    return plans.plannedFor(serial)
        .map(p -> beforePlannedRevocation(usual, p.at(), p.approvedAt(), "/public/revocation-plans/" + p.planId()))
        .orElse(usual);
  }

  /** Time for the client to renew and install the new certificate before the old one is revoked. */
  static final Duration INSTALL_MARGIN = Duration.ofDays(1);

  /**
   * The window under a revocation plan: it ends a day before the planned revocation (or at it, when
   * the plan leaves less than that), and opens when the plan was approved at the latest, so clients
   * renew from now on (RFC 9773 4.2 lets the CA move a window earlier). A plan later than the usual
   * window changes nothing.
   */
  static Window beforePlannedRevocation(Window usual, Instant plannedRevocation, Instant approvedAt, String explanation) {
    if (!plannedRevocation.isBefore(usual.end())) {
      return usual;
    }
    Instant start = usual.start().isBefore(approvedAt) ? usual.start() : approvedAt;
    Instant end = plannedRevocation.minus(INSTALL_MARGIN);
    if (!end.isAfter(start)) {
      end = plannedRevocation;
    }
    if (!end.isAfter(start)) {
      start = end.minus(Duration.ofHours(1));
    }
    return new Window(start, end, explanation);
  }

  static Window window(Instant notBefore, Instant notAfter) {
    Duration lifetime = Duration.between(notBefore, notAfter);
    return new Window(notBefore.plus(lifetime.multipliedBy(2).dividedBy(3)),
        notBefore.plus(lifetime.multipliedBy(5).dividedBy(6)), null);
  }

  /** The issuing CA's subject key identifier: what its certificates name as AKI (RFC 5280 4.2.1.1). */
  private byte[] issuingKeyId() {
    byte[] extension = authority.issuingCertificate().getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (extension == null) {
      throw new IllegalStateException("the issuing CA certificate has no subject key identifier");
    }
    return org.bouncycastle.asn1.x509.SubjectKeyIdentifier.getInstance(
            org.bouncycastle.asn1.ASN1OctetString.getInstance(extension).getOctets())
        .getKeyIdentifier();
  }
}
