package org.cabackoffice.crl;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.cert.X509v2CRLBuilder;

/**
 * What one CRL says, after the CRL profile of BR 7.2 and RFC 5280 5: version 2, the issuer's name
 * and key identifier, thisUpdate/nextUpdate, a cRLNumber, and for a shard of a partitioned CRL an
 * issuingDistributionPoint naming the URL its certificates point to (BR 7.2.2.1, ballot SC-058:
 * critical, with distributionPoint). Entries carry a reasonCode unless the reason is unspecified,
 * which BR 7.2.2 shows by leaving the extension out.
 *
 * @param issuer the CA certificate whose key signs the CRL
 * @param number the cRLNumber, rising with every CRL of this issuer
 * @param partition the URL of the shard, for a partitioned CRL of end-entity certificates
 */
record CrlContent(
    X509Certificate issuer,
    BigInteger number,
    Instant thisUpdate,
    Instant nextUpdate,
    Optional<String> partition,
    List<Entry> entries) {

  /**
   * One revoked certificate.
   *
   * @param reasonCode the CRLReason (RFC 5280 5.3.1), 0 (unspecified) to leave it out
   */
  record Entry(BigInteger serial, Instant revokedAt, int reasonCode) {}

  CrlContent {
    if (!nextUpdate.isAfter(thisUpdate)) {
      throw new IllegalArgumentException("nextUpdate must be after thisUpdate");
    }
    if (number.signum() < 0 || number.bitLength() > 159) {
      // RFC 5280 5.2.3: a non-negative integer of at most 20 octets.
      throw new IllegalArgumentException("cRLNumber out of range: " + number);
    }
    entries = List.copyOf(entries);
  }

  /** The unsigned CRL; the CA's key signs it ({@code CertificateAuthority#signCrl}). */
  X509v2CRLBuilder unsigned() {
    X500Name issuerName = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
    X509v2CRLBuilder crl = new X509v2CRLBuilder(issuerName, Date.from(thisUpdate));
    crl.setNextUpdate(Date.from(nextUpdate));
    for (Entry entry : entries) {
      if (entry.reasonCode() == CRLReason.unspecified) {
        crl.addCRLEntry(entry.serial(), Date.from(entry.revokedAt()), (Extensions) null);
      } else {
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        try {
          extensions.addExtension(Extension.reasonCode, false, CRLReason.lookup(entry.reasonCode()));
        } catch (java.io.IOException e) {
          throw new IllegalStateException("cannot encode the reasonCode", e);
        }
        crl.addCRLEntry(entry.serial(), Date.from(entry.revokedAt()), extensions.generate());
      }
    }
    add(crl, Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(keyIdentifier(issuer)));
    add(crl, Extension.cRLNumber, false, new CRLNumber(number));
    partition.ifPresent(
        url ->
            add(
                crl,
                Extension.issuingDistributionPoint,
                true,
                new IssuingDistributionPoint(
                    new DistributionPointName(
                        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url))),
                    true,
                    false,
                    null,
                    false,
                    false)));
    return crl;
  }

  /** The CA certificate's key identifier as stored with its CRLs. */
  static String keyIdentifierHex(X509Certificate issuer) {
    return java.util.HexFormat.of().formatHex(keyIdentifier(issuer));
  }

  private static byte[] keyIdentifier(X509Certificate issuer) {
    byte[] extension = issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (extension == null) {
      throw new IllegalStateException(issuer.getSubjectX500Principal() + " has no subjectKeyIdentifier");
    }
    return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets())
        .getKeyIdentifier();
  }

  private static void add(X509v2CRLBuilder crl, ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
    try {
      crl.addExtension(oid, critical, value);
    } catch (org.bouncycastle.cert.CertIOException e) {
      throw new IllegalStateException("cannot encode CRL extension " + oid, e);
    }
  }
}
