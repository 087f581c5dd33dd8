package org.cabackoffice.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.cabackoffice.csr.CsrCheck;
import org.cabackoffice.csr.CsrCheckContext;

/**
 * The CSR check's cost in CPU time of the checking thread, not wall time: on a machine shared
 * with other builds JMH's throughput shows how much CPU the neighbours left (bench/README), while
 * checks per CPU-second is what one core of our own does. Same request as {@link
 * CsrCheckBenchmark}. Arguments: key (RSA-2048 or P-256), CPU-seconds to measure (after as many
 * to warm up).
 */
public final class CsrCheckCpuTime {

  public static void main(String[] args) throws Exception {
    String key = args.length > 0 ? args[0] : "RSA-2048";
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
    CsrCheckBenchmark request = new CsrCheckBenchmark();
    request.key = key;
    request.makeRequest();
    CsrCheck check = new CsrCheck();
    CsrCheckContext context = CsrCheckContext.forCustomer(null, 1L);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (String phase : new String[] {"warm-up", "measured"}) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      long checks = 0;
      while (threads.getCurrentThreadCpuTime() - cpu0 < seconds * 1e9) {
        for (int i = 0; i < 20; i++) {
          if (!check.check(request.pem(), context).acceptable()) {
            throw new IllegalStateException("the benchmark's request must be acceptable");
          }
          checks++;
        }
      }
      double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
      double wall = (System.nanoTime() - wall0) / 1e9;
      System.out.printf(
          "%s %s: %d checks, %.0f checks per CPU-second (%.3f ms CPU each); %.0f per wall second%n",
          key, phase, checks, checks / cpu, cpu * 1000 / checks, checks / wall);
    }
  }
}
