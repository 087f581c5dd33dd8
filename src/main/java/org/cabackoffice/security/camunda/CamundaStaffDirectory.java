package org.cabackoffice.security.camunda;

import java.util.List;
import org.cabackoffice.security.StaffDirectory;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Staff roles from Camunda groups, as {@link StaffAuthenticationProvider} grants them. */
@Component
public class CamundaStaffDirectory implements StaffDirectory {

  private final IdentityService identity;

  public CamundaStaffDirectory(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public boolean hasRole(String userId, String role) {
    return identity.createGroupQuery().groupMember(userId).list().stream()
        .map(group -> StaffAuthenticationProvider.GROUP_ROLES.getOrDefault(group.getId(), List.of()))
        .anyMatch(roles -> roles.contains(role));
  }
}
