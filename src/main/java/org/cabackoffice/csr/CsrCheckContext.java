package org.cabackoffice.csr;

/**
 * What the caller knows about the application the request belongs to.
 *
 * @param requiredCommonName on renewal the CN must equal the renewed certificate's CN (guide [1-2]);
 *     null when there is no such constraint
 * @param organizationValidated true for OV and EV, where O and L or ST must be in the subject (BR
 *     7.1.2.7.4)
 */
public record CsrCheckContext(String requiredCommonName, boolean organizationValidated) {

  /**
   * The context of a request checked on its own (the {@code /api/csr/check} endpoint): no CN to
   * match, and organization validated, because every product this CA sells (Secure Server ID,
   * Global Server ID, EV) is OV or EV.
   */
  public static CsrCheckContext standalone() {
    return new CsrCheckContext(null, true);
  }
}
