package org.cabackoffice.domain;

import java.util.List;

/**
 * Who asks for a certificate for a name and by which validation method, as CAA's {@code
 * accounturi} and {@code validationmethods} parameters may restrict it (RFC 8657 3, 4; BR 4.2.2.1.2,
 * ballot SC-098). Both ways to a certificate have one: an ACME order has its ACME account and
 * challenge type; an application has its storefront account, whose URI the CA already defines for
 * the persistent DNS TXT record's {@code accounturi} (BR 3.2.2.4.22 (3); {@link
 * DomainControl#accountUri}), and the method that validated the name.
 *
 * @param accountUri the requesting account's URI, null when the request comes through no account
 * @param method the method as reasons name it ({@code dns-01}, {@code BR 3.2.2.4.7}); null when
 *     no validation method established control of the name
 * @param methodLabels every {@code validationmethods} label that names the method; empty when
 *     none does
 */
public record CaaRequester(String accountUri, String method, List<String> methodLabels) {

  public CaaRequester {
    methodLabels = methodLabels == null ? List.of() : List.copyOf(methodLabels);
  }

  /**
   * An ACME order's account and challenge. BR 4.2.2.1.2: when a mechanism has several labels the
   * CA SHOULD accept any of them, so {@code http-01} is also {@code ca-tbr-19} (BR 3.2.2.4.19) and
   * {@code dns-01} also {@code ca-tbr-7} (BR 3.2.2.4.7, which ACME's dns-01 is a case of).
   */
  public static CaaRequester acme(String accountUri, String challengeType) {
    List<String> labels =
        switch (challengeType == null ? "" : challengeType) {
          case "http-01" -> List.of("http-01", "ca-tbr-19");
          case "dns-01" -> List.of("dns-01", "ca-tbr-7");
          case "" -> List.of();
          default -> List.of(challengeType);
        };
    return new CaaRequester(accountUri, challengeType, labels);
  }

  /**
   * An application of the storefront account {@code accountUri} whose name was validated by
   * {@code method} (null: by no BR method, e.g. a private CA's registrant evidence).
   */
  public static CaaRequester application(String accountUri, DomainValidationMethod method) {
    return method == null
        ? new CaaRequester(accountUri, null, List.of())
        : new CaaRequester(accountUri, "BR " + method.section(), List.of(method.caaLabel()));
  }

  /** How reasons name the request: "for ACCOUNT by METHOD". */
  String described() {
    return "for " + (accountUri == null ? "no account" : accountUri)
        + " by " + (method == null ? "no BR 3.2.2.4 method" : method);
  }
}
