package org.cabackoffice.security.camunda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cabackoffice.access.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Staff log in to the API with the same user and password as in Tasklist: Camunda's identity
 * service holds them, and its groups give the roles. One account per person keeps the audit
 * trail (who completed a task, who called an endpoint) consistent.
 */
@Component
public class StaffAuthenticationProvider implements AuthenticationProvider {

  /** Camunda group id → role. */
  public static final Map<String, List<String>> GROUP_ROLES =
      Map.of(
          StaffGroups.VALIDATION_OFFICERS, List.of(Roles.OFFICER),
          StaffGroups.SENIOR_OFFICERS, List.of(Roles.SENIOR_OFFICER, Roles.OFFICER),
          StaffGroups.AUDITORS, List.of(Roles.AUDITOR),
          StaffGroups.OPERATIONS, List.of(Roles.OPERATIONS),
          StaffGroups.ADMINS, List.of(Roles.ADMIN));

  private final IdentityService identityService;

  public StaffAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (credentials == null || !identityService.checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("bad credentials");
    }
    List<SimpleGrantedAuthority> authorities = new ArrayList<>();
    for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
      for (String role : GROUP_ROLES.getOrDefault(group.getId(), List.of())) {
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
      }
    }
    if (authorities.isEmpty()) {
      throw new BadCredentialsException("user " + userId + " has no back-office role");
    }
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
