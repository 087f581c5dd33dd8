package org.cabackoffice.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Compares the applicant's organization name with the registrant in the registration data (guide
 * [3-1]: a differing registrant means asking the WHOIS contacts for consent). Names are compared
 * after NFKC (full-width and half-width forms alike), case folding, and removal of spaces and
 * punctuation, with the legal form taken out and compared as a kind: 株式会社 = K.K. = Kabushiki
 * Kaisha = Co., Ltd. = Corporation = Inc.; 合同会社 = G.K. = LLC; 有限会社 = Y.K. Japanese and
 * English names are never transliterated into each other: サンプル株式会社 equals Sample K.K. only
 * through the registry also giving the Japanese name.
 */
@Component
public class OrganizationNameMatcher {

  enum LegalForm {
    NONE,
    KABUSHIKI_KAISHA,
    GODO_KAISHA,
    YUGEN_KAISHA
  }

  record NormalizedName(String base, LegalForm legalForm) {}

  private record FormPattern(Pattern pattern, LegalForm form) {}

  /** Japanese legal forms stand before (前株) or after (後株) the name, without separator. */
  private static final String JA_KK = "株式会社|\\(株\\)";
  private static final String JA_GK = "合同会社|\\(同\\)";
  private static final String JA_YK = "有限会社|\\(有\\)";

  /** Romanized forms that also open a name, e.g. "Kabushiki Kaisha Toshiba". */
  private static final String EN_KK_LONG = "kabushiki\\s*[kg]aisha";
  private static final String EN_GK_LONG = "godo\\s*[kg]aisha";
  private static final String EN_YK_LONG = "yugen\\s*[kg]aisha";

  private static final String EN_KK =
      EN_KK_LONG
          + "|co\\s*\\.?\\s*,?\\s*ltd\\.?|company\\s*,?\\s*limited|k\\s*\\.\\s*k\\.?|kk"
          + "|corporation|corp\\.?|incorporated|inc\\.?|limited|ltd\\.?";
  private static final String EN_GK = EN_GK_LONG + "|g\\s*\\.\\s*k\\.?|gk|l\\.\\s*l\\.\\s*c\\.?|llc";
  private static final String EN_YK = EN_YK_LONG + "|y\\s*\\.\\s*k\\.?|yk";

  private static final List<FormPattern> SUFFIXES =
      List.of(
          suffixJa(JA_KK, LegalForm.KABUSHIKI_KAISHA),
          suffixJa(JA_GK, LegalForm.GODO_KAISHA),
          suffixJa(JA_YK, LegalForm.YUGEN_KAISHA),
          suffixEn(EN_GK, LegalForm.GODO_KAISHA),
          suffixEn(EN_YK, LegalForm.YUGEN_KAISHA),
          suffixEn(EN_KK, LegalForm.KABUSHIKI_KAISHA));

  private static final List<FormPattern> PREFIXES =
      List.of(
          prefix(JA_KK + "|" + EN_KK_LONG, LegalForm.KABUSHIKI_KAISHA),
          prefix(JA_GK + "|" + EN_GK_LONG, LegalForm.GODO_KAISHA),
          prefix(JA_YK + "|" + EN_YK_LONG, LegalForm.YUGEN_KAISHA));

  /** The best match of any applicant name (English, Japanese) with any registrant name. */
  public NameMatch match(List<String> applicantNames, List<String> registrantNames) {
    List<String> registrants =
        registrantNames == null
            ? List.of()
            : registrantNames.stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).toList();
    if (registrants.isEmpty()) {
      return NameMatch.NO_REGISTRANT;
    }
    NameMatch best = NameMatch.NO_MATCH;
    for (String applicant : applicantNames == null ? List.<String>of() : applicantNames) {
      if (applicant == null || applicant.isBlank()) {
        continue;
      }
      for (String registrant : registrants) {
        NameMatch m = match(applicant, registrant);
        if (m.ordinal() < best.ordinal()) {
          best = m;
        }
      }
    }
    return best;
  }

  /** MATCH, CLOSE or NO_MATCH for two names. */
  public NameMatch match(String applicantName, String registrantName) {
    NormalizedName a = normalize(applicantName);
    NormalizedName b = normalize(registrantName);
    if (a.base().isEmpty() || b.base().isEmpty()) {
      return NameMatch.NO_MATCH;
    }
    if (a.base().equals(b.base())) {
      // Same name, different or missing legal form: possibly another company, an officer looks.
      return a.legalForm() == b.legalForm() ? NameMatch.MATCH : NameMatch.CLOSE;
    }
    int lengthA = a.base().codePointCount(0, a.base().length());
    int lengthB = b.base().codePointCount(0, b.base().length());
    int shorter = Math.min(lengthA, lengthB);
    int distance = editDistance(a.base(), b.base());
    // A typo or two, but not so many that short names (ソニー, トヨタ) all look alike.
    if (distance <= 2 && distance * 2 < shorter) {
      return NameMatch.CLOSE;
    }
    // An abbreviated or a group company's longer name: "Sample" in "Sample Holdings".
    if (shorter >= 2 && (a.base().contains(b.base()) || b.base().contains(a.base()))) {
      return NameMatch.CLOSE;
    }
    return NameMatch.NO_MATCH;
  }

  /**
   * The words of a name that identify the organization, for searching a directory by name: NFKC,
   * lower case, the legal form taken out, spaces kept ("Sample Trading Co., Ltd." gives "sample
   * trading"; "株式会社サンプル" gives "サンプル"). The organization-validation stage searches with
   * these and compares the hits with {@link #match(List, List)}, so both steps normalize alike.
   */
  public static String searchStem(String name) {
    return withoutLegalForm(name).text().replaceAll("[\\s,.]+$", "").strip();
  }

  static NormalizedName normalize(String name) {
    Split split = withoutLegalForm(name);
    StringBuilder base = new StringBuilder();
    split.text().codePoints().filter(Character::isLetterOrDigit).forEach(base::appendCodePoint);
    return new NormalizedName(base.toString(), split.legalForm());
  }

  /** The name without its legal form, and the form. */
  private record Split(String text, LegalForm legalForm) {}

  private static Split withoutLegalForm(String name) {
    if (name == null) {
      return new Split("", LegalForm.NONE);
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = s.replaceAll("\\s+", " ").strip();
    LegalForm form = LegalForm.NONE;
    for (FormPattern p : SUFFIXES) {
      Matcher m = p.pattern().matcher(s);
      if (m.find()) {
        form = p.form();
        s = s.substring(0, m.start());
        break;
      }
    }
    if (form == LegalForm.NONE) {
      for (FormPattern p : PREFIXES) {
        Matcher m = p.pattern().matcher(s);
        if (m.find()) {
          form = p.form();
          s = s.substring(m.end());
          break;
        }
      }
    }
    return new Split(s, form);
  }

  private static FormPattern suffixJa(String forms, LegalForm form) {
    return new FormPattern(Pattern.compile("\\s*(?:" + forms + ")\\s*$"), form);
  }

  /** An English form ends the name after a space, comma or period: "Sample K.K.", "Sample,Inc.". */
  private static FormPattern suffixEn(String forms, LegalForm form) {
    return new FormPattern(Pattern.compile("(?:^|[\\s,.])(?:" + forms + ")[\\s.,]*$"), form);
  }

  private static FormPattern prefix(String forms, LegalForm form) {
    return new FormPattern(Pattern.compile("^\\s*(?:" + forms + ")\\s*"), form);
  }

  /** Levenshtein distance over code points. */
  static int editDistance(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    int[] previous = new int[y.length + 1];
    int[] current = new int[y.length + 1];
    for (int j = 0; j <= y.length; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length; i++) {
      current[0] = i;
      for (int j = 1; j <= y.length; j++) {
        int substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[y.length];
  }
}
