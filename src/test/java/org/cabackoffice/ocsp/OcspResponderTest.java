package org.cabackoffice.ocsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.cabackoffice.issuance.CaProperties;
import org.cabackoffice.issuance.CertificateAuthority;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.issuance.OrphanPrecertificates;
import org.cabackoffice.revocation.CertificateRevocation;
import org.cabackoffice.revocation.CertificateRevocations;
import org.cabackoffice.revocation.RevocationReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcspResponderTest {

  static final Instant NOW = Instant.parse("2026-10-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;
  CertificateAuthority authority;
  IssuedCertificates certificates = mock(IssuedCertificates.class);
  CertificateRevocations revocations = mock(CertificateRevocations.class);
  OrphanPrecertificates precertificates = mock(OrphanPrecertificates.class);
  OcspResponderCertificates responders = mock(OcspResponderCertificates.class);
  OcspResponder responder;
  X509Certificate responderCertificate;

  @BeforeEach
  void setUp() throws Exception {
    authority =
        new CertificateAuthority(
            CaProperties.developmentCa("test-only", null), CLOCK, dir.toString(), "http://127.0.0.1:8080");
    responderCertificate = authority.certifyOcspResponder(NOW).orElseThrow();
    when(responders.current())
        .thenReturn(
            Optional.of(
                new OcspResponderCertificate(
                    "1",
                    responderCertificate.getNotBefore().toInstant(),
                    responderCertificate.getNotAfter().toInstant(),
                    responderCertificate.getEncoded())));
    when(certificates.findBySerial(org.mockito.ArgumentMatchers.anyString())).thenReturn(Optional.empty());
    when(revocations.find(org.mockito.ArgumentMatchers.anyString())).thenReturn(Optional.empty());
    responder =
        new OcspResponder(
            authority, certificates, precertificates, revocations, responders, new OcspProperties(Duration.ofDays(1), Duration.ofMinutes(10)), CLOCK);
  }

  @Test
  void theDelegatedResponderCertificateFollowsRfc6960AndLivesFourDays() throws Exception {
    assertThat(responderCertificate.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_OCSPSigning.getId());
    assertThat(responderCertificate.getExtensionValue(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId())).isNotNull();
    assertThat(Duration.between(responderCertificate.getNotBefore().toInstant(), responderCertificate.getNotAfter().toInstant()))
        .isEqualTo(Duration.ofDays(4).minusSeconds(1));
    responderCertificate.verify(authority.issuingCertificate().getPublicKey());
    assertThat(responderCertificate.getSigAlgName()).doesNotContain("SHA1");
  }

  @Test
  void onlyACertificateOfThisKeystoresResponderKeyIsSignedWith(@TempDir Path other) throws Exception {
    CertificateAuthority otherCa =
        new CertificateAuthority(
            CaProperties.developmentCa("test-only", null), CLOCK, other.toString(), "http://127.0.0.1:8080");

    assertThat(authority.certifiesOcspResponderKey(responderCertificate.getEncoded())).isTrue();
    assertThat(authority.certifiesOcspResponderKey(otherCa.certifyOcspResponder(NOW).orElseThrow().getEncoded()))
        .isFalse();
  }

  @Test
  void aGoodCertificateIsGoodAndTheNonceIsIgnored() throws Exception {
    known("abc1", false);

    OCSPResp response = new OCSPResp(responder.answer(request(new BigInteger("abc1", 16), true)).der());

    assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
    BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
    assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responderCertificate))).isTrue();
    assertThat(basic.getSignatureAlgOID().getId()).isEqualTo("1.2.840.10045.4.3.2"); // ecdsa-with-SHA256
    assertThat(basic.getCerts()).extracting(X509CertificateHolder::getSerialNumber)
        .containsExactly(responderCertificate.getSerialNumber());
    // RFC 5019 2.2.1: responses may be pre-produced and cached, so no nonce is echoed.
    assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)).isNull();
    SingleResp single = basic.getResponses()[0];
    assertThat(single.getCertStatus()).isNull(); // GOOD
    assertThat(single.getThisUpdate().toInstant()).isEqualTo(NOW);
    assertThat(single.getNextUpdate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(1)));
  }

  @Test
  void aRevokedCertificateIsRevokedWithItsReason() throws Exception {
    known("abc2", false);
    CertificateRevocation revocation = mock(CertificateRevocation.class);
    when(revocation.reason()).thenReturn(RevocationReason.KEY_COMPROMISE);
    when(revocation.revokedAt()).thenReturn(NOW.minusSeconds(3600));
    when(revocations.find("abc2")).thenReturn(Optional.of(revocation));

    SingleResp single = single(responder.answer(request(new BigInteger("abc2", 16), false)).der());

    RevokedStatus revoked = (RevokedStatus) single.getCertStatus();
    assertThat(revoked.getRevocationReason()).isEqualTo(1);
    assertThat(revoked.getRevocationTime().toInstant()).isEqualTo(NOW.minusSeconds(3600));
  }

  @Test
  void aPrecertificateWhoseCertificateWasNeverIssuedIsGoodThenRevoked() throws Exception {
    // BR 7.1.2.9: the precertificate is presumed to have a certificate; OCSP answers for it.
    when(precertificates.find("abc5"))
        .thenReturn(Optional.of(new OrphanPrecertificates.OrphanPrecertificate("abc5", 7L, 0, NOW.plus(Duration.ofDays(90)))));

    assertThat(single(responder.answer(request(new BigInteger("abc5", 16), false)).der()).getCertStatus()).isNull();

    CertificateRevocation revocation = mock(CertificateRevocation.class);
    when(revocation.reason()).thenReturn(RevocationReason.SUPERSEDED);
    when(revocation.revokedAt()).thenReturn(NOW.minusSeconds(60));
    when(revocations.find("abc5")).thenReturn(Optional.of(revocation));

    RevokedStatus revoked = (RevokedStatus) single(responder.answer(request(new BigInteger("abc5", 16), false)).der()).getCertStatus();
    assertThat(revoked.getRevocationReason()).isEqualTo(4);
  }

  @Test
  void aSerialNeverIssuedOrImportedIsUnknown() throws Exception {
    known("abc3", true);

    assertThat(single(responder.answer(request(new BigInteger("abc3", 16), false)).der()).getCertStatus())
        .isInstanceOf(UnknownStatus.class);
    assertThat(single(responder.answer(request(new BigInteger("abc4", 16), false)).der()).getCertStatus())
        .isInstanceOf(UnknownStatus.class);
  }

  @Test
  void garbageIsAMalformedRequestNotAnError() throws Exception {
    OcspResponder.Answer answer = responder.answer("not an OCSP request".getBytes());

    assertThat(new OCSPResp(answer.der()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    assertThat(answer.thisUpdate()).isEmpty();
  }

  @Test
  void anotherCasCertificateIsUnauthorized() throws Exception {
    X509Certificate root = authority.rootCertificate();
    CertificateID foreign =
        new CertificateID(sha1(), new JcaX509CertificateHolder(root), BigInteger.TEN);

    OCSPResp response = new OCSPResp(responder.answer(new OCSPReqBuilder().addRequest(foreign).build().getEncoded()).der());

    assertThat(response.getStatus()).isEqualTo(OCSPResp.UNAUTHORIZED);
  }

  private void known(String serial, boolean imported) {
    IssuedCertificate certificate = mock(IssuedCertificate.class);
    when(certificate.imported()).thenReturn(imported);
    when(certificate.serial()).thenReturn(serial);
    when(certificates.findBySerial(serial)).thenReturn(Optional.of(certificate));
  }

  private byte[] request(BigInteger serial, boolean nonce) throws Exception {
    CertificateID id =
        new CertificateID(sha1(), new JcaX509CertificateHolder(authority.issuingCertificate()), serial);
    OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
    if (nonce) {
      builder.setRequestExtensions(
          new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(new byte[16]))));
    }
    return builder.build().getEncoded();
  }

  private static SingleResp single(byte[] der) throws Exception {
    OCSPResp response = new OCSPResp(der);
    assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
    return ((BasicOCSPResp) response.getResponseObject()).getResponses()[0];
  }

  /** What RFC 5019 clients (openssl's default) hash CertIDs with. */
  private static org.bouncycastle.operator.DigestCalculator sha1() throws Exception {
    DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
    return digests.get(CertificateID.HASH_SHA1);
  }
}
