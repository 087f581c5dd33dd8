package org.cabackoffice.crl;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cert.X509CRLHolder;
import org.cabackoffice.issuance.CaProperties;
import org.cabackoffice.issuance.CertificateAuthority;
import org.cabackoffice.issuance.CertificateSerial;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 12: one shard's CRL as CrlPublication.publishShard makes it, once the revocations are read:
 * the content (entries with reason codes, the partition's issuingDistributionPoint, cRLNumber),
 * signed with the throwaway key and linted (BR 7.2 via {@link CrlLint}), signed by the development
 * issuing CA (P-384), the two TBS compared, the DER encoded. Time per CRL; for a million entries
 * and the heap see {@link CrlGenerationMeasure}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CrlGenerationBenchmark {

  @Param({"1000", "100000"})
  public int entries;

  private CertificateAuthority authority;
  private List<CrlContent.Entry> revoked;
  private Instant now;

  @Setup
  public void revoke() throws Exception {
    Path dir = Files.createTempDirectory("crl-jmh");
    authority = new CertificateAuthority(
        CaProperties.developmentCa("bench-only", null), Clock.systemUTC(), dir.toString(), "http://127.0.0.1:8080");
    SecureRandom random = new SecureRandom();
    now = Instant.now();
    revoked = new ArrayList<>(entries);
    int[] reasons = {1, 3, 4, 5, 9, 0};
    for (int i = 0; i < entries; i++) {
      revoked.add(new CrlContent.Entry(CertificateSerial.random(random), now.minusSeconds(i), reasons[i % reasons.length]));
    }
  }

  @Benchmark
  public byte[] publishShard() throws Exception {
    CrlContent content = new CrlContent(authority.issuingCertificate(), BigInteger.TWO, now, now.plus(Duration.ofDays(7)),
        Optional.of(authority.publicationUrls().crl(0)), revoked);
    X509CRLHolder linted = authority.signCrlForLint(content.unsigned());
    var findings = CrlLint.check(linted, new CrlLint.Scope(
        authority.issuingCertificate(), true, content.partition(), Optional.of(BigInteger.ONE), now));
    if (CrlLint.hasErrors(findings)) {
      throw new IllegalStateException("the benchmark's CRL does not pass lint: " + findings);
    }
    X509CRLHolder signed = authority.signCrl(content.unsigned());
    if (!Arrays.equals(signed.toASN1Structure().getTBSCertList().getEncoded(), linted.toASN1Structure().getTBSCertList().getEncoded())) {
      throw new IllegalStateException("the signed CRL's TBS differs from the linted one");
    }
    return signed.getEncoded();
  }
}
