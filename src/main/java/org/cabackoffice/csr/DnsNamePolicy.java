package org.cabackoffice.csr;

import org.cabackoffice.input.Truncation;
import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for a name the certificate will vouch for (the CN and every dNSName SAN): a public,
 * registrable FQDN written in LDH labels, as BR 7.1.2.7.12 and 7.1.4.3 require, with wildcards only
 * where BR 3.2.2.6 allows them.
 */
final class DnsNamePolicy {

  private static final int MAX_LABEL = 63; // RFC 1035 2.3.4
  private static final int MAX_NAME = 253; // RFC 1035 2.3.4, 255 octets on the wire
  // Letters, digits, hyphen; no hyphen at either end (RFC 1123 2.1). No underscore: BR 7.1.2.7.12
  // (ballot SC-12) forbids it in dNSName since 2019.
  private static final Pattern LDH_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
  /**
   * Special-use and internal top-level names (RFC 6761, 6762, 7686, 8375, 9476, ICANN's .internal
   * resolution of 2024): no one can show control of them, and BR 7.1.2.7.12 forbids Internal Names.
   */
  private static final Set<String> INTERNAL_SUFFIXES =
      Set.of("local", "internal", "test", "example", "invalid", "localhost", "onion", "alt", "home.arpa");

  void check(String name, Findings findings) {
    if (name.startsWith("[") || InetAddresses.isInetAddress(name) || isDottedQuad(name)) {
      findings.add(CsrRule.NAME_IP_ADDRESS, name);
      return;
    }
    if (!name.chars().allMatch(c -> c < 0x80)) {
      findings.add(CsrRule.NAME_IDN_INVALID, name, "it is not ASCII; write it as A-labels (" + suggestAscii(name) + ")");
      return;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.length() > MAX_NAME) {
      findings.add(CsrRule.NAME_TOO_LONG, shorten(name), lower.length());
      return;
    }
    boolean wildcard = lower.startsWith("*.");
    String base = wildcard ? lower.substring(2) : lower;
    if (base.contains("*") || lower.equals("*")) {
      findings.add(CsrRule.NAME_WILDCARD_MISPLACED, name);
      return;
    }
    if (!syntaxValid(name, base, findings)) {
      return;
    }
    if (wildcard && publicSuffix(base)) {
      // Checked before the internal names, so "*.jp" is named for what it is.
      findings.add(CsrRule.NAME_WILDCARD_PUBLIC_SUFFIX, name, base);
      return;
    }
    if (isInternal(base)) {
      findings.add(CsrRule.NAME_INTERNAL, name);
      return;
    }
    registrable(name, base, wildcard, findings);
  }

  private boolean syntaxValid(String name, String base, Findings findings) {
    if (base.isEmpty() || base.endsWith(".") || base.startsWith(".")) {
      findings.add(CsrRule.NAME_SYNTAX, name, "it has an empty label (a dot at an end or two in a row)");
      return false;
    }
    for (String label : base.split("\\.", -1)) {
      if (label.isEmpty()) {
        findings.add(CsrRule.NAME_SYNTAX, name, "it has an empty label (a dot at an end or two in a row)");
        return false;
      }
      if (label.length() > MAX_LABEL) {
        findings.add(CsrRule.NAME_LABEL_TOO_LONG, name, shorten(label), label.length());
        return false;
      }
      if (!LDH_LABEL.matcher(label).matches()) {
        findings.add(CsrRule.NAME_SYNTAX, name, "the label \"" + label + "\" has characters other than letters, digits and inner hyphens");
        return false;
      }
      String idnProblem = label.startsWith("xn--") ? Idna2008.aLabelProblem(label) : null;
      if (idnProblem != null) {
        findings.add(
            CsrRule.NAME_IDN_INVALID, name, "the label \"" + label + "\" is not a valid IDN A-label: " + idnProblem);
        return false;
      }
    }
    return true;
  }

  private static boolean isInternal(String base) {
    if (!base.contains(".")) {
      return true; // a single label is an Internal Name (BR 1.6.1)
    }
    for (String suffix : INTERNAL_SUFFIXES) {
      if (base.equals(suffix) || base.endsWith("." + suffix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The registrable domain (BR 1.6.1 "Base Domain Name") must exist under a public suffix of the
   * Public Suffix List, and a wildcard must not stand directly under a public suffix (BR 3.2.2.6),
   * or one certificate would cover every customer of a registry or a hosting platform.
   */
  private static void registrable(String name, String base, boolean wildcard, Findings findings) {
    InternetDomainName domain;
    try {
      domain = InternetDomainName.from(base);
    } catch (IllegalArgumentException e) {
      findings.add(CsrRule.NAME_SYNTAX, name, e.getMessage());
      return;
    }
    if (domain.isPublicSuffix()) {
      if (wildcard) {
        findings.add(CsrRule.NAME_WILDCARD_PUBLIC_SUFFIX, name, base);
      } else {
        findings.add(CsrRule.NAME_NO_REGISTRABLE_DOMAIN, name, "it is itself a public suffix");
      }
    } else if (!domain.isUnderPublicSuffix()) {
      findings.add(
          CsrRule.NAME_NO_REGISTRABLE_DOMAIN, name, "its top-level domain is not in the Public Suffix List");
    }
  }

  private static boolean publicSuffix(String base) {
    return InternetDomainName.isValid(base) && InternetDomainName.from(base).isPublicSuffix();
  }

  private static boolean isDottedQuad(String name) {
    return name.matches("[0-9]+(\\.[0-9]+){3}");
  }

  private static String suggestAscii(String name) {
    String ascii = Idna2008.toAscii(name);
    return ascii == null ? "it cannot be converted" : ascii;
  }

  private static String shorten(String value) {
    return Truncation.abbreviated(value, 80);
  }
}
