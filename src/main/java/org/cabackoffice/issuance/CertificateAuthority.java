package org.cabackoffice.issuance;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The issuing CA as the rest of the back office sees it: its certificates, its names and its two
 * signatures. Three parts do the work: {@link CaKeyStore} holds the keys (PKCS#12 file or PKCS#11
 * HSM, by configuration), {@link DevelopmentCa} makes a hierarchy on a development first start,
 * and {@link CertificateSigner} signs for lint and for real.
 */
@Component
public class CertificateAuthority {

  private final CaKeyStore keys;
  private final CertificateSigner signer;
  private final PublicationUrls urls;

  @Autowired
  public CertificateAuthority(
      CaProperties properties,
      Clock clock,
      @Value("${backoffice.data-dir:./data}") String dataDir,
      @Value("${backoffice.base-url:http://localhost:8080}") String baseUrl) {
    this(
        properties,
        clock,
        blank(properties.keystorePath())
            ? Path.of(dataDir, "ca", "dev-ca.p12")
            : Path.of(properties.keystorePath()),
        PublicationUrls.of(properties, baseUrl));
  }

  CertificateAuthority(CaProperties properties, Clock clock, Path keystorePath, String caIssuersUrl) {
    this(properties, clock, keystorePath, PublicationUrls.besideCaIssuers(caIssuersUrl));
  }

  CertificateAuthority(CaProperties properties, Clock clock, Path keystorePath, PublicationUrls urls) {
    this.keys = CaKeyStore.open(properties, clock, keystorePath, urls.arl());
    this.signer = new CertificateSigner(keys);
    this.urls = urls;
  }

  /** The certificate of the issuing CA, the one that signs subscriber certificates. */
  public X509Certificate issuingCertificate() {
    return keys.issuingCertificate();
  }

  public X509Certificate rootCertificate() {
    return keys.rootCertificate();
  }

  /** The chain above a subscriber certificate: issuing CA, then root. */
  public List<X509Certificate> chain() {
    return List.of(keys.issuingCertificate(), keys.rootCertificate());
  }

  /** Where relying parties fetch the issuing CA certificate (AIA caIssuers, BR 7.1.2.7.7). */
  public String caIssuersUrl() {
    return urls.caIssuers();
  }

  /** Where certificates say the CA's certificates, CRLs and OCSP responder are. */
  public PublicationUrls publicationUrls() {
    return urls;
  }

  /**
   * Signs a CRL with the issuing CA's key, with the algorithm its certificates are signed with
   * (BR 7.1.3.2; never SHA-1, ballot SC-097).
   */
  public X509CRLHolder signCrl(X509v2CRLBuilder crl) {
    return crl.build(keys.issuingSigner(signatureAlgorithm()));
  }

  /**
   * Signs a CRL with a throwaway key of the issuing key's type, for linting before the issuing key
   * signs it: the same TBS bytes {@link #signCrl} would sign, a signature no relying party accepts.
   */
  public X509CRLHolder signCrlForLint(X509v2CRLBuilder crl) {
    return crl.build(signer.lintSigner());
  }

  /**
   * Signs the root's CRL of the CA certificates it issued (the ARL), when the root key is in this
   * keystore; a production root is offline and signs its ARL in a ceremony instead. Callers record
   * each use of the root key.
   */
  public Optional<X509CRLHolder> signArl(X509v2CRLBuilder arl) {
    return keys.rootSigner(CertificateSigner.signatureAlgorithmFor(keys.rootCertificate().getPublicKey()))
        .map(arl::build);
  }

  /** Whether the keystore holds the root key, so {@link #signArl} can sign. */
  public boolean rootKeyAvailable() {
    return keys.rootSigner(CertificateSigner.signatureAlgorithmFor(keys.rootCertificate().getPublicKey())).isPresent();
  }

  /**
   * A new delegated OCSP responder certificate for the responder key in the keystore (RFC 6960
   * 4.2.2.2), valid from {@code notBefore} for {@link OcspResponderProfile#LIFETIME}; empty when
   * the keystore has no responder key.
   */
  public Optional<X509Certificate> certifyOcspResponder(Instant notBefore) {
    return keys.responderPublicKey()
        .map(
            key ->
                signer.sign(
                    OcspResponderProfile.tbs(
                        keys.issuingCertificate(),
                        key,
                        CertificateSerial.random(new SecureRandom()),
                        notBefore.truncatedTo(ChronoUnit.SECONDS))));
  }

  /**
   * Whether the DER certificate is one this issuing CA issued to the responder key in the keystore:
   * only then do responses signed with that key verify under it.
   */
  public boolean certifiesOcspResponderKey(byte[] der) {
    Optional<java.security.PublicKey> responderKey = keys.responderPublicKey();
    if (responderKey.isEmpty()) {
      return false;
    }
    try {
      X509Certificate certificate =
          (X509Certificate)
              java.security.cert.CertificateFactory.getInstance("X.509")
                  .generateCertificate(new java.io.ByteArrayInputStream(der));
      certificate.verify(keys.issuingCertificate().getPublicKey());
      return certificate.getPublicKey().equals(responderKey.get());
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Signs an OCSP response with the responder's key (never SHA-1, ballot SC-097), naming the
   * responder certificate; empty when the keystore has no responder key.
   */
  public Optional<BasicOCSPResp> signOcspResponse(
      BasicOCSPRespBuilder response, X509CertificateHolder responderCertificate, Instant producedAt) {
    return keys.responderPublicKey()
        .flatMap(key -> keys.responderSigner(CertificateSigner.signatureAlgorithmFor(key)))
        .map(
            responderSigner -> {
              try {
                return response.build(
                    responderSigner, new X509CertificateHolder[] {responderCertificate}, Date.from(producedAt));
              } catch (OCSPException e) {
                throw new IllegalStateException("cannot sign the OCSP response", e);
              }
            });
  }

  /** A CRL distribution point naming one HTTP URL (BR 7.1.2.11.2: no reasons, no cRLIssuer). */
  public static CRLDistPoint distributionPoints(String url) {
    return new CRLDistPoint(
        new DistributionPoint[] {
          new DistributionPoint(
              new DistributionPointName(
                  new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url))),
              null,
              null)
        });
  }

  /** The issuing CA's subject, which is the issuer of every certificate it signs (RFC 5280). */
  X500Name issuerName() {
    return X500Name.getInstance(keys.issuingCertificate().getSubjectX500Principal().getEncoded());
  }

  /** AKI of certificates the issuing CA signs: keyIdentifier only (BR 7.1.2.11.1). */
  AuthorityKeyIdentifier authorityKeyIdentifier() {
    return new AuthorityKeyIdentifier(subjectKeyIdentifier(keys.issuingCertificate()));
  }

  String signatureAlgorithm() {
    return signer.signatureAlgorithm();
  }

  /**
   * Signs the TBS with a throwaway key of the issuing key's type, for pre-issuance linting: the
   * result has the same TBS bytes as the real certificate would, but no relying party could
   * mistake it for one (its signature verifies under no CA key).
   */
  X509Certificate signForLint(X509v3CertificateBuilder tbs) {
    return signer.signForLint(tbs);
  }

  /** Signs the TBS with the issuing CA's key. Only call this after the TBS passed lint. */
  X509Certificate sign(X509v3CertificateBuilder tbs) {
    return signer.sign(tbs);
  }

  /** Whether the certificate's signature verifies under the issuing CA's key (a full check). */
  boolean signedByIssuingKey(X509Certificate certificate) throws GeneralSecurityException {
    return signer.signedByIssuingKey(certificate);
  }

  /**
   * Signs a fresh random challenge with the issuing key and checks it under the issuing CA
   * certificate: the key is there (an HSM session too) and is the certificate's. For readiness.
   *
   * @throws GeneralSecurityException when the key cannot sign or its signature does not verify
   */
  void proveIssuingKey() throws GeneralSecurityException {
    byte[] challenge = new byte[32];
    new SecureRandom().nextBytes(challenge);
    org.bouncycastle.operator.ContentSigner issuingSigner = keys.issuingSigner(signatureAlgorithm());
    try {
      issuingSigner.getOutputStream().write(challenge);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException("the issuing key could not take the challenge", e);
    }
    byte[] signature = issuingSigner.getSignature();
    Signature verifier = Signature.getInstance(signatureAlgorithm());
    verifier.initVerify(keys.issuingCertificate().getPublicKey());
    verifier.update(challenge);
    if (!verifier.verify(signature)) {
      throw new SignatureException("the issuing key does not match the issuing CA certificate");
    }
  }

  static byte[] subjectKeyIdentifier(X509Certificate certificate) {
    byte[] extension = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (extension == null) {
      throw new IllegalStateException(
          "CA certificate " + certificate.getSubjectX500Principal() + " has no subjectKeyIdentifier");
    }
    return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets())
        .getKeyIdentifier();
  }

  static void add(
      X509v3CertificateBuilder tbs, ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
    try {
      tbs.addExtension(oid, critical, value);
    } catch (CertIOException e) {
      throw new IllegalStateException("cannot encode extension " + oid, e);
    }
  }

  /** RFC 4514 text to a DN encoded most significant first (C, O, CN; BR 7.1.4.2). */
  static X500Name name(String rfc4514) {
    return X500Name.getInstance(new X500Principal(rfc4514).getEncoded());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

}
