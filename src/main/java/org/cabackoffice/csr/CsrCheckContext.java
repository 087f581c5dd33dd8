package org.cabackoffice.csr;

/**
 * What the caller knows about the application the request belongs to.
 *
 * @param requiredCommonName on renewal the CN must equal the renewed certificate's CN (guide [1-2]);
 *     null when there is no such constraint
 * @param organizationValidated true for OV and EV, where O and L or ST must be in the subject (BR
 *     7.1.2.7.4)
 * @param customerAccountId the storefront account applying with this request; null when the
 *     request is checked without one (then a key already certified for another customer cannot be
 *     told apart from the caller's own, and that rule is not applied)
 */
public record CsrCheckContext(
    String requiredCommonName, boolean organizationValidated, Long customerAccountId) {

  /** A context without a customer, as callers used it before keys were tied to customers. */
  public CsrCheckContext(String requiredCommonName, boolean organizationValidated) {
    this(requiredCommonName, organizationValidated, null);
  }

  /**
   * The context of a request checked on its own (the {@code /api/csr/check} endpoint): no CN to
   * match, and organization validated, because every product this CA sells (Secure Server ID,
   * Global Server ID, EV) is OV or EV.
   */
  public static CsrCheckContext standalone() {
    return new CsrCheckContext(null, true);
  }

  /**
   * The context of a customer's application: organization validated (every product is OV or EV),
   * the renewed certificate's CN when it is a renewal (null for a new certificate), and the
   * customer, so a key certified for someone else is refused.
   */
  public static CsrCheckContext forCustomer(String requiredCommonName, long customerAccountId) {
    return new CsrCheckContext(requiredCommonName, true, customerAccountId);
  }
}
