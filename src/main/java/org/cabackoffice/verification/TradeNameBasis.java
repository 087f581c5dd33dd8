package org.cabackoffice.verification;

/** The means by which an officer verified the right to a DBA or trade name: BR 3.2.2.2's list. */
public enum TradeNameBasis {
  /** 1. Documentation from, or communication with, a government agency where the applicant was created. */
  GOVERNMENT_AGENCY_DOCUMENT("BR 3.2.2.2 (1)"),
  /** 2. A Reliable Data Source. */
  RELIABLE_DATA_SOURCE("BR 3.2.2.2 (2)"),
  /** 3. The government agency that manages trade names (in Japan, the 商号 register of the Legal Affairs Bureau). */
  TRADE_NAME_REGISTRY("BR 3.2.2.2 (3)"),
  /** 4. An Attestation Letter with documentary support. */
  ATTESTATION_LETTER("BR 3.2.2.2 (4)"),
  /** 5. A utility bill, bank or credit card statement, tax document or other reliable identification. */
  RELIABLE_DOCUMENT("BR 3.2.2.2 (5)");

  private final String section;

  TradeNameBasis(String section) {
    this.section = section;
  }

  public String section() {
    return section;
  }
}
