package org.cabackoffice.csr;

/** What an officer sent to the blocklist names no key, or gives no reason; the code says which. */
public class BlocklistEntryInvalidException extends RuntimeException {

  private final String code;

  public BlocklistEntryInvalidException(String code, String reason) {
    super(reason);
    this.code = code;
  }

  public BlocklistEntryInvalidException(String code, String reason, Throwable cause) {
    super(reason, cause);
    this.code = code;
  }

  /** Stable, for clients: {@code key-blocklist.*}. */
  public String code() {
    return code;
  }
}
