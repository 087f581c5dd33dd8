package org.cabackoffice.security.camunda;

/**
 * Camunda group ids; user tasks name them as candidate groups in the BPMN. Camunda accepts only
 * letters and digits in ids (its resource whitelist), hence camelCase.
 */
public final class StaffGroups {
  public static final String VALIDATION_OFFICERS = "validationOfficers";
  public static final String SENIOR_OFFICERS = "seniorOfficers";
  public static final String AUDITORS = "auditors";
  public static final String OPERATIONS = "operations";
  /** Camunda's own administrators group. */
  public static final String ADMINS = "camunda-admin";

  private StaffGroups() {}
}
