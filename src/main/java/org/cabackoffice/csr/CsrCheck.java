package org.cabackoffice.csr;

import java.io.IOException;
import java.math.BigInteger;
import java.security.Provider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The CSR policy: decides whether a PKCS#10 request may become one of the CA's OV/EV server
 * certificates, and says why not in findings the customer can act on. Used by the process's "CSR
 * check" step and by {@code POST /api/csr/check}; knows nothing of either.
 */
@Service
public class CsrCheck {

  private static final Logger log = LoggerFactory.getLogger(CsrCheck.class);

  /**
   * Bouncy Castle as a provider object, not registered with java.security.Security: the signature
   * check needs PSS and the older algorithms whatever the JDK offers, and a global registration
   * would change the behaviour of every other package.
   */
  private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

  private final PublicKeyPolicy keys = new PublicKeyPolicy();
  private final SubjectPolicy subjects = new SubjectPolicy();
  private final ExtensionRequestPolicy extensionRequests = new ExtensionRequestPolicy();
  private final DnsNamePolicy dnsNames = new DnsNamePolicy();
  private final KeyBlocklist blocklist;
  private final KeyHistory keyHistory;
  private final int maxNames;

  /** Names per certificate unless configured otherwise; each one is validated and kept. */
  public static final int DEFAULT_MAX_NAMES = 100;

  /**
   * The policy on the request alone: no key is blocked and no key was certified before. For tests
   * and benchmarks; the running system uses the blocklist and the certificates it holds.
   */
  public CsrCheck() {
    this(KeyBlocklist.empty(), KeyHistory.none());
  }

  public CsrCheck(KeyBlocklist blocklist, KeyHistory keyHistory) {
    this(blocklist, keyHistory, DEFAULT_MAX_NAMES);
  }

  /**
   * @param maxNames the most distinct DNS names (CN and SANs) one certificate may carry: every
   *     name costs a validation and a CAA lookup before issuance (BR 3.2.2.4, 3.2.2.8), and a
   *     request far beyond what any server needs would pass the people's steps only to fail at
   *     signing
   */
  @Autowired
  public CsrCheck(
      KeyBlocklist blocklist,
      KeyHistory keyHistory,
      @Value("${backoffice.csr.max-names:" + DEFAULT_MAX_NAMES + "}") int maxNames) {
    if (maxNames < 1) {
      throw new IllegalArgumentException("backoffice.csr.max-names must be at least 1: " + maxNames);
    }
    this.blocklist = blocklist;
    this.keyHistory = keyHistory;
    this.maxNames = maxNames;
  }

  /**
   * Checks a request.
   *
   * @param input PEM (with or without text around it) or DER, at most 64 KiB
   * @throws NotACsrException when the input is not a PKCS#10 request, with the reason
   */
  public CsrCheckResult check(byte[] input, CsrCheckContext context) {
    PKCS10CertificationRequest request = parse(CsrInput.toDer(input));
    CsrCheckContext effective = context == null ? CsrCheckContext.standalone() : context;
    try {
      return checkParsed(request, effective);
    } catch (NotACsrException e) {
      throw e;
    } catch (ClassCastException
        | IllegalArgumentException
        | IllegalStateException
        | IndexOutOfBoundsException e) {
      // Bouncy Castle decodes lazily and throws these (ASN1ParsingException is an
      // IllegalStateException) from deep inside a part it did not like: that is the customer's malformed request, a 400
      // with a reason (issue 7), never a 500 that quotes Bouncy Castle's classes.
      log.debug("a rule could not read a part of the request", e);
      throw new NotACsrException(
          "A part of the certificate request (a name, the key or an extension) is not encoded as"
              + " RFC 2986 and RFC 5280 require.",
          e);
    }
  }

  private CsrCheckResult checkParsed(PKCS10CertificationRequest request, CsrCheckContext effective) {
    Findings findings = new Findings();

    SignatureAlgorithms.Classification signature =
        SignatureAlgorithms.classify(request.getSignatureAlgorithm());
    switch (signature.verdict()) {
      case WEAK -> findings.add(CsrRule.SIGNATURE_ALGORITHM_WEAK, signature.name());
      case UNSUPPORTED -> findings.add(CsrRule.SIGNATURE_ALGORITHM_UNSUPPORTED, signature.name());
      case ACCEPTED -> {}
    }
    PublicKeyPolicy.Outcome key = keys.check(request.getSubjectPublicKeyInfo(), findings);
    checkKeyIsFree(key.key().spkiSha256(), effective, findings);
    if (signature.verdict() != SignatureAlgorithms.Verdict.UNSUPPORTED) {
      verifySignature(request, signature.name(), findings);
    }
    CsrSubject subject = subjects.check(request.getSubject(), effective, findings);
    List<String> sans = extensionRequests.check(attributes(request), findings);
    checkNames(subject.commonName(), sans, findings);

    return new CsrCheckResult(
        findings.acceptable(), findings.list(), subject, key.key(), sans, key.spkiDer());
  }

  /**
   * A key whose private half others know cannot be certified (BR 6.1.1.3). Whatever its algorithm:
   * a compromised key stays compromised even when another rule refuses it too, and the customer
   * should learn both so the next key is a new one.
   */
  private void checkKeyIsFree(String spkiSha256, CsrCheckContext context, Findings findings) {
    if (blocklist.contains(spkiSha256)) {
      findings.add(CsrRule.KEY_BLOCKLISTED, spkiSha256);
    }
    // Which customer holds the key is that customer's business: the finding does not name it.
    if (context.customerAccountId() != null
        && keyHistory.usedByAnotherCustomer(spkiSha256, context.customerAccountId())) {
      findings.add(CsrRule.KEY_USED_BY_ANOTHER_CUSTOMER);
    }
  }

  /**
   * The CN and every dNSName SAN are names the certificate vouches for (BR 7.1.4.3: the CN is one
   * of the SANs). Each distinct name is checked once, so a CN repeated as a SAN is reported once.
   */
  private void checkNames(String commonName, List<String> sans, Findings findings) {
    Set<String> seen = new HashSet<>();
    List<String> names = new ArrayList<>();
    if (commonName != null && !commonName.isBlank()) {
      names.add(commonName);
    }
    names.addAll(sans);
    for (String name : names) {
      if (seen.add(name.toLowerCase(Locale.ROOT)) && seen.size() <= maxNames) {
        dnsNames.check(name, findings);
      }
    }
    if (seen.size() > maxNames) {
      findings.add(CsrRule.NAMES_TOO_MANY, seen.size(), maxNames);
    }
  }

  private static PKCS10CertificationRequest parse(byte[] der) {
    PKCS10CertificationRequest request;
    try {
      request = new PKCS10CertificationRequest(der);
    } catch (IOException | RuntimeException e) {
      // Bouncy Castle's message names its own classes (DLSequence cannot be cast ...); the
      // customer needs to know what to send instead.
      throw new NotACsrException(
          "The input is not a well-formed PKCS#10 certificate request: its ASN.1 structure is not"
              + " CertificationRequest (RFC 2986 4.2). Send the CSR exactly as your server wrote it.",
          e);
    }
    CertificationRequest structure = request.toASN1Structure();
    BigInteger version;
    try {
      version = structure.getCertificationRequestInfo().getVersion().getValue();
      decodeFully(request);
    } catch (RuntimeException e) {
      throw new NotACsrException(
          "The certificate request's content is malformed: its version, subject, public key or"
              + " attributes do not decode.",
          e);
    }
    if (version.signum() != 0) {
      // RFC 2986 4.1: version is v1 (0); anything else is a structure we do not know.
      throw new NotACsrException(
          "The certificate request has version " + version + "; only version 1 (0) exists.");
    }
    return request;
  }

  /**
   * Bouncy Castle decodes the parts of a request lazily; decoding them all here turns a malformed
   * structure into NotACsrException once, instead of an exception in the middle of a rule.
   */
  private static void decodeFully(PKCS10CertificationRequest request) {
    for (RDN rdn : request.getSubject().getRDNs()) {
      for (AttributeTypeAndValue typeAndValue : rdn.getTypesAndValues()) {
        typeAndValue.getType();
        if (typeAndValue.getValue() instanceof ASN1String text) {
          text.getString(); // a UTF8String that is not UTF-8 fails here
        }
      }
    }
    request.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm();
    request.getSubjectPublicKeyInfo().getPublicKeyData();
    request.getSignatureAlgorithm().getAlgorithm();
    for (Attribute attribute : request.getAttributes()) {
      attribute.getAttrType();
      attribute.getAttrValues();
    }
  }

  private static void verifySignature(
      PKCS10CertificationRequest request, String algorithm, Findings findings) {
    try {
      ContentVerifierProvider verifier =
          new JcaContentVerifierProviderBuilder()
              .setProvider(BOUNCY_CASTLE)
              .build(request.getSubjectPublicKeyInfo());
      if (!request.isSignatureValid(verifier)) {
        findings.add(CsrRule.SIGNATURE_INVALID, algorithm);
      }
    } catch (Exception e) {
      // A key that cannot be turned into a verifier, or a signature that cannot be decoded, is
      // a signature that does not verify: proof of possession (BR 3.2.1) is missing either way.
      findings.add(CsrRule.SIGNATURE_INVALID, algorithm);
    }
  }

  private static Attribute[] attributes(PKCS10CertificationRequest request) {
    try {
      return request.getAttributes();
    } catch (RuntimeException e) {
      throw new NotACsrException("The attributes of the certificate request are malformed.", e);
    }
  }
}
