package org.cabackoffice.issuance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.springframework.stereotype.Service;

/**
 * A certificate with the intermediate that issued it, as the server installs them (guide [5-2]):
 * PEM for Apache + OpenSSL and most others, PKCS#7 for Microsoft IIS, which installs both at once
 * from one file. The root is left out: a TLS server need not send it (RFC 8446 4.4.2).
 */
@Service
public class CertificateChains {

  /** RFC 2315 certs-only files, as Windows names them (.p7b). */
  public static final String PKCS7_TYPE = "application/x-pkcs7-certificates";

  private final CertificateAuthority authority;

  public CertificateChains(CertificateAuthority authority) {
    this.authority = authority;
  }

  /**
   * The certificate, then the current issuing CA when it signed it. A certificate imported from
   * the previous system came from another CA's intermediate, which this CA does not hold: then the
   * chain is the certificate alone rather than one that would not validate.
   */
  public List<X509Certificate> chain(IssuedCertificate certificate) {
    X509Certificate leaf = CertificatePem.parse(certificate.pem()).get(0);
    X509Certificate intermediate = authority.issuingCertificate();
    List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
    if (Arrays.equals(
            leaf.getIssuerX500Principal().getEncoded(), intermediate.getSubjectX500Principal().getEncoded())
        && signedBy(leaf, intermediate)) {
      chain.add(intermediate);
    }
    return chain;
  }

  /** The chain as concatenated PEM blocks, the certificate first. */
  public byte[] pem(IssuedCertificate certificate) {
    StringBuilder pem = new StringBuilder();
    for (X509Certificate c : chain(certificate)) {
      pem.append(CertificatePem.encode(c).strip()).append('\n');
    }
    return pem.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The chain as a degenerate PKCS#7 SignedData (RFC 2315 9.1, RFC 5652 5.2): certificates, no
   * content, no signers — what Windows' certificate import wizard reads as a .p7b file.
   */
  public byte[] pkcs7(IssuedCertificate certificate) {
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addCertificates(new JcaCertStore(chain(certificate)));
      return generator.generate(new CMSAbsentContent(), false).getEncoded();
    } catch (CMSException | GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot encode the chain of " + certificate.serial() + " as PKCS#7", e);
    }
  }

  private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
    try {
      certificate.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
