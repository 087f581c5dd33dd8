package org.cabackoffice.input;

/**
 * Text shortened to fit: a column's length, or a message that quotes what a client sent. Counted
 * in UTF-16 units like the database's VARCHAR, but never splitting a surrogate pair, so what is
 * stored is still valid Unicode.
 */
public final class Truncation {

  private Truncation() {}

  /** The first {@code max} characters of {@code text}, or all of it; null stays null. */
  public static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  /** Like {@link #cut}, but a shortened text ends in "…" and is {@code max} characters at most. */
  public static String abbreviated(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return cut(text, max - 1) + "…";
  }
}
