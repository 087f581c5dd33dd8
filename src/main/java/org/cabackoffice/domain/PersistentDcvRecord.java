package org.cabackoffice.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Persistent DCV TXT Record's value (BR 3.2.2.4.22, ballot SC-088), read by the rules the BR
 * set for it: the RDATA is an RFC 8659 4.2 {@code issue-value}; its {@code issuer-domain-name} is
 * one this CA discloses; it carries {@code accounturi} naming the applicant's account (RFC 8657
 * 3); a {@code persistUntil} (UNIX seconds, base 10) in the past makes it unusable; unknown
 * parameters are ignored. For example: {@code backoffice.example;
 * accounturi=https://ca.example/accounts/12; persistUntil=1782424856}.
 *
 * @param issuerDomain the issuer-domain-name, lower case
 * @param parameters the parameters in order, keys as written
 */
public record PersistentDcvRecord(String issuerDomain, Map<String, String> parameters) {

  /** Where the record goes: the label prepended to the ADN (BR 3.2.2.4.22). */
  public static final String LABEL = "_validation-persist";

  // RFC 8659 4.2: issuer-domain-name = label *("." label); label = (ALPHA / DIGIT) *( *("-") (ALPHA / DIGIT))
  private static final String LABEL_SYNTAX = "[A-Za-z0-9](?:-*[A-Za-z0-9])*";
  private static final Pattern ISSUER = Pattern.compile(LABEL_SYNTAX + "(?:\\." + LABEL_SYNTAX + ")*");
  // parameter = tag *WSP "=" *WSP value; tag = (ALPHA / DIGIT) *( *("-") (ALPHA / DIGIT));
  // value = *(%x21-3A / %x3C-7E)
  private static final Pattern PARAMETER =
      Pattern.compile("(" + LABEL_SYNTAX + ")[ \\t]*=[ \\t]*([\\x21-\\x3A\\x3C-\\x7E]*)");

  /** The record name for an Authorization Domain Name. */
  public static String recordName(String adn) {
    return LABEL + "." + adn;
  }

  /** What the customer publishes: this CA's issuer domain and the account's URI. */
  public static String valueToPublish(String issuerDomain, String accountUri) {
    return issuerDomain + "; accounturi=" + accountUri;
  }

  /**
   * Reads a TXT value as an RFC 8659 {@code issue-value}.
   *
   * @return empty when the value does not have that syntax or names no issuer
   */
  public static Optional<PersistentDcvRecord> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    int semicolon = value.indexOf(';');
    String issuer = (semicolon < 0 ? value : value.substring(0, semicolon)).strip();
    if (!ISSUER.matcher(issuer).matches()) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if (semicolon >= 0) {
      String rest = value.substring(semicolon + 1).strip();
      if (!rest.isEmpty()) {
        for (String part : rest.split(";", -1)) {
          Matcher m = PARAMETER.matcher(part.strip());
          if (!m.matches()) {
            return Optional.empty();
          }
          parameters.putIfAbsent(m.group(1), m.group(2));
        }
      }
    }
    return Optional.of(new PersistentDcvRecord(issuer.toLowerCase(Locale.ROOT), Map.copyOf(parameters)));
  }

  /** A parameter by key, keys compared without regard to case. */
  Optional<String> parameter(String key) {
    return parameters.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(key))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /**
   * Why this record is no evidence of control for {@code accountUri} at {@code now}, or empty
   * when it is.
   */
  public Optional<String> unusableBecause(List<String> issuerDomains, String accountUri, Instant now) {
    if (!issuerDomains.contains(issuerDomain)) {
      return Optional.of("names issuer " + issuerDomain + ", not this CA (" + String.join(", ", issuerDomains) + ")");
    }
    Optional<String> account = parameter("accounturi");
    if (account.isEmpty()) {
      return Optional.of("has no accounturi parameter (BR 3.2.2.4.22 (3))");
    }
    if (!account.get().equals(accountUri)) {
      return Optional.of("names the account " + account.get() + ", not the applicant's " + accountUri);
    }
    Optional<String> until = parameter("persistUntil");
    if (until.isPresent()) {
      if (!until.get().matches("[0-9]{1,18}")) {
        return Optional.of("has persistUntil=" + until.get() + ", not a base-10 UNIX time (BR 3.2.2.4.22 (4))");
      }
      long seconds = Long.parseLong(until.get());
      if (now.isAfter(Instant.ofEpochSecond(seconds))) {
        return Optional.of("persisted until " + Instant.ofEpochSecond(seconds) + ", before this check");
      }
    }
    return Optional.empty();
  }

  /**
   * The first TXT value that is a usable Persistent DCV TXT Record for the account, or empty.
   * Shared by the primary and by the judgment of what a remote perspective observed (BR 3.2.2.9: a
   * perspective corroborates when it observes such a record with the same {@code accounturi}).
   */
  public static Optional<String> firstUsable(
      List<String> txtValues, List<String> issuerDomains, String accountUri, Instant now) {
    return txtValues.stream()
        .filter(v -> parse(v).map(r -> r.unusableBecause(issuerDomains, accountUri, now).isEmpty()).orElse(false))
        .findFirst();
  }

  /** Why none of the values is usable, one clause per value, for the evidence. */
  public static String whyNoneUsable(
      List<String> txtValues, List<String> issuerDomains, String accountUri, Instant now) {
    return String.join(
        "; ",
        txtValues.stream()
            .map(v -> "\"" + (v.length() > 80 ? v.substring(0, 80) + "…" : v) + "\" "
                + parse(v).map(r -> r.unusableBecause(issuerDomains, accountUri, now).orElse("is usable"))
                    .orElse("is not an RFC 8659 issue-value"))
            .toList());
  }
}
