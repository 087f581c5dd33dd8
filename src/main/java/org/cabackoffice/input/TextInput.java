package org.cabackoffice.input;

import java.util.Optional;

/**
 * What a text field may hold. Every text the back office takes is stored, shown to officers,
 * mailed and put into certificates, so:
 *
 * <ul>
 *   <li>no C0 control character except tab, line feed and carriage return, and no DEL or C1
 *       control: PostgreSQL refuses U+0000 in text (the request then failed with a 500 quoting
 *       the SQL, issue 7) and the others only hide or rewrite what an officer reads;
 *   <li>no lone surrogate: it is not a character, and UTF-8 cannot encode it;
 *   <li>a name is one line, and carries no bidi embedding, override or isolate (U+202A–U+202E,
 *       U+2066–U+2069): {@code invoice\u202Efdp.exe} shows as {@code invoiceexe.pdf}, so a name
 *       could read differently to the officer than it is (Unicode TR 36, 2.1.1).
 * </ul>
 */
public final class TextInput {

  private TextInput() {}

  /** Why {@code text} is no plain (possibly multi-line) text, or empty when it is. */
  public static Optional<String> plainTextProblem(String text) {
    return problem(text, false);
  }

  /** Why {@code text} is no single-line name, or empty when it is. */
  public static Optional<String> singleLineProblem(String text) {
    return problem(text, true);
  }

  private static Optional<String> problem(String text, boolean singleLine) {
    if (text == null) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return Optional.of(at(i, "holds half of a UTF-16 surrogate pair, which is no character"));
      }
      if (Character.isLowSurrogate(c)) {
        return Optional.of(at(i, "holds half of a UTF-16 surrogate pair, which is no character"));
      }
      boolean lineBreak = c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
      if (singleLine && (lineBreak || c == '\t')) {
        return Optional.of(at(i, "holds a line break or tab (" + codePoint(c) + "); a name is one line"));
      }
      if (isControl(c) && c != '\t' && c != '\n' && c != '\r') {
        return Optional.of(at(i, "holds the control character " + codePoint(c) + "; remove it"));
      }
      if (singleLine && isBidiControl(c)) {
        return Optional.of(
            at(i, "holds the bidi control " + codePoint(c)
                + ", which would show the name in another order than it is written; remove it"));
      }
    }
    return Optional.empty();
  }

  /** C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F). */
  static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
  }

  /** Embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069. */
  static boolean isBidiControl(char c) {
    return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
  }

  private static String at(int index, String what) {
    return "character " + (index + 1) + " " + what;
  }

  private static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }
}
