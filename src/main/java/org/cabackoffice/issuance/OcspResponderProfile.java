package org.cabackoffice.issuance;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import org.cabackoffice.digest.Sha256;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * The delegated OCSP responder certificate (RFC 6960 4.2.2.2, BR 7.1.2.8): issued by the issuing
 * CA to the responder key, EKU id-kp-OCSPSigning only, id-pkix-ocsp-nocheck so clients do not ask
 * about the responder itself (RFC 6960 4.2.2.2.1), which is why its life is kept short.
 */
final class OcspResponderProfile {

  /** Short enough that ocsp-nocheck is safe without revocation checking of the responder. */
  static final Duration LIFETIME = Duration.ofDays(4);

  /** The responder's subject under the issuing CA's organization. */
  static final String COMMON_NAME = "OCSP Responder";

  private OcspResponderProfile() {}

  static X509v3CertificateBuilder tbs(
      X509Certificate issuing, PublicKey responderKey, BigInteger serial, Instant notBefore) {
    X500Name issuer = X500Name.getInstance(issuing.getSubjectX500Principal().getEncoded());
    X509v3CertificateBuilder tbs =
        new X509v3CertificateBuilder(
            issuer,
            serial,
            Date.from(notBefore),
            // BR 6.3.2 counts validity inclusively: one second short of the lifetime.
            Date.from(notBefore.plus(LIFETIME).minusSeconds(1)),
            subject(issuer),
            SubjectPublicKeyInfo.getInstance(responderKey.getEncoded()));
    CertificateAuthority.add(
        tbs,
        Extension.authorityKeyIdentifier,
        false,
        new AuthorityKeyIdentifier(CertificateAuthority.subjectKeyIdentifier(issuing)));
    CertificateAuthority.add(
        tbs, Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyIdentifier(responderKey)));
    CertificateAuthority.add(tbs, Extension.basicConstraints, true, new BasicConstraints(false));
    CertificateAuthority.add(tbs, Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    CertificateAuthority.add(
        tbs, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
    CertificateAuthority.add(tbs, OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
    return tbs;
  }

  /**
   * RFC 7093 section 2 method 1: the leftmost 160 bits of the SHA-256 of the subjectPublicKey,
   * instead of RFC 5280's SHA-1 (no SHA-1 anywhere, ballot SC-097).
   */
  static byte[] keyIdentifier(PublicKey key) {
    byte[] subjectPublicKey =
        SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
    return Arrays.copyOf(Sha256.of(subjectPublicKey), 20);
  }

  private static X500Name subject(X500Name issuer) {
    X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
    for (RDN rdn : issuer.getRDNs()) {
      if (!rdn.getFirst().getType().equals(BCStyle.CN)) {
        name.addMultiValuedRDN(rdn.getTypesAndValues());
      }
    }
    name.addRDN(BCStyle.CN, COMMON_NAME);
    return name.build();
  }
}
