package org.cabackoffice.csr;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.IDNA;
import com.ibm.icu.text.Normalizer2;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Whether an A-label is one IDNA2008 permits (RFC 5890-5893), as BR 7.1.2.7.12 asks of every
 * dNSName label that starts with {@code xn--}. The JDK's {@code java.net.IDN} implements IDNA2003,
 * which accepts symbols IDNA2008 disallows (xn--g6h, ♥) and refuses letters it permits (xn--fa-hia,
 * faß).
 *
 * <p>ICU decodes the Punycode and applies the label rules: NFC, hyphens, no leading combining
 * mark, the CONTEXTJ and CONTEXTO rules (RFC 5892 Appendix A) and the Bidi rule (RFC 5893). UTS
 * #46 processing still lets through characters valid there but not in IDNA2008, so every code
 * point is also held to RFC 5892's derived property, computed from the Unicode properties ICU
 * carries.
 */
final class Idna2008 {

  enum Property {
    PVALID,
    CONTEXTJ,
    CONTEXTO,
    DISALLOWED,
    UNASSIGNED
  }

  private static final IDNA UTS46 =
      IDNA.getUTS46Instance(
          IDNA.USE_STD3_RULES
              | IDNA.CHECK_BIDI
              | IDNA.CHECK_CONTEXTJ
              | IDNA.CHECK_CONTEXTO
              | IDNA.NONTRANSITIONAL_TO_ASCII
              | IDNA.NONTRANSITIONAL_TO_UNICODE);

  private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

  /** RFC 5892 2.6, Exceptions (F). */
  private static final Map<Integer, Property> EXCEPTIONS = new HashMap<>();

  static {
    for (int cp : new int[] {0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007}) {
      EXCEPTIONS.put(cp, Property.PVALID);
    }
    for (int cp : new int[] {0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB}) {
      EXCEPTIONS.put(cp, Property.CONTEXTO);
    }
    for (int cp = 0x0660; cp <= 0x0669; cp++) {
      EXCEPTIONS.put(cp, Property.CONTEXTO);
    }
    for (int cp = 0x06F0; cp <= 0x06F9; cp++) {
      EXCEPTIONS.put(cp, Property.CONTEXTO);
    }
    for (int cp :
        new int[] {0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B}) {
      EXCEPTIONS.put(cp, Property.DISALLOWED);
    }
  }

  private Idna2008() {}

  /**
   * @param label a lower-case label starting with {@code xn--}
   * @return why IDNA2008 refuses it, or null when it is a valid A-label
   */
  static String aLabelProblem(String label) {
    IDNA.Info decoding = new IDNA.Info();
    StringBuilder uLabel = UTS46.labelToUnicode(label, new StringBuilder(), decoding);
    if (decoding.hasErrors()) {
      return "it does not decode to a valid U-label (" + decoding.getErrors() + ")";
    }
    String unicode = uLabel.toString();
    if (unicode.equals(label)) {
      return "it does not decode to a U-label";
    }
    // RFC 5891 5.4: the A-label must be exactly the encoding of its U-label.
    IDNA.Info encoding = new IDNA.Info();
    String again = UTS46.labelToASCII(unicode, new StringBuilder(), encoding).toString();
    if (encoding.hasErrors() || !again.equals(label)) {
      return "it is not the encoding of its U-label \"" + unicode + "\"";
    }
    int[] codePoints = unicode.codePoints().toArray();
    for (int cp : codePoints) {
      Property property = property(cp);
      if (property == Property.DISALLOWED || property == Property.UNASSIGNED) {
        return "its U-label \"" + unicode + "\" holds " + String.format(Locale.ROOT, "U+%04X", cp)
            + ", " + property + " in IDNA2008 (RFC 5892)";
      }
    }
    return null;
  }

  /** The A-label form of a name typed in Unicode (UTS #46 mapping), or null when it has none. */
  static String toAscii(String name) {
    IDNA.Info info = new IDNA.Info();
    String ascii = UTS46.nameToASCII(name, new StringBuilder(), info).toString();
    return info.hasErrors() ? null : ascii;
  }

  /** RFC 5892 section 3: the derived property of a code point. */
  static Property property(int cp) {
    Property exception = EXCEPTIONS.get(cp);
    if (exception != null) {
      return exception;
    }
    if (UCharacter.getType(cp) == UCharacterCategory.UNASSIGNED
        && !UCharacter.hasBinaryProperty(cp, UProperty.NONCHARACTER_CODE_POINT)) {
      return Property.UNASSIGNED;
    }
    if (cp == '-' || (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z')) {
      return Property.PVALID;
    }
    if (UCharacter.hasBinaryProperty(cp, UProperty.JOIN_CONTROL)) {
      return Property.CONTEXTJ;
    }
    String character = UCharacter.toString(cp);
    if (!NFKC_CASEFOLD.normalize(character).equals(character)) {
      return Property.DISALLOWED; // Unstable
    }
    if (UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
        || UCharacter.hasBinaryProperty(cp, UProperty.WHITE_SPACE)
        || UCharacter.hasBinaryProperty(cp, UProperty.NONCHARACTER_CODE_POINT)) {
      return Property.DISALLOWED; // IgnorableProperties
    }
    UCharacter.UnicodeBlock block = UCharacter.UnicodeBlock.of(cp);
    if (block == UCharacter.UnicodeBlock.COMBINING_MARKS_FOR_SYMBOLS
        || block == UCharacter.UnicodeBlock.MUSICAL_SYMBOLS
        || block == UCharacter.UnicodeBlock.ANCIENT_GREEK_MUSICAL_NOTATION) {
      return Property.DISALLOWED; // IgnorableBlocks
    }
    int hangul = UCharacter.getIntPropertyValue(cp, UProperty.HANGUL_SYLLABLE_TYPE);
    if (hangul == UCharacter.HangulSyllableType.LEADING_JAMO
        || hangul == UCharacter.HangulSyllableType.VOWEL_JAMO
        || hangul == UCharacter.HangulSyllableType.TRAILING_JAMO) {
      return Property.DISALLOWED; // OldHangulJamo
    }
    switch (UCharacter.getType(cp)) {
      case UCharacterCategory.LOWERCASE_LETTER,
          UCharacterCategory.UPPERCASE_LETTER,
          UCharacterCategory.OTHER_LETTER,
          UCharacterCategory.DECIMAL_DIGIT_NUMBER,
          UCharacterCategory.MODIFIER_LETTER,
          UCharacterCategory.NON_SPACING_MARK,
          UCharacterCategory.COMBINING_SPACING_MARK -> {
        return Property.PVALID; // LetterDigits
      }
      default -> {
        return Property.DISALLOWED;
      }
    }
  }
}
