package org.cabackoffice.domain;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.springframework.stereotype.Service;

/**
 * Asks the configured recursive resolver ({@code backoffice.dns.resolver}, else the system's) one
 * question at a time, through dnsjava: UDP, and TCP when the answer is truncated (RFC 7766). No
 * cache of our own: every validation and CAA check sees what the DNS says now (BR 3.2.2.8 checks
 * CAA right before issuance). A failure is an answer with a reason, never an exception, so the
 * callers decide what a failure means (NOT_YET for a challenge, refusal for CAA).
 */
@Service
public class DnsLookup {

  private final Resolver resolver;
  private final String resolverName;
  private final Clock clock;
  private final DnsProperties properties;

  public DnsLookup(DnsProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    this.resolver =
        properties
            .resolverAddress()
            .<Resolver>map(SimpleResolver::new)
            .orElseGet(ExtendedResolver::new); // the system's resolvers (ResolverConfig)
    this.resolver.setTimeout(properties.timeout());
    this.resolverName = properties.resolver() == null ? "system resolver" : properties.resolver();
  }

  /** The resolver as the evidence names it. */
  public String resolverName() {
    return resolverName;
  }

  /**
   * Asks for the records of {@code type} ({@link Type}, e.g. {@code Type.TXT}) at {@code name}.
   *
   * @param name a DNS name, without trailing dot
   */
  public DnsAnswer query(String name, int type) {
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
      return failure(
          asked,
          typeName,
          askedAt,
          "no answer from " + resolverName + " within " + properties.timeout() + ": " + reason(e));
    }
    int rcode = response.getRcode();
    List<Record> answer = response.getSection(Section.ANSWER);
    String transcript = header(asked, typeName, askedAt) + response;
    if (rcode == Rcode.NOERROR) {
      return new DnsAnswer(
          asked, typeName, resolverName, askedAt, DnsAnswer.Status.ANSWERED, null, answer, transcript);
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
          transcript);
    }
    return new DnsAnswer(
        asked,
        typeName,
        resolverName,
        askedAt,
        DnsAnswer.Status.FAILED,
        resolverName + " answered " + Rcode.string(rcode) + " for " + asked + " " + typeName,
        answer,
        transcript);
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
        header(name, type, askedAt) + ";; " + reason + "\n");
  }

  private String header(String name, String type, Instant askedAt) {
    return ";; " + name + " IN " + type + " asked " + resolverName + " at " + askedAt + "\n";
  }

  private static String reason(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }
}
