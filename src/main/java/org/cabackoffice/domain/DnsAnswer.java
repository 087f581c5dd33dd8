package org.cabackoffice.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * What the resolver said to one question, kept whole for the evidence (BR 5.4.1 logs every
 * verification step): the answer records, or why there was no usable answer.
 *
 * @param name the name asked (lower case, no trailing dot)
 * @param type the record type asked, e.g. "TXT"
 * @param resolver the resolver asked
 * @param askedAt when the question was sent
 * @param status ANSWERED (NOERROR, possibly without records), NO_SUCH_NAME (NXDOMAIN), FAILED
 *     (timeout, SERVFAIL, REFUSED, unreadable answer)
 * @param failure why the lookup FAILED, else null
 * @param records the answer section (CNAMEs the resolver followed included)
 * @param transcript the answer as dig would print it, or the failure
 * @param dnssec what DNSSEC validation said (BR 3.2.2.4, 3.2.2.8.1); BOGUS answers are FAILED;
 *     null when no answer came to validate (timeout, server failure)
 */
public record DnsAnswer(
    String name,
    String type,
    String resolver,
    Instant askedAt,
    Status status,
    String failure,
    List<Record> records,
    String transcript,
    DnssecStatus dnssec) {

  public enum Status {
    ANSWERED,
    NO_SUCH_NAME,
    FAILED
  }

  public DnsAnswer {
    records = records == null ? List.of() : List.copyOf(records);
  }

  public boolean failed() {
    return status == Status.FAILED;
  }

  /**
   * The TXT values at the name, each record's character-strings joined (RFC 1035 3.3.14 splits a
   * long value into strings of 255 bytes; the publisher meant one value).
   */
  public List<String> txtValues() {
    return ofType(Type.TXT).stream()
        .map(r -> String.join("", ((TXTRecord) r).getStrings()))
        .toList();
  }

  /** The CAA properties at the name (RFC 8659 4.1). */
  public List<CaaProperty> caaProperties() {
    return ofType(Type.CAA).stream()
        .map(r -> (CAARecord) r)
        .map(r -> new CaaProperty(r.getFlags(), r.getTag(), r.getValue()))
        .toList();
  }

  /** The CNAME targets the resolver followed from the name, in order. */
  public List<String> aliases() {
    return chain().stream().skip(1).toList();
  }

  /**
   * The records of {@code type} owned by the name or by a target of the CNAME chain starting at
   * it: a recursive resolver follows CNAMEs (RFC 1034 3.6.2, RFC 8659 3), and a stray record
   * owned by some other name is not an answer to our question.
   */
  List<Record> ofType(int type) {
    Set<String> owners = new HashSet<>(chain());
    return records.stream()
        .filter(r -> r.getType() == type)
        .filter(r -> owners.contains(owner(r)))
        .toList();
  }

  private List<String> chain() {
    List<String> chain = new java.util.ArrayList<>(List.of(name));
    boolean grew = true;
    while (grew && chain.size() <= records.size() + 1) {
      grew = false;
      String last = chain.get(chain.size() - 1);
      for (Record r : records) {
        if (r instanceof CNAMERecord cname && owner(r).equals(last)) {
          String target = cname.getTarget().toString(true).toLowerCase(Locale.ROOT);
          if (!chain.contains(target)) {
            chain.add(target);
            grew = true;
          }
          break;
        }
      }
    }
    return chain;
  }

  private static String owner(Record r) {
    return r.getName().toString(true).toLowerCase(Locale.ROOT);
  }
}
