package org.cabackoffice.domain;

import java.util.Optional;

/** The applicant's name as the consent mail and page show it to the WHOIS contacts. */
public interface ApplicantOrganizations {

  /** E.g. "サンプル株式会社 (Sample K.K.)"; empty when there is no such application. */
  Optional<String> displayName(long applicationId);
}
