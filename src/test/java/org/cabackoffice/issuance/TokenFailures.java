package org.cabackoffice.issuance;

/** What the key store throws when the PKCS#11 token is gone, for tests of the steps that sign. */
public final class TokenFailures {

  private TokenFailures() {}

  public static CaKeyUnavailableException removed(String alias) {
    return new CaKeyUnavailableException(alias, "CKR_DEVICE_REMOVED", new java.security.ProviderException("CKR_DEVICE_REMOVED"));
  }
}
