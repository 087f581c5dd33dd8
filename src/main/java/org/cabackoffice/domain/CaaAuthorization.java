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

  /** As the five-argument form, for a request through no account by no method. */
  static Decision evaluate(
      String relevantDomain, List<CaaProperty> set, boolean wildcard, List<String> issuerDomains) {
    return evaluate(relevantDomain, set, wildcard, issuerDomains, null);
  }

  /**
   * @param relevantDomain where the set was found
   * @param set the non-empty relevant record set
   * @param wildcard whether the certificate name is a Wildcard Domain Name
   * @param issuerDomains this CA's issuer domains, lower case
   * @param requester the account and method of the request, which the {@code accounturi} and
   *     {@code validationmethods} parameters may restrict; null for a request through no account
   *     by no method, which no property with either parameter authorizes
   */
  static Decision evaluate(
      String relevantDomain,
      List<CaaProperty> set,
      boolean wildcard,
      List<String> issuerDomains,
      CaaRequester requester) {
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
    CaaRequester asking = requester == null ? new CaaRequester(null, null, List.of()) : requester;
    List<String> restrictedBy = new java.util.ArrayList<>();
    for (CaaProperty property : governing) {
      String issuer = issuerDomain(property.value());
      if (issuer != null && issuerDomains.contains(issuer)) {
        String mismatch = parameterMismatch(property.value(), asking);
        if (mismatch == null) {
          return new Decision(
              true,
              "the CAA property " + property + " at " + relevantDomain + " authorizes " + issuer
                  + " " + asking.described());
        }
        restrictedBy.add(property + ": " + mismatch);
      }
    }
    if (!restrictedBy.isEmpty()) {
      return new Decision(
          false,
          "the CAA " + tag + " properties at " + relevantDomain + " name this CA only with parameters this"
              + " request (" + asking.described() + ") does not meet (RFC 8657, BR 4.2.2.1.2): "
              + String.join("; ", restrictedBy));
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
   * Why the property's RFC 8657 parameters rule this request out, or null when they do not.
   * Parameters are "tag=value" pairs after the issuer domain, separated by ";" (RFC 8659 4.2);
   * tags other than these two are ignored.
   *
   * <ul>
   *   <li>{@code accounturi} (RFC 8657 3): the property authorizes only the account it names; a
   *       request through no account never matches, and a property naming several is
   *       unsatisfiable. URIs are compared as written.
   *   <li>{@code validationmethods} (RFC 8657 4): a comma-separated list of labels, one of which
   *       must name the method used. Labels are compared as written: BR 4.2.2.1.2 makes lower case
   *       canonical and lets a CA match without regard to case only if its CP/CPS says so, which
   *       this CA does not, so {@code DNS-01} lists nothing this CA performs.
   * </ul>
   *
   * <p>BR 4.2.2.1.2 makes processing both parameters a MUST from 2027-03-15 and a SHOULD before.
   * This CA processes them before that date too, on both of its ways to a certificate: RFC 8657 5.6
   * requires a CA that honours them on one issuance system (the ACME server did) to honour them on
   * every system that recognizes the same issuer domain, and a domain that publishes them asks for
   * exactly this restriction, so being stricter than the SHOULD costs no one an authorization the
   * domain meant to give. So there is no date switch here.
   */
  static String parameterMismatch(String value, CaaRequester requester) {
    int semicolon = value.indexOf(';');
    if (semicolon < 0) {
      return null;
    }
    List<String> accounts = new java.util.ArrayList<>();
    List<String> methodLists = new java.util.ArrayList<>();
    for (String parameter : value.substring(semicolon + 1).split(";")) {
      int eq = parameter.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String tag = parameter.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String parameterValue = parameter.substring(eq + 1).strip();
      if (tag.equals("accounturi")) {
        accounts.add(parameterValue);
      } else if (tag.equals("validationmethods")) {
        methodLists.add(parameterValue);
      }
    }
    if (accounts.size() > 1) {
      return "it has " + accounts.size() + " accounturi parameters, which no request satisfies (RFC 8657 3)";
    }
    if (accounts.size() == 1) {
      String account = accounts.get(0);
      if (requester.accountUri() == null) {
        return "accounturi " + account + " names an account and this request comes through none (RFC 8657 3)";
      }
      if (!account.equals(requester.accountUri())) {
        return "accounturi " + account + " is not the requesting account " + requester.accountUri();
      }
    }
    if (methodLists.size() > 1) {
      return "it has " + methodLists.size() + " validationmethods parameters, which no request satisfies";
    }
    if (methodLists.size() == 1) {
      String methods = methodLists.get(0);
      boolean listed = false;
      for (String label : methods.split(",")) {
        listed |= requester.methodLabels().contains(label.strip());
      }
      if (!listed) {
        return "validationmethods " + methods + " does not list "
            + (requester.methodLabels().isEmpty()
                ? "the method used (" + (requester.method() == null ? "no BR 3.2.2.4 method" : requester.method())
                    + ", which has no label)"
                : String.join(" or ", requester.methodLabels()) + " (" + requester.method() + ")");
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
