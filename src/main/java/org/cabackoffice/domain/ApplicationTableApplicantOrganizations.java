package org.cabackoffice.domain;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the applicant's names from the {@code application} table of V1__applications.sql (the
 * shared schema), so the consent request needs only the application id from the process.
 */
@Component
class ApplicationTableApplicantOrganizations implements ApplicantOrganizations {

  private final JdbcClient jdbc;

  ApplicationTableApplicantOrganizations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<String> displayName(long applicationId) {
    return jdbc.sql(
            "select organization_name_ja, organization_name_en from application where id = :id")
        .param("id", applicationId)
        .query((rs, row) -> display(rs.getString(1), rs.getString(2)))
        .optional();
  }

  static String display(String japanese, String english) {
    if (japanese == null || japanese.isBlank()) {
      return english;
    }
    if (english == null || english.isBlank() || english.equals(japanese)) {
      return japanese;
    }
    return japanese + " (" + english + ")";
  }
}
