package org.cabackoffice.access;

/**
 * The roles of DESIGN.md. Staff roles come from Camunda groups of the same id, so Tasklist and
 * the API agree on who is an officer; customers are storefront accounts.
 */
public final class Roles {
  public static final String CUSTOMER = "CUSTOMER";
  public static final String OFFICER = "OFFICER";
  public static final String SENIOR_OFFICER = "SENIOR_OFFICER";
  public static final String AUDITOR = "AUDITOR";
  public static final String OPERATIONS = "OPERATIONS";
  public static final String ADMIN = "ADMIN";

  private Roles() {}
}
