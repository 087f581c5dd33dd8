package org.cabackoffice.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.net.whois.WhoisClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks a domain's registration data over WHOIS (RFC 3912: one query line on TCP 43, the answer
 * until the server closes). The server comes from configuration by longest suffix; for a TLD
 * without one, IANA's WHOIS server is asked for the TLD and its {@code refer:} line names the
 * registry (DESIGN.md: lookups start at IANA's server and follow referrals), remembered per TLD
 * for the life of the process. A thin registry's "Registrar WHOIS Server:" referral is followed
 * once, since only the registrar holds the registrant and contacts. Connection, each read and the whole answer are time-limited and
 * the answer's size is capped, so a stuck or hostile server cannot hold a job or fill memory.
 */
@Component
public class WhoisLookup {

  public static final String SOURCE = "WHOIS";

  /** An organization-type record names an administrative and a technical contact. */
  private static final int MAX_CONTACT_HANDLES = 4;

  private static final Logger log = LoggerFactory.getLogger(WhoisLookup.class);

  private final WhoisProperties properties;
  private final ReferralPolicy referrals;

  /**
   * IANA's answers, TLD to registry server. A TLD's WHOIS server changes with a registry
   * operator's transition, rarely; a restart forgets them. Failures are not kept, so a retried
   * job asks IANA again.
   */
  private final Map<String, RegistryServer> referredByIana = new ConcurrentHashMap<>();

  public WhoisLookup(WhoisProperties properties, ReferralPolicy referrals) {
    this.properties = properties;
    this.referrals = referrals;
  }

  /** Whether a server is configured for the domain's TLD (or a longer suffix). */
  public boolean configuredFor(String domain) {
    return properties.serverFor(domain).isPresent();
  }

  /**
   * @param domain a name in {@link DomainName#normalize} form
   * @throws RegistryUnavailableException no server for the TLD, unreachable, timeout, throttled,
   *     oversized or unreadable answer
   */
  public RegistryAnswer lookup(String domain) {
    return LookupTimings.timed("whois", () -> lookupUnmeasured(domain));
  }

  private RegistryAnswer lookupUnmeasured(String domain) {
    Optional<RegistryServer> configured = properties.serverFor(domain);
    RegistryServer registry = configured.orElseGet(() -> registryFromIana(tldOf(domain)));
    InetAddress address = configured.isPresent() ? null : referredByIanaAt(registry);
    RegistryAnswer answer = ask(registry, address, domain);
    if (answer.record().registered() && answer.record().referral() == null) {
      return withContactAddresses(registry, address, answer);
    }
    return followReferral(registry, answer, domain);
  }

  /**
   * A thin registry's answer names the registrar's server; only the registrar holds the
   * registrant and contacts, so it is asked once. When the referral fails (unreadable, no
   * address, refused by {@link ReferralPolicy}, timeout, connection refused, throttled) an answer
   * that already names the registrant is used, with the failed referral kept as evidence; only
   * an answer that names none leaves the lookup without result (retried, then an incident).
   */
  private RegistryAnswer followReferral(RegistryServer registry, RegistryAnswer answer, String domain) {
    String referral = answer.record().referral();
    if (!answer.record().registered() || referral == null) {
      return answer;
    }
    RegistryServer registrar;
    try {
      registrar = RegistryServer.parse(referral);
    } catch (IllegalArgumentException e) {
      return withoutReferral(
          registry, answer, domain, new RegistryAnswer.FailedReferral(referral, "not a server name"));
    }
    if (registrar.equals(registry)) {
      return answer;
    }
    RegistryAnswer registrarAnswer;
    try {
      InetAddress registrarAddress = referrals.addressFor(registrar.host());
      registrarAnswer = ask(registrar, registrarAddress, domain);
    } catch (ReferralPolicy.ReferralRefusedException | RegistryUnavailableException e) {
      return withoutReferral(
          registry, answer, domain, new RegistryAnswer.FailedReferral(registrar.toString(), e.getMessage()));
    }
    if (!registrarAnswer.record().registered()) {
      // The registry says it exists, the registrar does not know it: keep the registry's word.
      return answer.withFailedReferral(
          new RegistryAnswer.FailedReferral(
              registrar.toString(), "the registrar's server has no record of " + domain));
    }
    return new RegistryAnswer(
        SOURCE,
        registrarAnswer.server(),
        registrarAnswer.response(),
        expiryOfTheRegistry(registrarAnswer.record(), answer.record()),
        answer);
  }

  /**
   * The registrar's record with the registry's expiry date: the registry decides when a
   * registration lapses, a registrar's copy may lag behind a renewal.
   */
  static RegistrationRecord expiryOfTheRegistry(RegistrationRecord registrar, RegistrationRecord registry) {
    return registry.expiresOn() == null ? registrar : registrar.withExpiresOn(registry.expiresOn());
  }

  /**
   * The registry's own answer when the referral it names failed: usable if it names the
   * registrant (a thick registry, or one that repeats the registrar's data), else no result.
   */
  private static RegistryAnswer withoutReferral(
      RegistryServer registry, RegistryAnswer answer, String domain, RegistryAnswer.FailedReferral failed) {
    if (answer.record().registrantNames().isEmpty()) {
      throw new RegistryUnavailableException(
          "WHOIS server " + registry + " (query " + domain + ") names no registrant, and its referral to "
              + failed.server() + " failed: " + failed.reason());
    }
    // Expected in daily work (a registrar's server down or slow): no stack, the evidence keeps it.
    log.info(
        "WHOIS server {} (query {}): referral to {} failed ({}); its own answer names the registrant",
        registry, domain, failed.server(), failed.reason());
    return answer.withFailedReferral(failed);
  }

  /**
   * JPRS organization-type records (.co.jp, .or.jp …) name their administrative and technical
   * contacts by JP handle, without addresses; the guide's consent mail (DESIGN.md, [3-1]) goes to
   * those contacts, so each handle's contact record is asked of the same server ({@code CONTACT
   * <handle>}, JPRS WHOIS help 2.2). A handle JPRS does not know adds no address; a throttled
   * contact query fails the lookup as a throttled domain query does, so the job retries.
   */
  private RegistryAnswer withContactAddresses(
      RegistryServer server, InetAddress address, RegistryAnswer answer) {
    RegistrationRecord record = answer.record();
    if (!record.contactEmails().isEmpty() || record.redacted()) {
      return answer;
    }
    List<String> handles = WhoisRecordParser.contactHandles(answer.response());
    if (handles.isEmpty()) {
      return answer;
    }
    List<String> emails = new ArrayList<>();
    List<RegistryAnswer.ContactRecord> records = new ArrayList<>();
    for (String handle : handles.subList(0, Math.min(handles.size(), MAX_CONTACT_HANDLES))) {
      String query = "CONTACT " + handle;
      byte[] bytes = fetch(server, address, query);
      String text;
      List<String> found;
      try {
        text = WhoisText.decode(bytes);
        found = WhoisRecordParser.contactRecordEmails(text);
      } catch (RegistryUnavailableException e) {
        throw new RegistryUnavailableException(asked(server, query) + e.getMessage(), e);
      }
      records.add(new RegistryAnswer.ContactRecord(query, text));
      for (String email : found) {
        if (emails.stream().noneMatch(email::equalsIgnoreCase)) {
          emails.add(email);
        }
      }
    }
    RegistrationRecord withEmails =
        new RegistrationRecord(
            record.registered(),
            record.registrantNames(),
            emails,
            record.redacted(),
            record.referral(),
            record.expiresOn());
    return new RegistryAnswer(
        answer.source(), answer.server(), answer.response(), withEmails, answer.referredFrom(), records);
  }

  /**
   * The registry's WHOIS server as IANA names it. RFC 3912 defines no referral; IANA answers a TLD
   * query with {@code refer:        whois.example}, which is followed once (IANA is not asked
   * about the server it names).
   */
  private RegistryServer registryFromIana(String tld) {
    RegistryServer known = referredByIana.get(tld);
    if (known != null) {
      return known;
    }
    RegistryServer iana =
        properties
            .ianaServer()
            .orElseThrow(
                () ->
                    new RegistryUnavailableException(
                        "no WHOIS server configured for ." + tld
                            + " (backoffice.whois.servers) and asking IANA is switched off"
                            + " (backoffice.whois.iana)"));
    String text = WhoisText.decode(fetch(iana, null, tld));
    String refer = WhoisRecordParser.ianaReferral(text);
    if (refer == null) {
      throw new RegistryUnavailableException(
          "IANA's WHOIS server " + iana + " names no WHOIS server for ." + tld
              + " (no refer: line); configure backoffice.whois.servers." + tld);
    }
    RegistryServer registry;
    try {
      registry = RegistryServer.parse(refer);
    } catch (IllegalArgumentException e) {
      throw new RegistryUnavailableException(
          "IANA's WHOIS server " + iana + " referred ." + tld + " to an unusable server: " + refer,
          e);
    }
    referredByIanaAt(registry);
    referredByIana.put(tld, registry);
    return registry;
  }

  /** IANA's answer comes over plain TCP like any other: its server is a referral too. */
  private InetAddress referredByIanaAt(RegistryServer registry) {
    try {
      return referrals.addressFor(registry.host());
    } catch (ReferralPolicy.ReferralRefusedException e) {
      throw new RegistryUnavailableException(
          "IANA's WHOIS server named " + registry + ": " + e.getMessage()
              + "; configure backoffice.whois.servers for the TLD",
          e);
    }
  }

  private RegistryAnswer ask(RegistryServer server, InetAddress address, String domain) {
    byte[] bytes = fetch(server, address, domain);
    try {
      String text = WhoisText.decode(bytes);
      return new RegistryAnswer(
          SOURCE, server.toString(), text, WhoisRecordParser.parse(text), null);
    } catch (RegistryUnavailableException e) {
      // Operators read this in the incident: which registry, which query, what it said.
      throw new RegistryUnavailableException(asked(server, domain) + e.getMessage(), e);
    }
  }

  /**
   * How every failure of a WHOIS exchange begins, so the incident an operator reads names the
   * registry and the query whether the server was down, slow or answered nonsense (issue 13).
   */
  private static String asked(RegistryServer server, String query) {
    return "WHOIS server " + server + " (query " + query + "): ";
  }

  /**
   * @param address the address a referral was vetted at ({@link ReferralPolicy}), or null for a
   *     configured server, which is connected to by name
   */
  private byte[] fetch(RegistryServer server, InetAddress address, String query) {
    WhoisClient client = new WhoisClient();
    client.setConnectTimeout(millis(properties.connectTimeout().toMillis()));
    client.setDefaultTimeout(millis(properties.readTimeout().toMillis()));
    try {
      if (address != null) {
        client.connect(address, server.port());
      } else {
        client.connect(server.host(), server.port());
      }
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
                asked(server, query) + "the answer exceeds " + max + " bytes; refused");
          }
          if (System.nanoTime() > deadline) {
            throw new RegistryUnavailableException(
                asked(server, query) + "the answer took longer than " + properties.answerTimeout());
          }
        }
        return out.toByteArray();
      }
    } catch (SocketTimeoutException e) {
      throw new RegistryUnavailableException(asked(server, query) + "timed out", e);
    } catch (UnknownHostException e) {
      throw new RegistryUnavailableException(asked(server, query) + "unknown host", e);
    } catch (IOException e) {
      throw new RegistryUnavailableException(
          asked(server, query) + "unreachable (" + e.getMessage() + ")", e);
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
