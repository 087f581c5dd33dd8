package org.cabackoffice.csr;

import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Which signature algorithms a request may be signed with. The accepted set is the one the
 * Baseline Requirements allow for subscriber keys (BR 7.1.3.2): RSA PKCS#1 v1.5 and RSASSA-PSS,
 * and ECDSA, each with SHA-256, SHA-384 or SHA-512. SHA-1 and the MD hashes are collision-broken
 * (BR 7.1.3.2 forbids SHA-1; MD2/MD4/MD5 long before), so a request signed with them proves little
 * about possession of the key.
 */
final class SignatureAlgorithms {

  enum Verdict {
    ACCEPTED,
    WEAK,
    UNSUPPORTED
  }

  record Classification(Verdict verdict, String name) {}

  private static final Map<ASN1ObjectIdentifier, String> ACCEPTED =
      Map.of(
          PKCSObjectIdentifiers.sha256WithRSAEncryption, "SHA256withRSA",
          PKCSObjectIdentifiers.sha384WithRSAEncryption, "SHA384withRSA",
          PKCSObjectIdentifiers.sha512WithRSAEncryption, "SHA512withRSA",
          X9ObjectIdentifiers.ecdsa_with_SHA256, "SHA256withECDSA",
          X9ObjectIdentifiers.ecdsa_with_SHA384, "SHA384withECDSA",
          X9ObjectIdentifiers.ecdsa_with_SHA512, "SHA512withECDSA");

  private static final Map<ASN1ObjectIdentifier, String> WEAK =
      Map.of(
          PKCSObjectIdentifiers.md2WithRSAEncryption, "MD2withRSA",
          PKCSObjectIdentifiers.md4WithRSAEncryption, "MD4withRSA",
          PKCSObjectIdentifiers.md5WithRSAEncryption, "MD5withRSA",
          PKCSObjectIdentifiers.sha1WithRSAEncryption, "SHA1withRSA",
          OIWObjectIdentifiers.sha1WithRSA, "SHA1withRSA (OIW)",
          OIWObjectIdentifiers.md5WithRSA, "MD5withRSA (OIW)",
          X9ObjectIdentifiers.ecdsa_with_SHA1, "SHA1withECDSA",
          X9ObjectIdentifiers.id_dsa_with_sha1, "SHA1withDSA");

  private static final Map<ASN1ObjectIdentifier, String> PSS_HASHES =
      Map.of(
          NISTObjectIdentifiers.id_sha256, "SHA-256",
          NISTObjectIdentifiers.id_sha384, "SHA-384",
          NISTObjectIdentifiers.id_sha512, "SHA-512");

  private SignatureAlgorithms() {}

  static Classification classify(AlgorithmIdentifier algorithm) {
    ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
    if (ACCEPTED.containsKey(oid)) {
      return new Classification(Verdict.ACCEPTED, ACCEPTED.get(oid));
    }
    if (WEAK.containsKey(oid)) {
      return new Classification(Verdict.WEAK, WEAK.get(oid) + " (" + oid.getId() + ")");
    }
    if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid)) {
      return classifyPss(algorithm);
    }
    return new Classification(Verdict.UNSUPPORTED, oid.getId());
  }

  /**
   * RSASSA-PSS carries its hash in the parameters (RFC 4055); absent parameters mean SHA-1 with
   * MGF1-SHA-1, which is as weak as SHA1withRSA. The message hash and the MGF1 hash must be the
   * same SHA-2 function, as BR 7.1.3.2.1 lists only such combinations.
   */
  private static Classification classifyPss(AlgorithmIdentifier algorithm) {
    String oid = PKCSObjectIdentifiers.id_RSASSA_PSS.getId();
    RSASSAPSSparams params;
    try {
      params = RSASSAPSSparams.getInstance(algorithm.getParameters());
    } catch (RuntimeException e) {
      return new Classification(
          Verdict.UNSUPPORTED, "RSASSA-PSS with malformed parameters (" + oid + ")");
    }
    if (params == null) {
      return new Classification(Verdict.WEAK, "RSASSA-PSS with SHA-1 (" + oid + ")");
    }
    ASN1ObjectIdentifier hash = params.getHashAlgorithm().getAlgorithm();
    Optional<ASN1ObjectIdentifier> mgfHash = mgf1Hash(params);
    if (OIWObjectIdentifiers.idSHA1.equals(hash)) {
      return new Classification(Verdict.WEAK, "RSASSA-PSS with SHA-1 (" + oid + ")");
    }
    if (PSS_HASHES.containsKey(hash) && mgfHash.filter(hash::equals).isPresent()) {
      return new Classification(Verdict.ACCEPTED, "RSASSA-PSS with " + PSS_HASHES.get(hash));
    }
    return new Classification(
        Verdict.UNSUPPORTED, "RSASSA-PSS with hash " + hash.getId() + " (" + oid + ")");
  }

  private static Optional<ASN1ObjectIdentifier> mgf1Hash(RSASSAPSSparams params) {
    AlgorithmIdentifier mgf = params.getMaskGenAlgorithm();
    if (!PKCSObjectIdentifiers.id_mgf1.equals(mgf.getAlgorithm())) {
      return Optional.empty();
    }
    try {
      return Optional.of(AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
