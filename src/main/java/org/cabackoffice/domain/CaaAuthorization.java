package org.cabackoffice.domain;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one relevant CAA record set (RFC 8659 3) says about this CA issuing for one name (RFC 8659
 * 4.2, 4.3; BR 3.2.2.8). Pure rules, no DNS: {@link CaaCheck} finds the set.
 */
final class CaaAuthorization {

  /**
   * The property tags this CA understands. {@code iodef} is understood and not acted on (BR 3.2.2.8
   * allows that); {@code contactemail} and {@code contactphone} are BR Appendix A's; {@code
   * issuemail} (RFC 9495) concerns S/MIME CAs only. Any other tag marked critical forbids issuance
   * (RFC 8659 4.1, BR 3.2.2.8).
   */
  static final Set<String> KNOWN_TAGS =
      Set.of("issue", "issuewild", "iodef", "contactemail", "contactphone", "issuemail");

  /** RFC 8659 4.2: issuer-domain-name = label *("." label), label = (ALPHA / DIGIT) *( *("-") (ALPHA / DIGIT)). */
  private static final Pattern ISSUER_DOMAIN =
      Pattern.compile("[a-z0-9](?:-*[a-z0-9])*(?:\\.[a-z0-9](?:-*[a-z0-9])*)*");

  record Decision(boolean permitted, String reason) {}

  private CaaAuthorization() {}

  /**
   * @param relevantDomain where the set was found
   * @param set the non-empty relevant record set
   * @param wildcard whether the certificate name is a Wildcard Domain Name
   * @param issuerDomains this CA's issuer domains, lower case
   */
  static Decision evaluate(
      String relevantDomain, List<CaaProperty> set, boolean wildcard, List<String> issuerDomains) {
    for (CaaProperty property : set) {
      if (property.critical() && !KNOWN_TAGS.contains(property.tag().toLowerCase(Locale.ROOT))) {
        return new Decision(
            false,
            "the CAA record set at "
                + relevantDomain
                + " has the critical property "
                + property
                + " this CA does not understand (RFC 8659 4.1, BR 3.2.2.8)");
      }
    }
    List<CaaProperty> issue = set.stream().filter(p -> p.hasTag("issue")).toList();
    List<CaaProperty> issuewild = set.stream().filter(p -> p.hasTag("issuewild")).toList();
    // RFC 8659 4.3: issuewild governs wildcards when present and is ignored for other names;
    // without it, a wildcard is governed by issue.
    List<CaaProperty> governing = wildcard && !issuewild.isEmpty() ? issuewild : issue;
    String tag = wildcard && !issuewild.isEmpty() ? "issuewild" : "issue";
    if (governing.isEmpty()) {
      return new Decision(
          true,
          "the CAA record set at "
              + relevantDomain
              + " has no "
              + (wildcard ? "issue or issuewild" : "issue")
              + " property, so it restricts no CA (RFC 8659 4.2, BR 3.2.2.8)");
    }
    for (CaaProperty property : governing) {
      String issuer = issuerDomain(property.value());
      if (issuer != null && issuerDomains.contains(issuer)) {
        return new Decision(
            true,
            "the CAA property " + property + " at " + relevantDomain + " authorizes " + issuer);
      }
    }
    boolean forbidsAll = governing.stream().allMatch(p -> "".equals(issuerDomain(p.value())));
    return new Decision(
        false,
        forbidsAll
            ? "the CAA "
                + tag
                + " properties at "
                + relevantDomain
                + " name no issuer: no CA may issue (RFC 8659 4.2)"
            : "the CAA "
                + tag
                + " properties at "
                + relevantDomain
                + " ("
                + String.join(", ", governing.stream().map(CaaProperty::toString).toList())
                + ") do not name this CA's issuer domain "
                + String.join(" or ", issuerDomains));
  }

  /**
   * The issuer domain of an {@code issue}/{@code issuewild} value (RFC 8659 4.2): the text before
   * the first ";", without surrounding blanks, lower case; parameters after ";" play no part in
   * matching. Empty when the value names no issuer (";" or ""), null when it is malformed, which
   * authorizes nobody.
   */
  static String issuerDomain(String value) {
    String head = value;
    int semicolon = value.indexOf(';');
    if (semicolon >= 0) {
      head = value.substring(0, semicolon);
    }
    head = head.strip().toLowerCase(Locale.ROOT);
    if (head.isEmpty()) {
      return "";
    }
    return ISSUER_DOMAIN.matcher(head).matches() ? head : null;
  }
}
