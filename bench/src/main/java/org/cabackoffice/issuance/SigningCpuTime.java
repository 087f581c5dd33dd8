package org.cabackoffice.issuance;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link SigningBenchmark}'s two paths in CPU time of the signing thread, interleaved so both see
 * the same neighbours: on the shared machine JMH's throughput shows how much CPU the others left,
 * signatures per CPU-second what one core of ours does. Also the CA path's steps one by one, to
 * see where it spends. Arguments: rounds, CPU-seconds per path and round (after one round of
 * warm-up).
 */
public final class SigningCpuTime {

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 1;
    SigningBenchmark bench = new SigningBenchmark();
    bench.makeCa();
    try {
      CertificateAuthority authority = bench.authority();
      PreIssuanceLint lint = new PreIssuanceLint();
      X509Certificate linted = authority.signForLint(bench.tbs());
      X509Certificate signed = authority.sign(bench.tbs());
      Map<String, Supplier<Object>> paths = new LinkedHashMap<>();
      paths.put("raw Bouncy Castle signature", () -> call(bench::raw));
      paths.put("CA path with lint", bench::withLint);
      paths.put("  step: lint signature (throwaway key)", () -> authority.signForLint(bench.tbs()));
      paths.put("  step: PreIssuanceLint.check", () -> lint.check(linted, authority.issuingCertificate(), CertificateProfile.OV));
      paths.put("  step: issuing key's signature", () -> authority.sign(bench.tbs()));
      byte[] signedDer = signed.getEncoded();
      var certificates = java.security.cert.CertificateFactory.getInstance("X.509");
      // A fresh copy each time: the JDK's certificate remembers the key it last verified under.
      paths.put("  step: confirmSignedAsLinted (with parsing)", () -> {
        X509Certificate copy = (X509Certificate) call(() -> certificates.generateCertificate(new java.io.ByteArrayInputStream(signedDer)));
        CertificateIssuer.confirmSignedAsLinted(copy, linted, authority);
        return copy;
      });
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      Map<String, double[]> totals = new LinkedHashMap<>();
      for (int round = 0; round <= rounds; round++) {
        for (Map.Entry<String, Supplier<Object>> path : paths.entrySet()) {
          long cpu0 = threads.getCurrentThreadCpuTime();
          long ops = 0;
          while (threads.getCurrentThreadCpuTime() - cpu0 < seconds * 1e9) {
            for (int i = 0; i < 5; i++) {
              if (path.getValue().get() == null) {
                throw new IllegalStateException(path.getKey());
              }
              ops++;
            }
          }
          double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
          if (round > 0) {
            double[] t = totals.computeIfAbsent(path.getKey(), k -> new double[2]);
            t[0] += ops;
            t[1] += cpu;
          }
        }
      }
      double raw = 0;
      for (Map.Entry<String, double[]> t : totals.entrySet()) {
        double perCpuSecond = t.getValue()[0] / t.getValue()[1];
        if (raw == 0) {
          raw = perCpuSecond;
        }
        System.out.printf("%-42s %8.0f per CPU-second, %.3f ms CPU each%s%n", t.getKey(), perCpuSecond,
            1000 / perCpuSecond, t.getKey().startsWith(" ") ? "" : String.format(", %.2fx raw", perCpuSecond / raw));
      }
    } finally {
      bench.removeCa();
    }
  }

  private static Object call(java.util.concurrent.Callable<Object> c) {
    try {
      return c.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private SigningCpuTime() {}
}
