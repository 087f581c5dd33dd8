package org.cabackoffice.domain;

import com.google.common.net.InternetDomainName;
import java.util.Locale;

/**
 * The Authorization Domain Name, chosen after the method (BR 3.2.2.4 as amended by ballot SC-101):
 * start from the applied-for FQDN or Wildcard Domain Name; a wildcard needs a method that allows
 * one, and loses its "*."; labels are pruned from the left towards the Base Domain Name only when
 * the method allows pruning. This CA never replaces a name by the target of a CNAME when choosing
 * the ADN (the BR make that step optional): the ADN is always the applied-for name or a domain
 * above it, so what is validated is visibly the customer's. The record lookups themselves follow
 * CNAMEs where the method allows (BR 3.2.2.4.7; 3.2.2.4.22 "CNAME records MAY be followed when
 * resolving the Persistent DCV TXT Record").
 *
 * @param fqdn the name as applied for, normalized (a wildcard keeps its "*.")
 * @param adn the name validated
 * @param method the method the ADN was chosen for
 */
public record AuthorizationDomainName(String fqdn, String adn, DomainValidationMethod method) {

  /**
   * The ADN for {@code applied} by {@code method}: pruned to the Base Domain Name when the method
   * allows pruning and {@code pruneToBase} asks for it, else the FQDN itself.
   *
   * @throws InvalidDomainNameException not a domain name, a public suffix, or a wildcard the
   *     method cannot validate
   */
  public static AuthorizationDomainName derive(
      String applied, DomainValidationMethod method, boolean pruneToBase) {
    String text = applied == null ? null : applied.strip();
    boolean wildcard = text != null && text.startsWith("*.");
    if (wildcard && !method.allowsWildcard()) {
      throw new InvalidDomainNameException(
          "BR " + method.section() + " is not suitable for validating Wildcard Domain Names: " + text);
    }
    String fqdn = DomainName.normalize(wildcard ? text.substring(2) : text);
    InternetDomainName parsed;
    try {
      parsed = InternetDomainName.from(fqdn);
    } catch (IllegalArgumentException e) {
      throw new InvalidDomainNameException("not a valid domain name: " + fqdn);
    }
    if (parsed.isPublicSuffix()) {
      throw new InvalidDomainNameException(
          fqdn.toLowerCase(Locale.ROOT) + " is a public suffix: no applicant controls it, validate a domain below it");
    }
    // A name under no public suffix (a private CA's internal TLD) has no Base Domain Name (BR
    // 1.6.1): nothing to prune towards, so it is validated as it is.
    String adn =
        pruneToBase && method.allowsPruning() && parsed.isUnderPublicSuffix()
            ? parsed.topPrivateDomain().toString()
            : fqdn;
    return new AuthorizationDomainName(wildcard ? "*." + fqdn : fqdn, adn, method);
  }

  /**
   * Whether a validation of {@code adn} by {@code method} covers {@code name} (an FQDN or a
   * Wildcard Domain Name): the ADN itself, and, only when the method allows pruning, every name
   * that ends with all its labels (BR 3.2.2.4.7 and .22 Notes: "the CA MAY also issue Certificates
   * for other FQDNs that end with all the Domain Labels of the validated FQDN"; 3.2.2.4.18:
   * "MUST NOT ... unless the CA performs separate validations").
   */
  public static boolean covers(String adn, DomainValidationMethod method, String name) {
    String text = name.strip().toLowerCase(Locale.ROOT);
    boolean wildcard = text.startsWith("*.");
    if (wildcard && !method.allowsWildcard()) {
      return false;
    }
    String fqdn = DomainName.normalize(wildcard ? text.substring(2) : text);
    String validated = adn.toLowerCase(Locale.ROOT);
    return fqdn.equals(validated) || (method.allowsPruning() && fqdn.endsWith("." + validated));
  }
}
