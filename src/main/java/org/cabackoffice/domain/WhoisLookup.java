package org.cabackoffice.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.net.whois.WhoisClient;
import org.springframework.stereotype.Component;

/**
 * Asks a domain's registration data over WHOIS (RFC 3912: one query line on TCP 43, the answer
 * until the server closes). The server comes from configuration by longest suffix; a thin
 * registry's "Registrar WHOIS Server:" referral is followed once, since only the registrar holds
 * the registrant and contacts. Connection, each read and the whole answer are time-limited and
 * the answer's size is capped, so a stuck or hostile server cannot hold a job or fill memory.
 */
@Component
public class WhoisLookup {

  public static final String SOURCE = "WHOIS";

  private final WhoisProperties properties;

  public WhoisLookup(WhoisProperties properties) {
    this.properties = properties;
  }

  /** Whether a server is configured for the domain's TLD (or a longer suffix). */
  public boolean serves(String domain) {
    return properties.serverFor(domain).isPresent();
  }

  /**
   * @param domain a name in {@link DomainName#normalize} form
   * @throws RegistryUnavailableException no server for the TLD, unreachable, timeout, throttled,
   *     oversized or unreadable answer
   */
  public RegistryAnswer lookup(String domain) {
    RegistryServer registry =
        properties
            .serverFor(domain)
            .orElseThrow(
                () ->
                    new RegistryUnavailableException(
                        "no WHOIS server configured for ." + tldOf(domain)
                            + " (backoffice.whois.servers)"));
    RegistryAnswer answer = ask(registry, domain);
    String referral = answer.record().referral();
    if (!answer.record().registered() || referral == null) {
      return answer;
    }
    RegistryServer registrar;
    try {
      registrar = RegistryServer.parse(referral);
    } catch (IllegalArgumentException e) {
      return answer; // a referral we cannot read leaves the registry's data as the best we have
    }
    if (registrar.equals(registry)) {
      return answer;
    }
    RegistryAnswer registrarAnswer = ask(registrar, domain);
    if (!registrarAnswer.record().registered()) {
      // The registry says it exists, the registrar does not know it: keep the registry's word.
      return answer;
    }
    return new RegistryAnswer(
        SOURCE,
        registrarAnswer.server(),
        registrarAnswer.response(),
        registrarAnswer.record(),
        answer);
  }

  private RegistryAnswer ask(RegistryServer server, String domain) {
    String text = WhoisText.decode(fetch(server, domain));
    try {
      return new RegistryAnswer(
          SOURCE, server.toString(), text, WhoisRecordParser.parse(text), null);
    } catch (RegistryUnavailableException e) {
      throw new RegistryUnavailableException(server + ": " + e.getMessage(), e);
    }
  }

  private byte[] fetch(RegistryServer server, String query) {
    WhoisClient client = new WhoisClient();
    client.setConnectTimeout(millis(properties.connectTimeout().toMillis()));
    client.setDefaultTimeout(millis(properties.readTimeout().toMillis()));
    try {
      client.connect(server.host(), server.port());
      client.setSoTimeout(millis(properties.readTimeout().toMillis()));
      long deadline = System.nanoTime() + properties.answerTimeout().toNanos();
      int max = properties.maxAnswerBytes();
      try (InputStream in = client.getInputStream(false, query, StandardCharsets.US_ASCII.name())) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
          if (out.size() > max) {
            throw new RegistryUnavailableException(
                server + ": the WHOIS answer exceeds " + max + " bytes; refused");
          }
          if (System.nanoTime() > deadline) {
            throw new RegistryUnavailableException(
                server + ": the WHOIS answer took longer than " + properties.answerTimeout());
          }
        }
        return out.toByteArray();
      }
    } catch (SocketTimeoutException e) {
      throw new RegistryUnavailableException(server + ": WHOIS server timed out", e);
    } catch (UnknownHostException e) {
      throw new RegistryUnavailableException(server + ": unknown WHOIS host", e);
    } catch (IOException e) {
      throw new RegistryUnavailableException(
          server + ": WHOIS server unreachable (" + e.getMessage() + ")", e);
    } finally {
      try {
        client.disconnect();
      } catch (IOException ignored) {
        // the answer is read or the query has failed already; nothing more to learn here
      }
    }
  }

  private static int millis(long ms) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, ms));
  }

  static String tldOf(String domain) {
    return domain.substring(domain.lastIndexOf('.') + 1);
  }
}
