package org.cabackoffice.security;

/** Whether a member of staff holds a role, whichever identity store keeps the staff. */
public interface StaffDirectory {

  boolean hasRole(String userId, String role);
}
