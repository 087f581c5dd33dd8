package org.cabackoffice.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a WHOIS answer's bytes into text. RFC 3912 fixes no charset: JPRS answers its Japanese
 * form in ISO-2022-JP (recognised by its escape sequences), gTLD registries in UTF-8 (RDDS
 * advisory), Japanese registrars and resellers' servers often in Shift_JIS, a few older servers
 * in Latin-1. Each is tried strictly in that order (UTF-8 and Shift_JIS reject most text of the
 * others); bytes that are not text at all are refused rather than parsed into nonsense.
 */
final class WhoisText {

  private static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");

  /** Microsoft's Shift_JIS (CP932), as Japanese servers write it: NEC and IBM extensions too. */
  private static final Charset SHIFT_JIS = Charset.forName("windows-31j");

  private WhoisText() {}

  static String decode(byte[] bytes) {
    if (looksBinary(bytes)) {
      throw new RegistryUnavailableException("the WHOIS answer is not text (binary content)");
    }
    if (hasIso2022JpEscape(bytes)) {
      return strictly(bytes, ISO_2022_JP);
    }
    String utf8 = orNull(bytes, StandardCharsets.UTF_8);
    if (utf8 != null) {
      return utf8;
    }
    // Latin-1 accented letters are Shift_JIS lead bytes too ("Soci\u00e9t\u00e9" decodes to kanji),
    // so Shift_JIS must also show kana, which Latin-1 text (0x82, 0x83 are C1 controls) never does.
    String shiftJis = orNull(bytes, SHIFT_JIS);
    if (shiftJis != null && shiftJis.codePoints().anyMatch(c -> c >= 0x3041 && c <= 0x30FA)) {
      return shiftJis;
    }
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static String orNull(byte[] bytes, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String strictly(byte[] bytes, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new RegistryUnavailableException(
          "the WHOIS answer is not valid " + charset.name() + " text", e);
    }
  }

  /** ESC $ @, ESC $ B (JIS X 0208) or ESC ( J (JIS X 0201 Roman): ISO-2022-JP (RFC 1468). */
  private static boolean hasIso2022JpEscape(byte[] b) {
    for (int i = 0; i + 2 < b.length; i++) {
      if (b[i] == 0x1B
          && ((b[i + 1] == '$' && (b[i + 2] == 'B' || b[i + 2] == '@'))
              || (b[i + 1] == '(' && b[i + 2] == 'J'))) {
        return true;
      }
    }
    return false;
  }

  /** A NUL byte, or more than 1% control characters other than tab, CR, LF, FF and ESC. */
  private static boolean looksBinary(byte[] b) {
    int controls = 0;
    for (byte x : b) {
      if (x == 0) {
        return true;
      }
      if (x > 0 && x < 0x20 && x != '\t' && x != '\r' && x != '\n' && x != '\f' && x != 0x1B) {
        controls++;
      }
    }
    return controls > b.length / 100;
  }
}
