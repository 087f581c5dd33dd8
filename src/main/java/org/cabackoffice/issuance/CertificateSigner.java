package org.cabackoffice.issuance;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Signs TBS certificates twice over (BR 4.3.1.2, pre-issuance linting): first with a throwaway key
 * of the issuing key's type, so the linter sees the exact TBS bytes, then with the issuing CA's
 * key in the {@link CaKeyStore}. The algorithm follows the issuing key (BR 7.1.3.2).
 *
 * <p>Issue 12 measured signing with lint at 0.23x raw signing (bench/README, "Signing with
 * lint"): besides the issuing key's signature the path made a second full signature for lint and
 * verified the result with the JDK's P-384 ECDSA, which costs twice a signature. Neither is what
 * the lint or the check needs: the lint reads the TBS only, so the throwaway key signs once and
 * that signature value stands in every linted certificate; the check verifies with Bouncy
 * Castle's ECDSA on its optimized curve, the issuing key decoded once.
 */
final class CertificateSigner {

  private final CaKeyStore keys;
  private final String signatureAlgorithm;
  private final ContentSigner lintSigner;
  /** For an EC issuing key on a named curve; null means the JDK verifies (RSA, or another curve). */
  private final ContentVerifierProvider issuingKeyVerifier;

  CertificateSigner(CaKeyStore keys) {
    this.keys = keys;
    PublicKey issuingKey = keys.issuingCertificate().getPublicKey();
    this.signatureAlgorithm = signatureAlgorithmFor(issuingKey);
    this.lintSigner = lintSignerLike(keyPairLike(issuingKey), signatureAlgorithm);
    this.issuingKeyVerifier = ecVerifier(issuingKey);
  }

  String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /** A certificate no relying party could mistake for ours: its signature verifies under no CA key. */
  X509Certificate signForLint(X509v3CertificateBuilder tbs) {
    return toCertificate(tbs.build(lintSigner));
  }

  /** The throwaway key's signer, for a CRL linted before the CA's key signs it (BR 7.2). */
  ContentSigner lintSigner() {
    return lintSigner;
  }

  /**
   * Whether the certificate's signature verifies under the issuing CA's key: a faulty HSM's
   * signature must never reach a customer. A full ECDSA verification either way.
   */
  boolean signedByIssuingKey(X509Certificate certificate) throws GeneralSecurityException {
    if (issuingKeyVerifier == null) {
      certificate.verify(keys.issuingCertificate().getPublicKey());
      return true;
    }
    try {
      return new X509CertificateHolder(certificate.getEncoded()).isSignatureValid(issuingKeyVerifier);
    } catch (IOException | CertException e) {
      throw new GeneralSecurityException("the certificate's signature cannot be checked: " + e.getMessage(), e);
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

  /**
   * A signer whose signature is the one the throwaway key made once over nothing: well formed for
   * the algorithm, so the linted certificate parses like the real one, and it verifies under no
   * key for any TBS. The TBS bytes, all that lint reads, are the caller's, unchanged.
   */
  private static ContentSigner lintSignerLike(KeyPair throwaway, String signatureAlgorithm) {
    ContentSigner once;
    try {
      once = new JcaContentSignerBuilder(signatureAlgorithm).build(throwaway.getPrivate());
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign with " + signatureAlgorithm, e);
    }
    AlgorithmIdentifier algorithm = once.getAlgorithmIdentifier();
    byte[] signature = once.getSignature();
    return new ContentSigner() {
      @Override
      public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
      }

      @Override
      public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream();
      }

      @Override
      public byte[] getSignature() {
        return signature.clone();
      }
    };
  }

  /**
   * Bouncy Castle's ECDSA verifier for the issuing key on the curve's optimized implementation
   * ({@code CustomNamedCurves}), the point decoded once so its precomputation is kept: on JDK 17
   * about 0.25 ms per P-384 verification against 2.2 ms with the JDK's provider (issue 12).
   */
  private static ContentVerifierProvider ecVerifier(PublicKey key) {
    if (!(key instanceof ECPublicKey)) {
      return null;
    }
    SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
    if (!(spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curveOid)) {
      return null;
    }
    X9ECParameters curve = CustomNamedCurves.getByOID(curveOid);
    if (curve == null) {
      return null;
    }
    ECPublicKeyParameters point =
        new ECPublicKeyParameters(
            curve.getCurve().decodePoint(spki.getPublicKeyData().getOctets()), new ECDomainParameters(curve));
    try {
      return new BcECContentVerifierProviderBuilder(new DefaultDigestAlgorithmIdentifierFinder()).build(point);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot verify with the issuing key", e);
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
