package org.cabackoffice.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Type;

/**
 * Fetches a file under {@code /.well-known/pki-validation/} of an FQDN as BR 3.2.2.4.18 allows: the
 * "http" or "https" scheme on an Authorized Port (this CA uses 80 and 443 only), redirects followed
 * only when they are 301, 302, 307 or 308 to the final value of {@code Location}, again http(s) on
 * those ports; success is a 2xx status. Used by the primary and, with its own resolver, by every
 * remote perspective (BR 3.2.2.9), so both fetch by one rule. The perspectives fetch an ACME
 * http-01 key authorization by it too ({@link #fetchAcmeChallenge}): BR 3.2.2.4.19 has the same
 * ports, redirects and 2xx rule.
 *
 * <p>The host is resolved through {@link DnsLookup}, so its addresses are DNSSEC-validated like
 * every other DNS query of domain validation (BR 3.2.2.4, SC-085); an IP literal in a redirect is
 * refused for that reason. The request is HTTP/1.0 with a Host header, so no chunked body comes
 * back. An https server's certificate is not verified: the random value in the file proves control,
 * and a site being set up may not have a valid certificate yet (ACME's http-01 does the same).
 *
 * <p>Ports: {@code backoffice.domain.website-change.test-http-port} and {@code …test-https-port}
 * exist for tests on loopback only (an unprivileged port stands in for 80 or 443); production
 * configuration never sets them, and the README says so.
 *
 * <p>The host names come from the applicant (its certificate's names and the redirects its server
 * sends), so without a check the CA could be made to fetch from its own network (databases, cloud
 * metadata at 169.254.169.254) and show the answer as evidence. Every hop's address must be a
 * public one ({@link ReferralPolicy#isPublic}), unless a test port is set (loopback tests). One
 * deadline covers the whole fetch, all hops, so a server that trickles bytes cannot hold a job
 * executor thread for longer than it.
 */
@Component
public class WebsiteFileFetch {

  /** BR 3.2.2.4.18: the directory the file must be under. */
  public static final String DIRECTORY = "/.well-known/pki-validation/";

  /** RFC 8555 8.3 (BR 3.2.2.4.19): where an ACME http-01 key authorization is published. */
  public static final String ACME_CHALLENGE_DIRECTORY = "/.well-known/acme-challenge/";

  static final int MAX_BODY = 65536;
  static final int MAX_REDIRECTS = 10;
  /** The whole fetch, every hop included, may take this many single timeouts. */
  static final int WHOLE_FETCH_TIMEOUTS = 3;
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 307, 308);

  /**
   * @param ok a 2xx answer came at the end
   * @param status the last HTTP status, 0 when none
   * @param url the URL the last answer came from
   * @param body the last answer's body (at most 64 KiB, UTF-8), empty without one
   * @param failure why the fetch did not end in a 2xx, else null
   * @param transcript each request and its status line, for the evidence
   */
  public record Fetched(boolean ok, int status, String url, String body, String failure, String transcript) {}

  private final DnsLookup dns;
  private final int httpPort;
  private final int httpsPort;
  private final Duration timeout;

  public WebsiteFileFetch(
      DnsLookup dns,
      @Value("${backoffice.domain.website-change.test-http-port:80}") int httpPort,
      @Value("${backoffice.domain.website-change.test-https-port:443}") int httpsPort,
      @Value("${backoffice.domain.website-change.timeout:PT10S}") Duration timeout) {
    this.dns = dns;
    this.httpPort = httpPort;
    this.httpsPort = httpsPort;
    this.timeout = timeout;
  }

  /** The URL the customer publishes the file at: http on the FQDN (https is followed if redirected). */
  public static String url(String fqdn, String fileName) {
    return "http://" + fqdn + DIRECTORY + fileName;
  }

  /** The URL an ACME client publishes the key authorization at (RFC 8555 8.3: http, port 80). */
  public static String acmeChallengeUrl(String fqdn, String token) {
    return "http://" + fqdn + ACME_CHALLENGE_DIRECTORY + token;
  }

  public Fetched fetch(String fqdn, String fileName) {
    return fetchFrom(url(fqdn, fileName));
  }

  /**
   * The ACME http-01 key authorization at {@code /.well-known/acme-challenge/<token>} by the same
   * rules: BR 3.2.2.4.19 asks for what 3.2.2.4.18 does (Authorized Ports, the four redirects, a 2xx
   * answer), and RFC 8555 8.3 starts on port 80 and lets the server follow redirects.
   */
  public Fetched fetchAcmeChallenge(String fqdn, String token) {
    return fetchFrom(acmeChallengeUrl(fqdn, token));
  }

  private Fetched fetchFrom(String firstUrl) {
    StringBuilder transcript = new StringBuilder();
    String current = firstUrl;
    long deadline = System.nanoTime() + WHOLE_FETCH_TIMEOUTS * timeout.toNanos();
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      URI uri;
      try {
        uri = new URI(current);
      } catch (URISyntaxException e) {
        return failed(current, 0, "not a URL: " + current, transcript);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return failed(current, 0, "the scheme of " + current + " is neither http nor https (BR 3.2.2.4.18, 3.2.2.4.19)", transcript);
      }
      int defaultPort = scheme.equals("http") ? 80 : 443;
      int standIn = scheme.equals("http") ? httpPort : httpsPort; // the default port, unless under test
      int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
      if (port != defaultPort && port != standIn) {
        return failed(current, 0, current + " is not on an Authorized Port (80 for http, 443 for https; BR 3.2.2.4.18, 3.2.2.4.19)", transcript);
      }
      int connectTo = port == defaultPort ? standIn : port;
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      if (host.isEmpty() || host.startsWith("[") || host.matches("[0-9.]+")) {
        return failed(current, 0, current + " names no DNS host name, so nothing DNSSEC-validated leads to it", transcript);
      }
      InetAddress address;
      try {
        address = resolve(host);
      } catch (IOException e) {
        return failed(current, 0, e.getMessage(), transcript);
      }
      if (!underTest() && !ReferralPolicy.isPublic(address)) {
        // The address itself is not repeated: the customer reads this reason.
        return failed(current, 0, host + " resolves to an address that is not public; the CA fetches from public addresses only", transcript);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return failed(current, 0, "the fetch took longer than " + WHOLE_FETCH_TIMEOUTS * timeout.toSeconds() + " s in all", transcript);
      }
      String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
          + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      Response response;
      try {
        response = get(scheme, host, port, address, connectTo, path, deadline);
      } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
        // IllegalArgumentException: a host TLS cannot name (SNI), e.g. one with a trailing dot.
        return failed(current, 0, "GET " + current + " (" + address.getHostAddress() + ") failed: " + e.getMessage(), transcript);
      }
      transcript.append("GET ").append(current).append(" (").append(address.getHostAddress()).append(":")
          .append(connectTo).append(") → ").append(response.statusLine()).append('\n');
      if (response.status() >= 200 && response.status() < 300) {
        return new Fetched(true, response.status(), current, response.body(), null, transcript.toString());
      }
      if (!REDIRECTS.contains(response.status())) {
        String why = response.status() >= 300 && response.status() < 400
            ? " is a redirect BR 3.2.2.4.18 and 3.2.2.4.19 do not allow (only 301, 302, 307, 308)"
            : " is not a successful (2xx) answer";
        return failed(current, response.status(), "HTTP " + response.status() + " from " + current + why, transcript);
      }
      if (response.location() == null) {
        return failed(current, response.status(), "HTTP " + response.status() + " without a Location header", transcript);
      }
      try {
        current = uri.resolve(new URI(response.location().strip())).toString();
      } catch (URISyntaxException e) {
        return failed(current, response.status(), "unreadable Location " + response.location(), transcript);
      }
    }
    return failed(current, 0, "more than " + MAX_REDIRECTS + " redirects", transcript);
  }

  private InetAddress resolve(String host) throws IOException {
    List<String> failures = new ArrayList<>();
    for (int type : new int[] {Type.A, Type.AAAA}) {
      DnsAnswer answer = dns.query(host, type);
      if (answer.failed()) {
        failures.add(answer.failure());
        continue;
      }
      for (org.xbill.DNS.Record r : answer.ofType(type)) {
        if (r instanceof ARecord a) {
          return a.getAddress();
        }
        if (r instanceof AAAARecord aaaa) {
          return aaaa.getAddress();
        }
      }
    }
    throw new IOException(
        "no address for " + host + (failures.isEmpty() ? "" : ": " + String.join("; ", failures)));
  }

  private record Response(int status, String statusLine, String location, String body) {}

  private boolean underTest() {
    return httpPort != 80 || httpsPort != 443;
  }

  private Response get(String scheme, String host, int port, InetAddress address, int connectTo, String path, long deadline)
      throws IOException, GeneralSecurityException {
    int millis = (int) timeout.toMillis();
    try (Socket plain = new Socket()) {
      // From the address the lookups leave from: a perspective fetches from where it looks (BR 3.2.2.9).
      if (dns.sourceAddress().isPresent()) {
        plain.bind(new InetSocketAddress(dns.sourceAddress().get(), 0));
      }
      plain.connect(new InetSocketAddress(address, connectTo), millis);
      plain.setSoTimeout(millis);
      Socket socket = plain;
      if (scheme.equals("https")) {
        SSLSocket tls = (SSLSocket) anyCertificate().getSocketFactory().createSocket(plain, host, connectTo, true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(host)));
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        socket = tls;
      }
      String hostHeader = host + (port == (scheme.equals("http") ? 80 : 443) ? "" : ":" + port);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.0\r\nHost: " + hostHeader
              + "\r\nUser-Agent: ca-back-office domain validation (BR 3.2.2.4.18, 3.2.2.4.19)\r\nAccept: */*\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return read(socket.getInputStream(), deadline);
    }
  }

  private static Response read(InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0 && bytes.size() <= MAX_BODY + 16384) {
      bytes.write(buffer, 0, n);
      if (System.nanoTime() - deadline > 0) {
        throw new IOException("the server sent its answer too slowly (the fetch has a deadline for all hops)");
      }
    }
    String raw = bytes.toString(StandardCharsets.ISO_8859_1);
    int end = raw.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("no complete HTTP header in the answer");
    }
    String[] lines = raw.substring(0, end).split("\r\n");
    String[] status = lines[0].split(" ", 3);
    if (status.length < 2 || !status[0].startsWith("HTTP/") || !status[1].matches("[0-9]{3}")) {
      throw new IOException("not an HTTP status line: " + lines[0]);
    }
    String location = null;
    int length = -1;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).strip();
      if (name.equals("location")) {
        location = value;
      } else if (name.equals("content-length") && value.matches("[0-9]{1,9}")) {
        length = Integer.parseInt(value);
      }
    }
    byte[] all = bytes.toByteArray();
    int from = end + 4;
    int to = Math.min(all.length, from + Math.min(MAX_BODY, length < 0 ? Integer.MAX_VALUE : length));
    String body = new String(all, from, Math.max(0, to - from), StandardCharsets.UTF_8);
    return new Response(Integer.parseInt(status[1]), lines[0], location, body);
  }

  private static SSLContext anyCertificate() throws GeneralSecurityException {
    TrustManager any =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Deliberately accepted: see the class comment (the random value proves control).
          }

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {any}, new SecureRandom());
    return context;
  }

  private static Fetched failed(String url, int status, String why, StringBuilder transcript) {
    return new Fetched(false, status, url, "", why, transcript + why + "\n");
  }
}
