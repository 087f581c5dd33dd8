package org.cabackoffice.security;

import org.cabackoffice.access.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling: a customer (only its own data) or a member of staff. */
@Component
public class CurrentUser {

  public Authentication authentication() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new IllegalStateException("no authenticated user");
    }
    return authentication;
  }

  public String name() {
    return authentication().getName();
  }

  public boolean isCustomer() {
    return hasRole(Roles.CUSTOMER);
  }

  public boolean hasRole(String role) {
    return authentication().getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .anyMatch(("ROLE_" + role)::equals);
  }
}
