package org.cabackoffice.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.xbill.DNS.Type;

/**
 * The CAA tree climb of RFC 8659 3 for a certificate's names, with no storage: ask for CAA at the
 * name and then at each parent up to the TLD, taking CNAMEs as the resolver followed them, and
 * apply {@link CaaAuthorization} to the first non-empty set. The primary's {@link CaaCheck} and a
 * remote network perspective (BR 3.2.2.9, which has no database) both climb with it, so both
 * decide by the same rules.
 *
 * @param names the verdict per name, in the order asked
 * @param answers every answer seen, one question per domain: names of one certificate share parents
 */
public record CaaClimb(List<CaaVerdict.Name> names, List<DnsAnswer> answers) {

  public CaaClimb {
    names = List.copyOf(names);
    answers = List.copyOf(answers);
  }

  /**
   * @param dnsNames the certificate's DNS names (wildcards as {@code *.example.com})
   * @param issuerDomains the CA's issuer domain names recognized in issue/issuewild (BR 3.2.2.8)
   */
  public static CaaClimb of(DnsLookup dns, List<String> dnsNames, List<String> issuerDomains) {
    return of(dns, dnsNames, issuerDomains, name -> null);
  }

  /**
   * As {@link #of(DnsLookup, List, List)}, honouring RFC 8657's parameters for each name's
   * requester (null: a request through no account by no method).
   */
  public static CaaClimb of(
      DnsLookup dns, List<String> dnsNames, List<String> issuerDomains, Function<String, CaaRequester> requesters) {
    Map<String, DnsAnswer> asked = new LinkedHashMap<>();
    List<CaaVerdict.Name> names = new ArrayList<>();
    for (String name : dnsNames) {
      names.add(verdict(dns, name == null ? "" : name, asked, issuerDomains, requesters.apply(name)));
    }
    return new CaaClimb(names, new ArrayList<>(asked.values()));
  }

  public boolean permitted() {
    return names.stream().allMatch(CaaVerdict.Name::permitted);
  }

  private static CaaVerdict.Name verdict(
      DnsLookup dns, String asked, Map<String, DnsAnswer> answers, List<String> issuerDomains, CaaRequester requester) {
    String text = asked.strip().toLowerCase(Locale.ROOT);
    boolean wildcard = text.startsWith("*.");
    String fqdn;
    try {
      fqdn = DomainName.normalize(wildcard ? text.substring(2) : text);
    } catch (InvalidDomainNameException e) {
      return new CaaVerdict.Name(
          asked, false, "not a DNS name CAA can be checked for: " + e.getMessage(), null, List.of());
    }
    for (String domain = fqdn; domain != null; domain = parent(domain)) {
      DnsAnswer answer = answers.computeIfAbsent(domain, d -> dns.query(d, Type.CAA));
      if (answer.failed()) {
        return new CaaVerdict.Name(
            asked,
            false,
            "the CAA lookup at "
                + domain
                + " failed: "
                + answer.failure()
                + "; refused, as a failed lookup is no permission here (BR 3.2.2.8)",
            null,
            List.of(),
            true);
      }
      List<CaaProperty> set = answer.caaProperties();
      if (!set.isEmpty()) {
        CaaAuthorization.Decision decision =
            CaaAuthorization.evaluate(domain, set, wildcard, issuerDomains, requester);
        return new CaaVerdict.Name(
            asked, decision.permitted(), decision.reason() + dnssecNote(answer), domain, set);
      }
    }
    return new CaaVerdict.Name(
        asked,
        true,
        "no CAA record set at " + fqdn + " or any domain above it: any CA may issue (RFC 8659 3)"
            + dnssecNote(answers.get(fqdn)),
        null,
        List.of());
  }

  /** BR 3.2.2.8.1: the evidence says whether the relevant record set was DNSSEC-validated. */
  private static String dnssecNote(DnsAnswer answer) {
    if (answer == null || answer.dnssec() == null) {
      return "";
    }
    return switch (answer.dnssec()) {
      case SECURE -> " (DNSSEC: secure)";
      case INSECURE -> " (DNSSEC: insecure, the zone is provably unsigned)";
      default -> "";
    };
  }

  /** The domain one label up; null above the TLD (the root is never asked, RFC 8659 3). */
  private static String parent(String domain) {
    int dot = domain.indexOf('.');
    return dot < 0 ? null : domain.substring(dot + 1);
  }
}
