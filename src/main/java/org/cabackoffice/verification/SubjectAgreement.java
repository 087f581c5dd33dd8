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
    List<Disagreement> found = new ArrayList<>();
    if (present(organization)
        && present(record.getNameEn())
        && !exact(organization).equals(exact(record.getNameEn()))) {
      found.add(
          new Disagreement(
              "O",
              "subject.organization-not-registered",
              "the CSR's organization (O) \"" + organization.strip() + "\" is not the registered English name \""
                  + record.getNameEn() + "\" (guide [1-2]); request the certificate with O=" + record.getNameEn(),
              "CSR の組織名 (O) 「" + organization.strip() + "」が登録されている英文社名「" + record.getNameEn()
                  + "」と異なります (ガイド [1-2])。O=" + record.getNameEn() + " で CSR を作成してください"));
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

  private static String exact(String value) {
    return Normalizer.normalize(value, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
  }

  private static String folded(String value) {
    return exact(value).toLowerCase(Locale.ROOT);
  }
}
