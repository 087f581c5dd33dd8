package org.cabackoffice.documents;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The name an uploaded file is stored and served under. The uploader's browser sends whatever it
 * likes: {@code invoice\u202Efdp.exe} was stored and shown to officers as "invoiceexe.pdf" (issue
 * 7, item 14), and a name may carry a Windows path or control characters.
 *
 * <p>So: the last path segment only, NFC (one form for what looks the same), no control or
 * format character (C0, DEL, C1, bidi embeddings, overrides, isolates and marks, zero-width
 * characters: Unicode TR 36, 2.1.1), none of the characters Windows refuses in names, no leading
 * dots, at most {@link #MAX_CODE_POINTS} code points with the extension kept; what is left empty
 * becomes {@link #FALLBACK}.
 */
final class UploadedFileName {

  static final String FALLBACK = "document.pdf";
  static final int MAX_CODE_POINTS = 120;

  private UploadedFileName() {}

  static String of(String sent) {
    String name = sent == null ? "" : sent;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = Normalizer.normalize(name, Normalizer.Form.NFC);
    StringBuilder clean = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> {
              int type = Character.getType(c);
              if (type == Character.CONTROL
                  || type == Character.FORMAT
                  || type == Character.SURROGATE
                  || type == Character.UNASSIGNED
                  || type == Character.PRIVATE_USE
                  || c == '\u2028'
                  || c == '\u2029') {
                return;
              }
              if ("<>:\"|?*".indexOf(c) >= 0) {
                clean.append('_');
              } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                clean.append(' ');
              } else {
                clean.appendCodePoint(c);
              }
            });
    name = clean.toString().replaceAll(" +", " ").strip().replaceFirst("^[. ]+", "").strip();
    name = shortened(name);
    return name.isEmpty() ? FALLBACK : name;
  }

  private static String shortened(String name) {
    if (name.codePointCount(0, name.length()) <= MAX_CODE_POINTS) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
    String stem = extension.isEmpty() ? name : name.substring(0, dot);
    int keep = MAX_CODE_POINTS - extension.codePointCount(0, extension.length());
    return stem.substring(0, stem.offsetByCodePoints(0, keep)).strip() + extension;
  }

  /**
   * {@code Content-Disposition: attachment} with both parameters RFC 6266 section 4.3 asks for:
   * an ASCII {@code filename} for old clients and the exact name as {@code filename*} in
   * RFC 8187 encoding.
   */
  static String contentDisposition(String storedName) {
    String name = of(storedName);
    StringBuilder ascii = new StringBuilder();
    for (char c : name.toCharArray()) {
      ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? c : '_');
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded(name);
  }

  /** RFC 8187 3.2.1: attr-char stays, every other byte of the UTF-8 is %XX. */
  private static String encoded(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }
}
