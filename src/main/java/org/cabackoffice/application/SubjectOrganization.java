package org.cabackoffice.application;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The CSR's organizationName (O) must be the applicant's official English name with its legal
 * form (guide [1-2]; DESIGN.md, "CSR subject"): the application's {@code organization.nameEn} is
 * what the directory, the registrant match and the phone call check, and the O is what the
 * certificate will say. Until issue 7 the two were never compared, so any O passed.
 *
 * <p>Compared after NFKC (full-width Latin letters and the like are the same name) and with runs
 * of white space as one space, otherwise exactly: case and punctuation are part of a legal name
 * ("Sample K.K." is not "SAMPLE KK").
 */
final class SubjectOrganization {

  static final String MISMATCH = "csr.organization-mismatch";
  static final String NOT_ENGLISH = "csr.organization-not-english";

  private SubjectOrganization() {}

  /** The finding when the O differs from the English name, or is absent. */
  static Optional<IntakeFinding> check(String csrOrganization, String nameEn) {
    if (nameEn == null) {
      return Optional.empty(); // the form's own validation reports the missing name
    }
    if (csrOrganization == null || csrOrganization.isBlank()) {
      // The CSR rule SUBJECT_ORGANIZATION_MISSING already says the O is missing.
      return Optional.empty();
    }
    if (!isEnglishName(csrOrganization)) {
      // A name of emoji or of Japanese script is no official English name, whatever the form says.
      return Optional.of(
          new IntakeFinding(
              "csr",
              NOT_ENGLISH,
              "the CSR's organization (O) must be the organization's official English name in Latin"
                  + " letters (guide [1-2]), such as \"Sample K.K.\"",
              "CSR の組織名 (O) は、英字で表記した正式な英文社名としてください (ガイド [1-2])。例: Sample K.K."));
    }
    if (normalized(csrOrganization).equals(normalized(nameEn))) {
      return Optional.empty();
    }
    return Optional.of(
        new IntakeFinding(
            "organization.nameEn",
            MISMATCH,
            "the CSR's organization (O) \"" + csrOrganization.strip()
                + "\" must be the organization's official English name \"" + nameEn.strip()
                + "\" (guide [1-2]); correct the CSR or the name",
            "CSR の組織名 (O) 「" + csrOrganization.strip() + "」が申請団体の英文社名「" + nameEn.strip()
                + "」と一致しません (ガイド [1-2])。CSR か英文社名を訂正してください"));
  }

  /**
   * Latin letters, digits, spaces and the punctuation legal names use, after NFKC (so full-width
   * letters count), with at least two letters: what an English name on a register can be.
   */
  static boolean isEnglishName(String name) {
    String text = normalized(name);
    return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f && (Character.isLetterOrDigit(c) || " &,.'-()/+:!@".indexOf(c) >= 0))
        && text.chars().filter(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')).count() >= 2;
  }

  static String normalized(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
  }
}
