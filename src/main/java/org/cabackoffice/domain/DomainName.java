package org.cabackoffice.domain;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A DNS name in the form registries are asked about: lower case, A-labels (IDNA, so a Japanese
 * name like 例え.jp is asked as xn--r8jz45g.jp), no trailing dot, at least two labels (RFC 1035
 * 2.3.1 letters-digits-hyphens, RFC 5890 A-labels).
 */
public final class DomainName {

  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern TLD = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

  private DomainName() {}

  /**
   * @return the name in lower-case A-label form
   * @throws InvalidDomainNameException when the text is not a syntactically valid domain name
   */
  public static String normalize(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidDomainNameException("no domain name given");
    }
    String name = text.strip();
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.startsWith("*.")) {
      throw new InvalidDomainNameException(
          "a wildcard is not a registered domain: ask about " + name.substring(2));
    }
    String ascii;
    try {
      ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new InvalidDomainNameException("not a valid domain name: " + e.getMessage());
    }
    if (ascii.length() > 253) {
      throw new InvalidDomainNameException("a domain name has at most 253 characters");
    }
    String[] labels = ascii.split("\\.", -1);
    if (labels.length < 2) {
      throw new InvalidDomainNameException("a domain name has at least two labels: " + text);
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw new InvalidDomainNameException("invalid label '" + label + "' in " + text);
      }
    }
    if (!TLD.matcher(labels[labels.length - 1]).matches()) {
      throw new InvalidDomainNameException("invalid top-level domain in " + text);
    }
    return ascii;
  }
}
