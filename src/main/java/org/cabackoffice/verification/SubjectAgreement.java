package org.cabackoffice.verification;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a certificate subject says what the verified record says (guide [1-2]; BR 7.1.4.2.2):
 * O is the record's official English name, L and ST are the registered locality and prefecture,
 * C is the record's country (JP). O is compared exactly after NFKC and white space, because case
 * and punctuation belong to a legal name ("Sample K.K." is not "SAMPLE KK"); L and ST ignore case
 * too ("Chuo-ku" and "Chuo-Ku" name one ward). A field the CSR leaves out is no disagreement: the
 * certificate takes it from the record. A field the record does not hold (the NTA's data has no
 * English name) is left to the officer who confirms the match.
 */
public final class SubjectAgreement {

  /** One subject field that differs from the record, worded for the customer in both languages. */
  public record Disagreement(String attribute, String code, String message, String messageJa) {}

  private SubjectAgreement() {}

  public static List<Disagreement> compare(
      String organization,
      String locality,
      String stateOrProvince,
      String country,
      OrganizationDirectoryEntry record) {
    return compare(organization, locality, stateOrProvince, country, record, List.of());
  }

  /**
   * As {@link #compare(String, String, String, String, OrganizationDirectoryEntry)}, where O may
   * also be a verified trade name, alone or as "DBA (Registered Name)" (BR 7.1.4.2.2: the DBA
   * first, the Subject's name in parentheses).
   */
  public static List<Disagreement> compare(
      String organization,
      String locality,
      String stateOrProvince,
      String country,
      OrganizationDirectoryEntry record,
      List<String> tradeNames) {
    List<Disagreement> found = new ArrayList<>();
    if (present(organization)
        && present(record.getNameEn())
        && !statesVerifiedName(organization, record, tradeNames)) {
      String registered = record.getNameEn();
      String reversed = reversedDba(organization, record, tradeNames);
      if (reversed != null) {
        found.add(
            new Disagreement(
                "O",
                "subject.organization-dba-order",
                "the CSR's organization (O) \"" + organization.strip() + "\" puts the registered name first; with a trade name, "
                    + "the trade name comes first and the registered name follows in parentheses (BR 7.1.4.2.2): O=" + reversed,
                "CSR の組織名 (O) 「" + organization.strip() + "」は登録名が先になっています。屋号・通称と併記する場合は、屋号を先に、"
                    + "登録名を括弧内に記載してください (BR 7.1.4.2.2)。O=" + reversed));
      } else {
        List<String> options = new ArrayList<>();
        options.add(registered);
        tradeNames.forEach(t -> {
          options.add(t);
          options.add(t + " (" + registered + ")");
        });
        String allowed = tradeNames.isEmpty()
            ? registered
            : String.join(" or ", options.stream().map(o -> "\"" + o + "\"").toList());
        String allowedJa = tradeNames.isEmpty()
            ? registered
            : String.join("、", options.stream().map(o -> "\"" + o + "\"").toList()) + " のいずれか";
        found.add(
            new Disagreement(
                "O",
                "subject.organization-not-registered",
                "the CSR's organization (O) \"" + organization.strip() + "\" is not the registered English name \""
                    + registered + "\" (guide [1-2])" + (tradeNames.isEmpty() ? "" : " nor a verified trade name")
                    + "; request the certificate with O=" + allowed,
                "CSR の組織名 (O) 「" + organization.strip() + "」が登録されている英文社名「" + registered
                    + "」と異なります (ガイド [1-2])。O=" + allowedJa + " で CSR を作成してください"));
      }
    }
    if (present(locality) && present(record.getLocality()) && !folded(locality).equals(folded(record.getLocality()))) {
      found.add(
          new Disagreement(
              "L",
              "subject.locality-not-registered",
              "the CSR's locality (L) \"" + locality.strip() + "\" is not the registered \"" + record.getLocality()
                  + "\" (guide [1-2]); request the certificate with L=" + record.getLocality(),
              "CSR の市区町村名 (L) 「" + locality.strip() + "」が登録されている「" + record.getLocality()
                  + "」と異なります (ガイド [1-2])。L=" + record.getLocality() + " で CSR を作成してください"));
    }
    if (present(stateOrProvince)
        && present(record.getStateOrProvince())
        && !folded(stateOrProvince).equals(folded(record.getStateOrProvince()))) {
      found.add(
          new Disagreement(
              "ST",
              "subject.state-not-registered",
              "the CSR's state or prefecture (ST) \"" + stateOrProvince.strip() + "\" is not the registered \""
                  + record.getStateOrProvince() + "\" (guide [1-2]); request the certificate with ST="
                  + record.getStateOrProvince(),
              "CSR の都道府県名 (ST) 「" + stateOrProvince.strip() + "」が登録されている「" + record.getStateOrProvince()
                  + "」と異なります (ガイド [1-2])。ST=" + record.getStateOrProvince() + " で CSR を作成してください"));
    }
    String registeredCountry = present(record.getCountry()) ? record.getCountry() : "JP";
    if (present(country) && !folded(country).equals(folded(registeredCountry))) {
      found.add(
          new Disagreement(
              "C",
              "subject.country-not-registered",
              "the CSR's country (C) \"" + country.strip() + "\" is not the registered country "
                  + registeredCountry + "; request the certificate with C=" + registeredCountry,
              "CSR の国名 (C) 「" + country.strip() + "」が登録されている国 " + registeredCountry
                  + " と異なります。C=" + registeredCountry + " で CSR を作成してください"));
    }
    return found;
  }

  /**
   * The O the certificate states (BR 7.1.4.2.2): the CSR's own wording when it is a verified trade
   * name or "DBA (Registered Name)", else the registered English name.
   */
  public static String statedOrganization(String requested, OrganizationDirectoryEntry record, List<String> tradeNames) {
    if (present(requested) && present(record.getNameEn()) && statesVerifiedName(requested, record, tradeNames)
        && !exact(requested).equals(exact(record.getNameEn()))) {
      for (String tradeName : tradeNames) {
        if (exact(requested).equals(exact(tradeName))) {
          return exact(tradeName);
        }
        if (exact(requested).equals(exact(tradeName + " (" + record.getNameEn() + ")"))) {
          return exact(tradeName) + " (" + exact(record.getNameEn()) + ")";
        }
      }
    }
    return record.getNameEn();
  }

  private static boolean statesVerifiedName(String organization, OrganizationDirectoryEntry record, List<String> tradeNames) {
    String o = exact(organization);
    if (o.equals(exact(record.getNameEn()))) {
      return true;
    }
    for (String tradeName : tradeNames) {
      if (o.equals(exact(tradeName)) || o.equals(exact(tradeName + " (" + record.getNameEn() + ")"))) {
        return true;
      }
    }
    return false;
  }

  /** "Registered Name (DBA)": the right names in the wrong order; what it should be, or null. */
  private static String reversedDba(String organization, OrganizationDirectoryEntry record, List<String> tradeNames) {
    String o = exact(organization);
    for (String tradeName : tradeNames) {
      if (o.equals(exact(record.getNameEn() + " (" + tradeName + ")"))) {
        return exact(tradeName) + " (" + exact(record.getNameEn()) + ")";
      }
    }
    return null;
  }

  /** The disagreements as one text for the refusal notice: English, then Japanese. */
  public static String describe(List<Disagreement> disagreements) {
    StringBuilder text = new StringBuilder();
    disagreements.forEach(d -> text.append(d.message()).append('\n'));
    disagreements.forEach(d -> text.append(d.messageJa()).append('\n'));
    return text.toString().strip();
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  static String exact(String value) {
    return Normalizer.normalize(value, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
  }

  static String folded(String value) {
    return exact(value).toLowerCase(Locale.ROOT);
  }
}
