package org.cabackoffice.acme;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.cabackoffice.domain.DnsAnswer;
import org.cabackoffice.domain.DnsLookup;
import org.cabackoffice.domain.WebsiteFileFetch;
import org.cabackoffice.domain.DnssecStatus;
import org.cabackoffice.domain.corroboration.MultiPerspectiveCorroboration;
import org.springframework.stereotype.Component;
import org.xbill.DNS.Type;

/**
 * Checks an ACME challenge response: http-01 (RFC 8555 8.3; BR 3.2.2.4.19) and dns-01 (RFC 8555
 * 8.4; BR 3.2.2.4.7) through the DNSSEC-validating resolver, where a bogus answer never validates
 * (BR 3.2.2.4, SC-085). A dns-01 record or an http-01 key authorization the primary found is
 * corroborated from the remote perspectives (BR 3.2.2.9) like the application's DNS change and
 * website change methods; the perspectives fetch http-01 by BR 3.2.2.4.19's rules
 * ({@code WebsiteFileFetch}: public addresses only, redirects to 80 and 443).
 */
@Component
public class ChallengeValidation {

  /** The outcome, with what was seen for the record (BR 5.4.1). */
  public record Outcome(boolean valid, String evidence, String problemType, String error) {
    static Outcome valid(String evidence) {
      return new Outcome(true, evidence, null, null);
    }

    static Outcome invalid(String evidence, String problemType, String error) {
      return new Outcome(false, evidence, problemType, error);
    }
  }

  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int READ_TIMEOUT_MS = 10_000;
  private static final int MAX_RESPONSE_BYTES = 16 * 1024;

  private final DnsLookup dns;
  private final AcmeProperties properties;
  private final MultiPerspectiveCorroboration corroboration;
  private final WebsiteFileFetch website;

  public ChallengeValidation(
      DnsLookup dns, AcmeProperties properties, MultiPerspectiveCorroboration corroboration, WebsiteFileFetch website) {
    this.dns = dns;
    this.properties = properties;
    this.corroboration = corroboration;
    this.website = website;
  }

  /** token "." base64url(JWK thumbprint) (RFC 8555 8.1). */
  public static String keyAuthorization(String token, String accountThumbprint) {
    return token + "." + accountThumbprint;
  }

  public Outcome check(String type, String dnsName, String keyAuthorization) {
    return switch (type) {
      case AcmeChallenge.HTTP_01 -> http01(dnsName, keyAuthorization);
      case AcmeChallenge.DNS_01 -> dns01(dnsName, keyAuthorization);
      default -> Outcome.invalid("", AcmeProblem.MALFORMED, "unknown challenge type " + type);
    };
  }

  /**
   * GET http://name:port/.well-known/acme-challenge/token; the body, less trailing white space,
   * must be the key authorization. Redirects are not followed: the answer must come from the name.
   */
  Outcome http01(String dnsName, String keyAuthorization) {
    String token = keyAuthorization.substring(0, keyAuthorization.indexOf('.'));
    if (properties.http01ConnectAddress() == null) {
      return http01ByName(dnsName, token, keyAuthorization);
    }
    String path = "/.well-known/acme-challenge/" + token;
    String url = "http://" + dnsName + (properties.http01Port() == 80 ? "" : ":" + properties.http01Port()) + path;
    InetAddress address;
    try {
      address = InetAddress.getByName(properties.http01ConnectAddress() != null ? properties.http01ConnectAddress() : dnsName);
    } catch (IOException e) {
      return Outcome.invalid("GET " + url + ": " + dnsName + " does not resolve", AcmeProblem.DNS, dnsName + " does not resolve");
    }
    String where = "GET " + url + " (" + address.getHostAddress() + ")";
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, properties.http01Port()), CONNECT_TIMEOUT_MS);
      socket.setSoTimeout(READ_TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + dnsName + "\r\nUser-Agent: ca-back-office-acme\r\n"
              + "Accept: */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response = readResponse(socket.getInputStream());
      int headerEnd = response.indexOf("\r\n\r\n");
      String statusLine = response.lines().findFirst().orElse("");
      if (!statusLine.matches("HTTP/1\\.[01] 200.*")) {
        return Outcome.invalid(where + ": " + statusLine, AcmeProblem.UNAUTHORIZED, url + " answered " + statusLine);
      }
      String body = headerEnd < 0 ? "" : response.substring(headerEnd + 4);
      if (response.substring(0, Math.max(headerEnd, 0)).toLowerCase().contains("transfer-encoding: chunked")) {
        body = unchunk(body);
      }
      if (body.stripTrailing().equals(keyAuthorization)) {
        return corroboratedFile(dnsName, token, keyAuthorization, where + ": 200, the key authorization");
      }
      return Outcome.invalid(where + ": 200, another body", AcmeProblem.INCORRECT_RESPONSE,
          url + " did not answer the key authorization");
    } catch (IOException e) {
      return Outcome.invalid(where + ": " + e.getClass().getSimpleName(), AcmeProblem.CONNECTION,
          "could not fetch " + url + ": " + e.getMessage());
    }
  }

  /**
   * The fetch as the CA makes it: the name resolved through the DNSSEC-validating resolver (SC-085:
   * every lookup for domain validation; a bogus answer is no address), public addresses only (the
   * name is the applicant's), port 80 and the redirects RFC 8555 8.3 and BR 3.2.2.4.19 allow, one
   * deadline for all of it: the fetch the perspectives make too. The socket path above is only for
   * tests, whose client listens on a loopback address no public name leads to.
   */
  private Outcome http01ByName(String dnsName, String token, String keyAuthorization) {
    WebsiteFileFetch.Fetched fetched = website.fetchAcmeChallenge(dnsName, token);
    String seen = fetched.transcript();
    if (!fetched.ok()) {
      if (fetched.status() != 0) {
        return Outcome.invalid(seen, AcmeProblem.UNAUTHORIZED, fetched.url() + " answered " + fetched.status());
      }
      boolean lookup = fetched.failure() != null
          && (fetched.failure().contains("no address for") || fetched.failure().contains("DNSSEC"));
      return Outcome.invalid(seen, lookup ? AcmeProblem.DNS : AcmeProblem.CONNECTION,
          "could not fetch " + fetched.url() + ": " + fetched.failure());
    }
    if (fetched.body().stripTrailing().equals(keyAuthorization)) {
      return corroboratedFile(dnsName, token, keyAuthorization,
          "GET " + fetched.url() + ": 200, the key authorization\n" + seen);
    }
    return Outcome.invalid(seen, AcmeProblem.INCORRECT_RESPONSE,
        fetched.url() + " did not answer the key authorization");
  }

  /** TXT at _acme-challenge.name must hold base64url(SHA-256(key authorization)). */
  Outcome dns01(String dnsName, String keyAuthorization) {
    String name = "_acme-challenge." + dnsName;
    String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(keyAuthorization));
    DnsAnswer answer = dns.query(name, Type.TXT);
    String seen = name + " TXT via " + answer.resolver() + ": " + answer.status()
        + (answer.dnssec() == null ? "" : " (DNSSEC " + answer.dnssec() + ")") + " " + answer.txtValues();
    if (answer.failed() || answer.dnssec() == DnssecStatus.BOGUS) {
      return Outcome.invalid(seen, AcmeProblem.DNS,
          "the TXT lookup at " + name + " failed" + (answer.failure() == null ? "" : ": " + answer.failure()));
    }
    List<String> values = answer.txtValues();
    if (values.contains(expected)) {
      return corroborated(name, expected, seen);
    }
    return Outcome.invalid(seen, AcmeProblem.INCORRECT_RESPONSE,
        "no TXT record at " + name + " holds the digest of the key authorization");
  }

  /**
   * BR 3.2.2.9: the primary found the record; the remote perspectives look for it too, as for the
   * application's DNS change method, and the quorum decides. Their results are stored with the
   * corroboration the evidence names; a missed quorum names the perspectives that did not
   * corroborate. With corroboration off (the private CA) the primary's finding stands, recorded so.
   */
  private Outcome corroborated(String recordName, String expected, String seen) {
    MultiPerspectiveCorroboration.Outcome quorum = corroboration.dnsChange(null, recordName, expected);
    String evidence =
        seen + "; " + quorum.summary()
            + (quorum.corroborationId() == null ? "" : " (corroboration #" + quorum.corroborationId() + ")");
    if (!quorum.permitsIssuance()) {
      return Outcome.invalid(evidence, AcmeProblem.UNAUTHORIZED,
          "multi-perspective corroboration (BR 3.2.2.9) of " + recordName + " failed: " + quorum.summary());
    }
    return Outcome.valid(evidence);
  }

  /**
   * BR 3.2.2.9 applies to http-01 (3.2.2.4.19) as to dns-01: the remote perspectives fetch the
   * same URL by BR 3.2.2.4.19's rules, from where they run, and must find the same key
   * authorization; the quorum decides and its corroboration is named in the evidence.
   */
  private Outcome corroboratedFile(String dnsName, String token, String keyAuthorization, String seen) {
    MultiPerspectiveCorroboration.Outcome quorum = corroboration.acmeHttp01(dnsName, token, keyAuthorization);
    String evidence =
        seen + "; " + quorum.summary()
            + (quorum.corroborationId() == null ? "" : " (corroboration #" + quorum.corroborationId() + ")");
    if (!quorum.permitsIssuance()) {
      return Outcome.invalid(evidence, AcmeProblem.UNAUTHORIZED,
          "multi-perspective corroboration (BR 3.2.2.9) of http://" + dnsName
              + "/.well-known/acme-challenge/" + token + " failed: " + quorum.summary());
    }
    return Outcome.valid(evidence);
  }

  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[4096];
    int n;
    while ((n = in.read(chunk)) > 0) {
      buffer.write(chunk, 0, n);
      if (buffer.size() > MAX_RESPONSE_BYTES) {
        break;
      }
    }
    return buffer.toString(StandardCharsets.ISO_8859_1);
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int lineEnd = body.indexOf("\r\n", at);
      if (lineEnd < 0) {
        break;
      }
      int size;
      try {
        size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].strip(), 16);
      } catch (NumberFormatException e) {
        break;
      }
      if (size == 0 || lineEnd + 2 + size > body.length()) {
        break;
      }
      out.append(body, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    return out.toString();
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
