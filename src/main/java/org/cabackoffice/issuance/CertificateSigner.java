package org.cabackoffice.issuance;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Signs TBS certificates twice over (BR 4.3.1.2, pre-issuance linting): first with a throwaway key
 * of the issuing key's type, so the linter sees the exact TBS bytes, then with the issuing CA's
 * key in the {@link CaKeyStore}. The algorithm follows the issuing key (BR 7.1.3.2).
 */
final class CertificateSigner {

  private final CaKeyStore keys;
  private final String signatureAlgorithm;
  private final KeyPair lintKeyPair;

  CertificateSigner(CaKeyStore keys) {
    this.keys = keys;
    PublicKey issuingKey = keys.issuingCertificate().getPublicKey();
    this.signatureAlgorithm = signatureAlgorithmFor(issuingKey);
    this.lintKeyPair = keyPairLike(issuingKey);
  }

  String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /** A certificate no relying party could mistake for ours: its signature verifies under no CA key. */
  X509Certificate signForLint(X509v3CertificateBuilder tbs) {
    try {
      return toCertificate(tbs.build(new JcaContentSignerBuilder(signatureAlgorithm).build(lintKeyPair.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign with " + signatureAlgorithm, e);
    }
  }

  X509Certificate sign(X509v3CertificateBuilder tbs) {
    return toCertificate(tbs.build(keys.issuingSigner(signatureAlgorithm)));
  }

  static X509Certificate toCertificate(X509CertificateHolder holder) {
    try {
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the signed certificate does not parse", e);
    }
  }

  private static KeyPair keyPairLike(PublicKey key) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(key.getAlgorithm());
      if (key instanceof ECPublicKey ec) {
        generator.initialize(ec.getParams());
      } else if (key instanceof RSAPublicKey rsa) {
        generator.initialize(rsa.getModulus().bitLength());
      } else {
        throw new IllegalStateException("unsupported issuing key type " + key.getAlgorithm());
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a lint key like the issuing key", e);
    }
  }

  /** BR 7.1.3.2: the signature algorithm follows the issuing key (P-384 → SHA-384). */
  static String signatureAlgorithmFor(PublicKey key) {
    if (key instanceof ECPublicKey ec) {
      return ec.getParams().getOrder().bitLength() > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
    }
    if (key instanceof RSAPublicKey) {
      return "SHA256withRSA";
    }
    throw new IllegalStateException("unsupported issuing key type " + key.getAlgorithm());
  }
}
