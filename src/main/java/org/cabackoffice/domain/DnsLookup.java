package org.cabackoffice.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.dnssec.ValidatingResolver;
import org.springframework.stereotype.Service;

/**
 * Asks the configured recursive resolver ({@code backoffice.dns.resolver}, else the system's) one
 * question at a time, through dnsjava: UDP, and TCP when the answer is truncated (RFC 7766). No
 * cache of our own: every validation and CAA check sees what the DNS says now (BR 3.2.2.8 checks
 * CAA right before issuance). A failure is an answer with a reason, never an exception, so the
 * callers decide what a failure means (NOT_YET for a challenge, refusal for CAA).
 *
 * <p>Every answer is DNSSEC-validated here, back to the configured trust anchor (BR 3.2.2.4 and
 * 3.2.2.8.1, ballot SC-085): dnsjava's {@link ValidatingResolver} asks the resolver with the DO and
 * CD bits and checks the signatures itself (RFC 4035 5, NSEC3, SHA-2), so a resolver that does not
 * validate, or validates wrongly, cannot make an answer secure. A bogus answer is a FAILED lookup
 * naming the zone and the failure. This constructor is the one place the resolver is built.
 */
@Service
public class DnsLookup {

  private static final Logger log = LoggerFactory.getLogger(DnsLookup.class);

  private final Resolver resolver;
  private final String resolverName;
  private final Clock clock;
  private final DnsProperties properties;
  private final boolean validating;
  private final Optional<InetAddress> sourceAddress;

  public DnsLookup(DnsProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    Resolver upstream =
        properties
            .resolverAddress()
            .<Resolver>map(SimpleResolver::new)
            .orElseGet(ExtendedResolver::new); // the system's resolvers (ResolverConfig)
    String upstreamName = properties.resolver() == null ? "system resolver" : properties.resolver();
    this.sourceAddress = properties.sourceInetAddress();
    if (sourceAddress.isPresent()) {
      leaveFrom(upstream, sourceAddress.get());
      upstreamName += " from " + sourceAddress.get().getHostAddress();
    }
    this.validating = properties.dnssec().enabled();
    if (validating) {
      DnssecTrustAnchor anchor = DnssecTrustAnchor.load(properties.dnssec().trustAnchor());
      // Signature validity is about the time the world is at, not a business clock a test moves.
      ValidatingResolver validator = new ValidatingResolver(upstream, Clock.systemUTC());
      try {
        validator.loadTrustAnchors(anchor.open());
      } catch (IOException e) {
        throw new UncheckedIOException("backoffice.dns.dnssec.trust-anchor: " + anchor, e);
      }
      this.resolver = validator;
      this.resolverName = upstreamName + ", DNSSEC-validated to " + anchor.description();
    } else {
      this.resolver = upstream;
      this.resolverName = upstreamName + ", DNSSEC not validated (backoffice.dns.dnssec.enabled=false)";
    }
    this.resolver.setTimeout(properties.timeout());
  }

  /**
   * Every query leaves from {@code address} (UDP and the TCP fallback alike). An address this host
   * does not have stops the start here, not each lookup later.
   */
  private static void leaveFrom(Resolver upstream, InetAddress address) {
    try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(address, 0))) {
      // bound: the address is this host's
    } catch (SocketException e) {
      throw new IllegalStateException(
          "backoffice.dns.source-address " + address.getHostAddress() + " is not an address of this host: "
              + e.getMessage(), e);
    }
    List<Resolver> resolvers =
        upstream instanceof ExtendedResolver system ? List.of(system.getResolvers()) : List.of(upstream);
    for (Resolver r : resolvers) {
      if (r instanceof SimpleResolver simple) {
        simple.setLocalAddress(new InetSocketAddress(address, 0));
      }
    }
  }

  /** The local address lookups leave from, when one is configured ({@code backoffice.dns.source-address}). */
  public Optional<InetAddress> sourceAddress() {
    return sourceAddress;
  }

  /** The resolver as the evidence names it, with the trust anchor it validates to. */
  public String resolverName() {
    return resolverName;
  }

  /**
   * Asks for the records of {@code type} ({@link Type}, e.g. {@code Type.TXT}) at {@code name}.
   *
   * @param name a DNS name, without trailing dot
   */
  public DnsAnswer query(String name, int type) {
    return LookupTimings.timed("dns", () -> queryUnmeasured(name, type));
  }

  private DnsAnswer queryUnmeasured(String name, int type) {
    String asked = name.toLowerCase(Locale.ROOT);
    String typeName = Type.string(type);
    Instant askedAt = clock.instant();
    Message query;
    try {
      query = Message.newQuery(Record.newRecord(Name.fromString(asked + "."), type, DClass.IN));
    } catch (TextParseException e) {
      return failure(asked, typeName, askedAt, "not a DNS name: " + e.getMessage());
    }
    Message response;
    try {
      response = resolver.send(query);
    } catch (IOException e) {
      return failure(asked, typeName, askedAt, noAnswer(e));
    }
    int rcode = response.getRcode();
    List<Record> answer = response.getSection(Section.ANSWER);
    Optional<String> bogus = validating ? validationFailure(response) : Optional.empty();
    if (bogus.isPresent()) {
      return bogus(asked, typeName, askedAt, query, response, bogus.get());
    }
    DnssecStatus dnssec = dnssec(response);
    String transcript = header(asked, typeName, askedAt) + response + dnssecLine(dnssec);
    if (rcode == Rcode.NOERROR) {
      return new DnsAnswer(
          asked, typeName, resolverName, askedAt, DnsAnswer.Status.ANSWERED, null, answer, transcript, dnssec);
    }
    if (rcode == Rcode.NXDOMAIN) {
      return new DnsAnswer(
          asked,
          typeName,
          resolverName,
          askedAt,
          DnsAnswer.Status.NO_SUCH_NAME,
          null,
          answer,
          transcript,
          dnssec);
    }
    return new DnsAnswer(
        asked,
        typeName,
        resolverName,
        askedAt,
        DnsAnswer.Status.FAILED,
        resolverName + " answered " + Rcode.string(rcode) + " for " + asked + " " + typeName,
        answer,
        transcript,
        null);
  }

  /**
   * A bogus answer: asks again with checking disabled (CD, RFC 4035 3.2.2) to keep what the server
   * actually sent and to name the zone whose signatures failed. A server failure seen that way is
   * an ordinary failed lookup, not a DNSSEC failure.
   */
  private DnsAnswer bogus(
      String asked, String typeName, Instant askedAt, Message query, Message validated, String reason) {
    Message raw = null;
    try {
      Message unchecked = query.clone();
      unchecked.getHeader().setFlag(Flags.CD);
      raw = resolver.send(unchecked);
    } catch (IOException e) {
      // The validated answer and its reason are the evidence then.
    }
    String transcript =
        header(asked, typeName, askedAt)
            + validated
            + dnssecLine(DnssecStatus.BOGUS)
            + (raw == null ? "" : ";; as sent by the server, unvalidated (CD):\n" + raw);
    if (raw != null && raw.getRcode() != Rcode.NOERROR && raw.getRcode() != Rcode.NXDOMAIN) {
      String failure =
          resolverName + " answered " + Rcode.string(raw.getRcode()) + " for " + asked + " " + typeName;
      return new DnsAnswer(
          asked, typeName, resolverName, askedAt, DnsAnswer.Status.FAILED, failure, List.of(), transcript, null);
    }
    String zone = raw == null ? asked : signerZone(raw).orElse(asked);
    String failure =
        "DNSSEC validation of " + asked + " " + typeName + " failed in zone " + zone + ": " + reason
            + " (BR 3.2.2.4, 3.2.2.8.1: a validation failure is never permission to issue)";
    log.info("{}", failure);
    return new DnsAnswer(
        asked, typeName, resolverName, askedAt, DnsAnswer.Status.FAILED, failure, List.of(), transcript,
        DnssecStatus.BOGUS);
  }

  /** The reason dnsjava gives for a BOGUS answer (a SERVFAIL carrying it), if this is one. */
  private static Optional<String> validationFailure(Message response) {
    if (response.getRcode() != Rcode.SERVFAIL) {
      return Optional.empty();
    }
    return response.getSection(Section.ADDITIONAL).stream()
        .filter(r -> r instanceof TXTRecord)
        .filter(r -> r.getDClass() == ValidatingResolver.VALIDATION_REASON_QCLASS)
        .map(r -> String.join("", ((TXTRecord) r).getStrings()))
        .findFirst()
        .or(() -> Optional.of("validation failed without a reason given"));
  }

  private DnssecStatus dnssec(Message response) {
    if (!validating) {
      return DnssecStatus.NOT_VALIDATED;
    }
    // The validator sets AD only when the chain to the anchor holds; an answer it lets through
    // without AD was proven insecure (no DS at a signed parent, or outside every anchor).
    return response.getHeader().getFlag(Flags.AD) ? DnssecStatus.SECURE : DnssecStatus.INSECURE;
  }

  /** The zone that signed the answer (RRSIG signer), else the zone of the SOA in the authority. */
  private static Optional<String> signerZone(Message raw) {
    for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
      for (Record r : raw.getSection(section)) {
        if (r instanceof RRSIGRecord sig) {
          return Optional.of(sig.getSigner().toString(true).toLowerCase(Locale.ROOT));
        }
      }
    }
    return raw.getSection(Section.AUTHORITY).stream()
        .filter(r -> r instanceof SOARecord)
        .map(r -> r.getName().toString(true).toLowerCase(Locale.ROOT))
        .findFirst();
  }

  private String noAnswer(IOException e) {
    return "no answer from " + resolverName + " within " + properties.timeout() + ": " + reason(e);
  }

  private DnsAnswer failure(String name, String type, Instant askedAt, String reason) {
    return new DnsAnswer(
        name,
        type,
        resolverName,
        askedAt,
        DnsAnswer.Status.FAILED,
        reason,
        List.of(),
        header(name, type, askedAt) + ";; " + reason + "\n",
        null);
  }

  private static String dnssecLine(DnssecStatus status) {
    return "\n;; DNSSEC: " + status + "\n";
  }

  private String header(String name, String type, Instant askedAt) {
    return ";; " + name + " IN " + type + " asked " + resolverName + " at " + askedAt + "\n";
  }

  private static String reason(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }
}
