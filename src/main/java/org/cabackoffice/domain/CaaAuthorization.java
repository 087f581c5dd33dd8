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
    return evaluate(relevantDomain, set, wildcard, issuerDomains, null);
  }

  /**
   * As {@link #evaluate(String, List, boolean, List)}, for a request made through an ACME account
   * with a validation method: an {@code issue}/{@code issuewild} property naming this CA
   * authorizes only when its {@code accounturi} parameter, if any, is the account's URI and its
   * {@code validationmethods} parameter, if any, lists the method used (RFC 8657 3, 4; BR 3.2.2.8
   * from 2027-03-15, ballot SC-098). Without an ACME request (null) parameters play no part, as
   * before.
   */
  static Decision evaluate(
      String relevantDomain,
      List<CaaProperty> set,
      boolean wildcard,
      List<String> issuerDomains,
      CaaCheck.AcmeRequest acme) {
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
    List<String> restrictedBy = new java.util.ArrayList<>();
    for (CaaProperty property : governing) {
      String issuer = issuerDomain(property.value());
      if (issuer != null && issuerDomains.contains(issuer)) {
        String mismatch = acme == null ? null : acmeMismatch(property.value(), acme);
        if (mismatch == null) {
          return new Decision(
              true,
              "the CAA property " + property + " at " + relevantDomain + " authorizes " + issuer
                  + (acme == null ? "" : " for " + acme.accountUri() + " by " + acme.validationMethod()));
        }
        restrictedBy.add(property + ": " + mismatch);
      }
    }
    if (!restrictedBy.isEmpty()) {
      return new Decision(
          false,
          "the CAA " + tag + " properties at " + relevantDomain + " name this CA only with parameters this"
              + " request does not meet (RFC 8657): " + String.join("; ", restrictedBy));
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
   * Why the property's RFC 8657 parameters rule this ACME request out, or null when they do not.
   * Parameters are "tag=value" pairs after the issuer domain, separated by ";" (RFC 8659 4.2);
   * {@code validationmethods} is a comma-separated list of method names.
   */
  static String acmeMismatch(String value, CaaCheck.AcmeRequest acme) {
    int semicolon = value.indexOf(';');
    if (semicolon < 0) {
      return null;
    }
    for (String parameter : value.substring(semicolon + 1).split(";")) {
      int eq = parameter.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String tag = parameter.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String parameterValue = parameter.substring(eq + 1).strip();
      if (tag.equals("accounturi") && !parameterValue.equals(acme.accountUri())) {
        return "accounturi " + parameterValue + " is not the requesting account " + acme.accountUri();
      }
      if (tag.equals("validationmethods")) {
        boolean listed = false;
        for (String method : parameterValue.split(",")) {
          listed |= method.strip().equalsIgnoreCase(acme.validationMethod());
        }
        if (!listed) {
          return "validationmethods " + parameterValue + " does not list " + acme.validationMethod();
        }
      }
    }
    return null;
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
