package org.cabackoffice.security.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cabackoffice.acme.AcmeOrderProcess;
import org.cabackoffice.workflow.RenewalProcess;
import org.cabackoffice.workflow.RevocationProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The staff groups' engine permissions are set at every start to exactly what StaffPermissions
 * declares, by a real engine: a first start creates them, a changed or widened grant is put back,
 * and a restart where nothing changed writes nothing (issue 12, start to ready).
 */
class StaffPermissionsTest {

  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder().configurationResource("process-test.camunda.cfg.xml").build();

  ProcessEngine engine;
  AuthorizationService authorizations;
  IdentityService identity;
  StaffPermissions permissions;

  @BeforeEach
  void permissions() {
    authorizations = engine.getAuthorizationService();
    identity = engine.getIdentityService();
    permissions = new StaffPermissions(engine);
  }

  @AfterEach
  void forget() {
    authorizations.createAuthorizationQuery().list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
    identity.createGroupQuery().list().forEach(g -> identity.deleteGroup(g.getId()));
  }

  @Test
  void aFirstStartCreatesTheGroupsAndEveryDeclaredGrant() {
    permissions.ensure();

    assertThat(identity.createGroupQuery().list()).extracting(Group::getId).contains(
        StaffGroups.VALIDATION_OFFICERS, StaffGroups.SENIOR_OFFICERS, StaffGroups.AUDITORS,
        StaffGroups.OPERATIONS, StaffGroups.ADMINS);
    Authorization officers = officersOnTheApplicationProcess();
    assertThat(officers.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
    assertThat(officers.isPermissionGranted(Permissions.DELETE)).isFalse();
    assertThat(grant(StaffGroups.ADMINS, Resources.DEPLOYMENT, ANY).isEveryPermissionGranted()).isTrue();
  }

  @Test
  void aRestartWhereNothingChangedWritesNoGrant() {
    permissions.ensure();
    Map<String, Integer> revisions = revisions();

    permissions.ensure();

    assertThat(revisions()).isEqualTo(revisions);
  }

  @Test
  void aGrantChangedSinceIsPutBackToTheDeclaredOneAndOnlyItIsWritten() {
    permissions.ensure();
    Authorization officers = officersOnTheApplicationProcess();
    officers.addPermission(Permissions.DELETE);
    officers.removePermission(Permissions.TASK_WORK);
    authorizations.saveAuthorization(officers);
    Map<String, Integer> revisions = revisions();

    permissions.ensure();

    Authorization mended = officersOnTheApplicationProcess();
    assertThat(mended.isPermissionGranted(Permissions.DELETE)).isFalse();
    assertThat(mended.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
    Map<String, Integer> after = revisions();
    assertThat(after.get(mended.getId())).isEqualTo(revisions.get(mended.getId()) + 1);
    after.remove(mended.getId());
    revisions.remove(mended.getId());
    assertThat(after).isEqualTo(revisions);
  }

  @Test
  void officersWorkTheAcmeOrdersTasksAsTheApplicationsByGrant() {
    // Spelled out in StaffPermissions, which may not read the acme package (no cycles).
    assertThat(StaffPermissions.ACME_ORDER_PROCESS).isEqualTo(AcmeOrderProcess.PROCESS_KEY);
    assertThat(StaffPermissions.TASK_PROCESSES)
        .containsExactlyInAnyOrder(RenewalProcess.PROCESS_KEY, RevocationProcess.PROCESS_KEY, AcmeOrderProcess.PROCESS_KEY);
    permissions.ensure();

    for (String group : List.of(StaffGroups.VALIDATION_OFFICERS, StaffGroups.SENIOR_OFFICERS)) {
      Authorization application = grant(group, Resources.PROCESS_DEFINITION, RenewalProcess.PROCESS_KEY);
      Authorization acme = grant(group, Resources.PROCESS_DEFINITION, AcmeOrderProcess.PROCESS_KEY);
      assertThat(((AuthorizationEntity) acme).getPermissions()).isEqualTo(((AuthorizationEntity) application).getPermissions());
      assertThat(acme.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
      assertThat(acme.isPermissionGranted(Permissions.TASK_ASSIGN)).isTrue();
      assertThat(acme.isPermissionGranted(Permissions.UPDATE_TASK)).isFalse();
      assertThat(acme.isPermissionGranted(Permissions.DELETE)).isFalse();
    }
  }

  private Authorization officersOnTheApplicationProcess() {
    return grant(StaffGroups.VALIDATION_OFFICERS, Resources.PROCESS_DEFINITION, RenewalProcess.PROCESS_KEY);
  }

  private Authorization grant(String group, Resources resource, String resourceId) {
    return authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).singleResult();
  }

  private Map<String, Integer> revisions() {
    Map<String, Integer> revisions = new HashMap<>();
    for (Authorization a : authorizations.createAuthorizationQuery().list()) {
      revisions.put(a.getId(), ((AuthorizationEntity) a).getRevision());
    }
    return revisions;
  }
}
