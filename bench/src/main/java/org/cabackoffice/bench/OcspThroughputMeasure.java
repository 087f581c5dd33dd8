package org.cabackoffice.bench;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * OCSP responses per second of a running back office (issue 9, Tests and measures), end to end as
 * relying parties ask: RFC 5019 POSTs over HTTP/1.1 to {@code <base>/ocsp} from N client threads,
 * each answer parsed and counted only when it is a signed, successful response. Every answer is
 * signed afresh (the responder keeps no cache), so this is the responder's HTTP, database look-up
 * and ECDSA signature together. A warm-up runs first and is not counted.
 *
 * <p>Run: {@code java -cp <classpath> org.cabackoffice.bench.OcspThroughputMeasure <base-url>
 * [threads] [seconds] [serial-hex]}; without a serial a random one is asked (answered unknown).
 */
public final class OcspThroughputMeasure {

  private OcspThroughputMeasure() {}

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    byte[] issuingDer =
        http.send(HttpRequest.newBuilder(URI.create(base + "/ca/issuing-ca.crt")).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    X509Certificate issuing =
        (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(issuingDer));
    BigInteger serial = args.length > 3 ? new BigInteger(args[3], 16) : new BigInteger(64, new SecureRandom());
    byte[] request =
        new OCSPReqBuilder()
            .addRequest(
                new CertificateID(
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuing),
                    serial))
            .build()
            .getEncoded();
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(base + "/ocsp"))
            .header("Content-Type", "application/ocsp-request")
            .POST(HttpRequest.BodyPublishers.ofByteArray(request))
            .build();

    String status = run(http, post, threads, Duration.ofSeconds(Math.max(5, seconds / 3)), null);
    System.out.printf("warm-up done (%s)%n", status);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    AtomicLong[] counts = {new AtomicLong(), new AtomicLong()};
    run(http, post, threads, Duration.ofSeconds(seconds), new Sink(latencies, counts));
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf(
        "serial %s, %d threads, %.1f s: %d signed responses (%s), %d failures -> %.1f responses/s; latency p50 %.1f ms, p99 %.1f ms%n",
        serial.toString(16), threads, elapsed, counts[0].get(), status, counts[1].get(), counts[0].get() / elapsed,
        percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6);
  }

  private record Sink(List<Long> latencies, AtomicLong[] counts) {}

  /** Sends the request from each thread until the time is up; returns the last certificate status seen. */
  private static String run(HttpClient http, HttpRequest post, int threads, Duration length, Sink sink) throws InterruptedException {
    long end = System.nanoTime() + length.toNanos();
    String[] lastStatus = {"none"};
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  long before = System.nanoTime();
                  try {
                    HttpResponse<byte[]> answer = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
                    OCSPResp response = new OCSPResp(answer.body());
                    if (answer.statusCode() != 200 || response.getStatus() != OCSPResp.SUCCESSFUL) {
                      throw new IllegalStateException("HTTP " + answer.statusCode() + ", OCSP status " + response.getStatus());
                    }
                    Object certStatus = ((BasicOCSPResp) response.getResponseObject()).getResponses()[0].getCertStatus();
                    lastStatus[0] = certStatus == null ? "good" : certStatus.getClass().getSimpleName();
                    if (sink != null) {
                      sink.latencies().add(System.nanoTime() - before);
                      sink.counts()[0].incrementAndGet();
                    }
                  } catch (Exception e) {
                    if (sink != null) {
                      sink.counts()[1].incrementAndGet();
                    }
                  }
                }
              });
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    return lastStatus[0];
  }

  private static double percentile(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
  }
}
