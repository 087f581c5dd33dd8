package org.cabackoffice.crl;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.issuance.CaProperties;
import org.cabackoffice.issuance.CertificateAuthority;
import org.cabackoffice.issuance.CertificateSerial;

/**
 * How long signing one CRL of N revoked certificates takes and how much heap it needs (issue 9,
 * Tests and measures): the content (entries with reason codes, IDP, number) built and signed by
 * the development issuing CA (P-384). A plain main(), not JMH: one CRL of a million entries is
 * seconds of work, measured a few times after one warm-up. In package {@code crl} because
 * {@link CrlContent} is package-private. Reading the entries from the database is not included.
 *
 * <p>Run: {@code java -Xmx2g -cp <app classes and dependencies>:target/classes
 * org.cabackoffice.crl.CrlGenerationMeasure [entries] [rounds]}
 */
public final class CrlGenerationMeasure {

  private CrlGenerationMeasure() {}

  public static void main(String[] args) throws Exception {
    int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("crl-bench");
    CertificateAuthority authority =
        new CertificateAuthority(
            CaProperties.developmentCa("bench-only", null), Clock.systemUTC(), dir.toString(), "http://127.0.0.1:8080");
    SecureRandom random = new SecureRandom();
    Instant now = Instant.now();
    List<CrlContent.Entry> revoked = new ArrayList<>(entries);
    int[] reasons = {1, 3, 4, 5, 9, 0};
    for (int i = 0; i < entries; i++) {
      BigInteger serial = CertificateSerial.random(random);
      revoked.add(new CrlContent.Entry(serial, now.minusSeconds(i), reasons[i % reasons.length]));
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int round = 0; round <= rounds; round++) {
      System.gc();
      long heapBefore = memory.getHeapMemoryUsage().getUsed();
      long start = System.nanoTime();
      CrlContent content =
          new CrlContent(
              authority.issuingCertificate(),
              BigInteger.valueOf(round + 1L),
              now,
              now.plus(Duration.ofDays(7)),
              Optional.of(authority.publicationUrls().crl(0)),
              revoked);
      byte[] der = authority.signCrl(content.unsigned()).getEncoded();
      long millis = (System.nanoTime() - start) / 1_000_000;
      long heapAfter = memory.getHeapMemoryUsage().getUsed();
      System.out.printf(
          "%s %,d entries: %,d ms, %,d bytes DER, heap in use +%,d MiB (max %,d MiB)%n",
          round == 0 ? "warm-up" : "round " + round,
          entries,
          millis,
          der.length,
          (heapAfter - heapBefore) / (1024 * 1024),
          memory.getHeapMemoryUsage().getMax() / (1024 * 1024));
    }
  }
}
