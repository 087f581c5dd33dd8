package org.cabackoffice.domain;

import java.util.Locale;

/**
 * One CAA resource record's property (RFC 8659 4.1): flags, tag and value as published.
 *
 * @param flags the flags octet; bit 0 (value 128) is Issuer Critical
 */
public record CaaProperty(int flags, String tag, String value) {

  static final int ISSUER_CRITICAL = 128;

  public boolean critical() {
    return (flags & ISSUER_CRITICAL) != 0;
  }

  /** Tags are matched case-insensitively (RFC 8659 4.1). */
  public boolean hasTag(String expected) {
    return tag.toLowerCase(Locale.ROOT).equals(expected);
  }

  /** As a zone file writes it, for reasons and evidence. */
  @Override
  public String toString() {
    return flags + " " + tag + " \"" + value + "\"";
  }
}
