package org.cabackoffice.csr;

/** The key is on the blocklist already; the first entry, with its reason, stays the record. */
public class KeyAlreadyBlockedException extends RuntimeException {

  private final String spkiSha256;

  public KeyAlreadyBlockedException(String spkiSha256) {
    super("the key with SPKI SHA-256 " + spkiSha256 + " is already on the blocklist");
    this.spkiSha256 = spkiSha256;
  }

  public String spkiSha256() {
    return spkiSha256;
  }
}
