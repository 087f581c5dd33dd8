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
    if (normalized(csrOrganization).equals(normalized(nameEn))) {
      return Optional.empty();
    }
    return Optional.of(
        new IntakeFinding(
            "organization.nameEn",
            MISMATCH,
            "the CSR's organization (O) \"" + csrOrganization.strip()
                + "\" must be the organization's official English name \"" + nameEn.strip()
                + "\" (guide [1-2]); correct the CSR or the name"));
  }

  static String normalized(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
  }
}
