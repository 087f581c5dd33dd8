package org.cabackoffice.bench;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.cabackoffice.csr.CsrCheck;
import org.cabackoffice.csr.CsrCheckContext;
import org.cabackoffice.csr.CsrCheckResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the CSR policy on one compliant request, as a customer's server makes it (guide
 * [1-2]): PEM, the OV subject, two dNSName SANs. The whole check runs: PEM decoding, parsing, key
 * rules (for RSA the small-factor, Fermat and ROCA tests), the signature's verification (proof of
 * possession), subject, extension and name rules. The blocklist and the key history are the empty
 * ones of {@code new CsrCheck()}: their database look-ups are not part of the figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CsrCheckBenchmark {

  @Param({"RSA-2048", "P-256"})
  public String key;

  private final CsrCheck csrCheck = new CsrCheck();
  private final CsrCheckContext context = CsrCheckContext.forCustomer(null, 1L);
  private byte[] pem;

  @Setup
  public void makeRequest() throws Exception {
    KeyPair pair;
    String signature;
    if (key.equals("RSA-2048")) {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      pair = generator.generateKeyPair();
      signature = "SHA256withRSA";
    } else {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      pair = generator.generateKeyPair();
      signature = "SHA256withECDSA";
    }
    JcaPKCS10CertificationRequestBuilder builder =
        new JcaPKCS10CertificationRequestBuilder(
            new X500Name("C=JP,ST=Tokyo,L=Chuo-ku,O=Sample K.K.,CN=www.sample.co.jp"),
            pair.getPublic());
    ExtensionsGenerator extensions = new ExtensionsGenerator();
    extensions.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "www.sample.co.jp"),
              new GeneralName(GeneralName.dNSName, "sample.co.jp")
            }));
    builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(builder.build(new JcaContentSignerBuilder(signature).build(pair.getPrivate())));
    }
    pem = out.toString().getBytes(StandardCharsets.US_ASCII);
    CsrCheckResult result = csrCheck.check(pem, context);
    if (!result.acceptable() || !result.findings().isEmpty()) {
      // A request the policy refuses would measure an early exit, not the check.
      throw new IllegalStateException("the benchmark's request is not compliant: " + result.findings());
    }
  }

  /** The request, for {@link CsrCheckCpuTime}. */
  byte[] pem() {
    return pem;
  }

  /** Returned, so JMH consumes the result and the JIT cannot drop the work. */
  @Benchmark
  public CsrCheckResult check() {
    return csrCheck.check(pem, context);
  }
}
