package org.cabackoffice.mail;

/**
 * The part of a recipient we may log. Full addresses are personal data and the body carries
 * tokens; the domain is enough to see which customer's mail server refuses.
 */
public final class RecipientDomain {

  private RecipientDomain() {}

  public static String of(String recipients) {
    if (recipients == null) {
      return "?";
    }
    StringBuilder domains = new StringBuilder();
    for (String address : recipients.split(",")) {
      String trimmed = address.trim();
      int at = trimmed.lastIndexOf('@');
      String domain = at < 0 ? "?" : trimmed.substring(at + 1).replace(">", "").trim();
      if (!domains.isEmpty()) {
        domains.append(',');
      }
      domains.append(domain);
    }
    return domains.toString();
  }
}
