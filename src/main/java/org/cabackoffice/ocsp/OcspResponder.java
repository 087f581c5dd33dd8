package org.cabackoffice.ocsp;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.cabackoffice.issuance.CertificateAuthority;
import org.cabackoffice.issuance.CertificateSerial;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.issuance.OrphanPrecertificates;
import org.cabackoffice.revocation.CertificateRevocation;
import org.cabackoffice.revocation.CertificateRevocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Answers OCSP requests (RFC 6960, profile of RFC 5019) about the issuing CA's certificates from
 * the certificate and revocation records directly, so a certificate is known the moment it is
 * stored (BR 4.9.10, SC-076: within 15 minutes of issuance). Signed by the delegated responder;
 * the nonce is ignored (RFC 5019 2.2.1: responses may be cached and served to many).
 */
@Service
public class OcspResponder {

  private static final Logger log = LoggerFactory.getLogger(OcspResponder.class);

  /**
   * Hashes a CertID may be made with. SHA-1 stays accepted here: it is how RFC 5019 clients name a
   * certificate (a lookup key, not a signature); every signature is SHA-256 or stronger (SC-097).
   */
  private static final Map<ASN1ObjectIdentifier, String> CERT_ID_HASHES =
      Map.of(
          OIWObjectIdentifiers.idSHA1, "SHA-1",
          NISTObjectIdentifiers.id_sha256, "SHA-256",
          NISTObjectIdentifiers.id_sha384, "SHA-384",
          NISTObjectIdentifiers.id_sha512, "SHA-512");

  private final CertificateAuthority authority;
  private final IssuedCertificates certificates;
  private final OrphanPrecertificates precertificates;
  private final CertificateRevocations revocations;
  private final OcspResponderCertificates responders;
  private final OcspProperties properties;
  private final Clock clock;

  public OcspResponder(
      CertificateAuthority authority,
      IssuedCertificates certificates,
      OrphanPrecertificates precertificates,
      CertificateRevocations revocations,
      OcspResponderCertificates responders,
      OcspProperties properties,
      Clock clock) {
    this.authority = authority;
    this.certificates = certificates;
    this.precertificates = precertificates;
    this.revocations = revocations;
    this.responders = responders;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * An answer: the DER OCSPResponse, and for a signed one the validity interval the HTTP caching
   * headers follow (RFC 5019 6.2).
   */
  public record Answer(byte[] der, Optional<Instant> thisUpdate, Optional<Instant> nextUpdate) {
    static Answer unsigned(int status) {
      try {
        return new Answer(new OCSPRespBuilder().build(status, null).getEncoded(), Optional.empty(), Optional.empty());
      } catch (IOException | OCSPException e) {
        throw new IllegalStateException("cannot encode an OCSP status", e);
      }
    }
  }

  /** Answers a DER OCSPRequest; input that is no OCSP request gets malformedRequest, not an error. */
  public Answer answer(byte[] requestDer) {
    OCSPReq request;
    Req[] asked;
    try {
      request = new OCSPReq(requestDer);
      asked = request.getRequestList();
    } catch (IOException | RuntimeException e) {
      log.info("Malformed OCSP request of {} bytes: {}", requestDer.length, e.getMessage());
      return Answer.unsigned(OCSPRespBuilder.MALFORMED_REQUEST);
    }
    if (asked.length == 0) {
      return Answer.unsigned(OCSPRespBuilder.MALFORMED_REQUEST);
    }
    X509Certificate issuing = authority.issuingCertificate();
    for (Req req : asked) {
      if (!issuedBy(req.getCertID(), issuing)) {
        // RFC 5019 2.2.3: not authoritative for another CA's certificates.
        return Answer.unsigned(OCSPRespBuilder.UNAUTHORIZED);
      }
    }
    Optional<OcspResponderCertificate> responder = responders.current();
    if (responder.isEmpty()) {
      log.warn("OCSP request answered tryLater: the keystore has no OCSP responder key");
      return Answer.unsigned(OCSPRespBuilder.TRY_LATER);
    }
    Instant now = clock.instant();
    Instant thisUpdate = now.truncatedTo(ChronoUnit.SECONDS);
    Instant nextUpdate = thisUpdate.plus(properties.validity());
    try {
      X509CertificateHolder responderCertificate = new X509CertificateHolder(responder.get().der());
      BasicOCSPRespBuilder response = new BasicOCSPRespBuilder(new RespID(responderCertificate.getSubject()));
      for (Req req : asked) {
        response.addResponse(req.getCertID(), status(req.getCertID()), Date.from(thisUpdate), Date.from(nextUpdate), null);
      }
      Optional<BasicOCSPResp> signed = authority.signOcspResponse(response, responderCertificate, thisUpdate);
      if (signed.isEmpty()) {
        return Answer.unsigned(OCSPRespBuilder.TRY_LATER);
      }
      byte[] der = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, signed.get()).getEncoded();
      return new Answer(der, Optional.of(thisUpdate), Optional.of(nextUpdate));
    } catch (IOException | OCSPException e) {
      throw new IllegalStateException("cannot encode the OCSP response", e);
    }
  }

  /**
   * Good, revoked with its reason, or unknown for a serial this CA never issued (BR 4.9.10); a
   * precertificate counts as issued.
   */
  private CertificateStatus status(CertificateID id) {
    String serial = CertificateSerial.hex(id.getSerialNumber());
    Optional<IssuedCertificate> certificate = certificates.findBySerial(serial);
    if (certificate.isEmpty() && precertificates.find(serial).isEmpty()) {
      return new UnknownStatus();
    }
    // BR 7.1.2.9: a signed precertificate is presumed to have a certificate, so its serial is
    // answered as one even when the certificate was never issued.
    if (certificate.isPresent() && certificate.get().imported()) {
      return new UnknownStatus();
    }
    Optional<CertificateRevocation> revocation = revocations.find(serial);
    if (revocation.isPresent()) {
      return new RevokedStatus(
          Date.from(revocation.get().revokedAt().truncatedTo(ChronoUnit.SECONDS)),
          revocation.get().reason().crlReasonCode());
    }
    return CertificateStatus.GOOD;
  }

  /** Whether the CertID names the issuing CA: its name and key hashed as the client hashed them. */
  static boolean issuedBy(CertificateID id, X509Certificate issuing) {
    String hash = CERT_ID_HASHES.get(id.getHashAlgOID());
    if (hash == null) {
      return false;
    }
    try {
      byte[] nameHash =
          MessageDigest.getInstance(hash)
              .digest(X500Name.getInstance(issuing.getSubjectX500Principal().getEncoded()).getEncoded());
      byte[] keyHash =
          MessageDigest.getInstance(hash)
              .digest(
                  SubjectPublicKeyInfo.getInstance(issuing.getPublicKey().getEncoded())
                      .getPublicKeyData()
                      .getBytes());
      return Arrays.equals(nameHash, id.getIssuerNameHash()) && Arrays.equals(keyHash, id.getIssuerKeyHash());
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException("cannot hash with " + hash, e);
    }
  }
}
