package org.cabackoffice.issuance;

/**
 * The products the CA signs, by the CA/Browser Forum reserved policy identifier each asserts in
 * certificatePolicies (BR 7.1.6.1, BR 7.1.2.7.9): Secure and Global Server ID are OV, the EV
 * product is EV.
 */
public enum CertificateProfile {
  /** Organization validated, BR 7.1.6.1 {@code 2.23.140.1.2.2}. */
  OV("2.23.140.1.2.2"),
  /** Extended validation, EV Guidelines 9.7 / BR 7.1.6.1 {@code 2.23.140.1.1}. */
  EV("2.23.140.1.1");

  private final String policyOid;

  CertificateProfile(String policyOid) {
    this.policyOid = policyOid;
  }

  public String policyOid() {
    return policyOid;
  }
}
