package org.cabackoffice.csr;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

/** Builds PKCS#10 requests for the tests, compliant by default, one property changed at a time. */
final class TestCsr {

  static final Provider BC = new BouncyCastleProvider();
  static final String COMPLIANT_SUBJECT =
      "C=JP,ST=Tokyo,L=Chiyoda-ku,O=Example K.K.,CN=www.example.co.jp";

  private static final Map<String, KeyPair> KEYS = new ConcurrentHashMap<>();

  private X500Name subject = new X500Name(COMPLIANT_SUBJECT);
  private KeyPair keyPair = rsaKey(2048);
  private SubjectPublicKeyInfo publicKey;
  private PrivateKey signer;
  private String algorithm = "SHA256withRSA";
  private List<String> dnsNames = new ArrayList<>(List.of("www.example.co.jp", "example.co.jp"));
  private final List<Extension> extraExtensions = new ArrayList<>();
  private final List<ASN1Encodable[]> attributes = new ArrayList<>();
  private ASN1Encodable extensionRequestOverride;

  static TestCsr compliant() {
    return new TestCsr();
  }

  TestCsr subject(String dn) {
    this.subject = new X500Name(dn);
    return this;
  }

  TestCsr subject(X500Name dn) {
    this.subject = dn;
    return this;
  }

  TestCsr key(KeyPair pair, String signatureAlgorithm) {
    this.keyPair = pair;
    this.algorithm = signatureAlgorithm;
    return this;
  }

  TestCsr algorithm(String signatureAlgorithm) {
    this.algorithm = signatureAlgorithm;
    return this;
  }

  /** Puts this public key in the request while signing with the key pair's private key. */
  TestCsr publicKey(SubjectPublicKeyInfo spki) {
    this.publicKey = spki;
    return this;
  }

  TestCsr signedBy(PrivateKey privateKey) {
    this.signer = privateKey;
    return this;
  }

  TestCsr dnsNames(String... names) {
    this.dnsNames = new ArrayList<>(List.of(names));
    return this;
  }

  TestCsr extension(Extension extension) {
    extraExtensions.add(extension);
    return this;
  }

  TestCsr extensionRequest(ASN1Encodable value) {
    this.extensionRequestOverride = value;
    return this;
  }

  TestCsr attribute(ASN1ObjectIdentifier type, ASN1Encodable value) {
    attributes.add(new ASN1Encodable[] {type, value});
    return this;
  }

  byte[] der() {
    try {
      SubjectPublicKeyInfo spki =
          publicKey != null
              ? publicKey
              : SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded());
      PKCS10CertificationRequestBuilder builder = new PKCS10CertificationRequestBuilder(subject, spki);
      List<ASN1Encodable> extensions = new ArrayList<>();
      if (!dnsNames.isEmpty()) {
        GeneralName[] names =
            dnsNames.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new);
        extensions.add(
            new Extension(Extension.subjectAlternativeName, false, new GeneralNames(names).getEncoded()));
      }
      extensions.addAll(extraExtensions);
      if (extensionRequestOverride != null) {
        builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensionRequestOverride);
      } else if (!extensions.isEmpty()) {
        builder.addAttribute(
            PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
            new DERSequence(extensions.toArray(ASN1Encodable[]::new)));
      }
      for (ASN1Encodable[] attribute : attributes) {
        builder.addAttribute((ASN1ObjectIdentifier) attribute[0], attribute[1]);
      }
      PrivateKey signingKey = signer != null ? signer : keyPair.getPrivate();
      return builder
          .build(new JcaContentSignerBuilder(algorithm).setProvider(BC).build(signingKey))
          .getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  byte[] pem() {
    return pem(der()).getBytes(StandardCharsets.US_ASCII);
  }

  static String pem(byte[] der) {
    return "-----BEGIN CERTIFICATE REQUEST-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END CERTIFICATE REQUEST-----\n";
  }

  static KeyPair rsaKey(int bits) {
    return KEYS.computeIfAbsent("RSA" + bits, k -> generate("RSA", bits));
  }

  static KeyPair ecKey(String curve) {
    return KEYS.computeIfAbsent("EC" + curve, k -> generateEc(curve));
  }

  static KeyPair ed25519Key() {
    return KEYS.computeIfAbsent("Ed25519", k -> {
      try {
        return KeyPairGenerator.getInstance("Ed25519", BC).generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** An RSA key pair from chosen primes, to make the weak moduli the policy must find. */
  static KeyPair rsaKey(BigInteger p, BigInteger q, BigInteger e) {
    try {
      BigInteger n = p.multiply(q);
      BigInteger phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
      BigInteger d = e.modInverse(phi);
      KeyFactory factory = KeyFactory.getInstance("RSA", BC);
      return new KeyPair(
          factory.generatePublic(new RSAPublicKeySpec(n, e)),
          factory.generatePrivate(
              new RSAPrivateCrtKeySpec(
                  n, e, d, p, q,
                  d.mod(p.subtract(BigInteger.ONE)),
                  d.mod(q.subtract(BigInteger.ONE)),
                  q.modInverse(p))));
    } catch (GeneralSecurityException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static KeyPair generate(String algorithm, int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, BC);
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair generateEc(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
