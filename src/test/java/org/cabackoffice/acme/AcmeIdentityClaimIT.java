package org.cabackoffice.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cabackoffice.acme.AcmeOrderVariables.Activities;
import org.cabackoffice.it.BackOfficeIT;
import org.cabackoffice.security.camunda.StaffGroups;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Four eyes at the claim for an ACME order (EV Guidelines 5.2.4), as for an application's and a
 * revocation's approval: a senior officer who made the order's phone call cannot claim its
 * identity approval (and so keep every other senior officer out of it until they let go); another
 * senior officer can. Through the engine's TaskService, whose command path Tasklist, Cockpit and
 * the engine REST API share.
 */
class AcmeIdentityClaimIT extends BackOfficeIT {

  /** No directory record has this id: the order's confirmation is this test's alone. */
  static final long ENTRY = 915_015L;

  @Autowired AcmeOrderRepository orders;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuthorizationService authorizations;

  @Test
  void theSeniorOfficerWhoMadeThePhoneCallCannotClaimTheApprovalAnotherSeniorOfficerCan() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String thumbprint = "claims-" + System.nanoTime();
    jdbc.update("insert into acme_account (key_thumbprint, jwk, customer_account_id, organization_entry_id, eab_kid, status, created_at)"
        + " values (?, '{}', 1, ?, 'eab-claims', 'valid', ?)", thumbprint, ENTRY, java.sql.Timestamp.from(now));
    long account = jdbc.queryForObject("select id from acme_account where key_thumbprint = ?", Long.class, thumbprint);
    long orderId = orders.save(new AcmeOrder(account, List.of("claims.sample-direct.jp"), now, now.plus(1, ChronoUnit.HOURS))).getId();
    User second = identity.newUser("senior2");
    second.setFirstName("Jiro");
    second.setLastName("Yamada");
    second.setPassword(java.util.UUID.randomUUID().toString());
    identity.saveUser(second);
    identity.createMembership(second.getId(), StaffGroups.SENIOR_OFFICERS);
    String instance = null;
    try {
      // The order past the reuse period, at the officers' phone call (the steps before are AcmeOrderProcessTest's).
      instance = runtime.createProcessInstanceByKey(AcmeOrderProcess.PROCESS_KEY)
          .businessKey(AcmeOrderVariables.businessKey(orderId))
          .setVariable(AcmeOrderVariables.ORDER_ID, orderId)
          .setVariable(AcmeOrderVariables.ACCOUNT_URI, "https://ca.example/acme/account/" + account)
          .setVariable(AcmeOrderVariables.IDENTITY_CURRENT, false)
          .startBeforeActivity(Activities.CONFIRM_IDENTITY)
          .execute().getId();
      // The officers find the call by their grant on the process, with no per-task rows
      // (GrantedTaskAuthorizations: those made Tasklist's counts quadratic in open tasks).
      Task call = task(instance, Activities.CONFIRM_IDENTITY);
      String order = instance;
      assertThat(taskRows(instance)).isZero();
      assertThat(as("officer", StaffGroups.VALIDATION_OFFICERS, () -> tasks.createTaskQuery().processInstanceId(order)
              .taskCandidateGroup(StaffGroups.VALIDATION_OFFICERS).count()))
          .isEqualTo(1);
      // A senior officer takes the validation officers' call too, and makes it.
      tasks.claim(call.getId(), "senior");
      completeAs("senior", call.getId(), Map.of(
          AcmeOrderVariables.IDENTITY_DECISION, AcmeOrderVariables.CONFIRMED,
          AcmeOrderVariables.DIRECTORY_RECORD_CURRENT, true,
          AcmeOrderVariables.INTENT_CONFIRMED, true,
          AcmeOrderVariables.SPOKE_WITH, "Sato, general affairs",
          AcmeOrderVariables.IDENTITY_NOTE, "called the main number from the directory; the names are the company's"));

      Task approval = task(instance, Activities.APPROVE_IDENTITY);
      assertThat(taskRows(instance)).isZero();
      // A validation officer reads the approval, as the application's, but can neither take it,
      // pass it on, nor decide it.
      as("officer", StaffGroups.VALIDATION_OFFICERS, () -> {
        assertThat(tasks.createTaskQuery().processInstanceId(order).taskDefinitionKey(Activities.APPROVE_IDENTITY).count())
            .isEqualTo(1);
        assertThatThrownBy(() -> tasks.claim(approval.getId(), "officer")).hasMessageContaining("officer may not take");
        assertThatThrownBy(() -> tasks.setAssignee(approval.getId(), "senior2"))
            .isInstanceOf(AuthorizationException.class)
            .hasMessageContaining("officer may not pass on");
        assertThatThrownBy(() -> tasks.complete(approval.getId(), Map.of(
                AcmeOrderVariables.IDENTITY_APPROVAL, AcmeOrderVariables.CONFIRMED,
                AcmeOrderVariables.IDENTITY_APPROVAL_NOTE, "looks right")))
            .hasMessageContaining("claim the task first");
        return null;
      });
      assertThatThrownBy(() -> tasks.claim(approval.getId(), "senior"))
          .hasMessageContaining("senior made the phone call for this order and may not also approve it (EV Guidelines 5.2.4)");
      assertThatThrownBy(() -> tasks.setAssignee(approval.getId(), "senior")).hasMessageContaining("may not also approve it");
      assertThat(task(instance, Activities.APPROVE_IDENTITY).getAssignee()).as("the approval stays free").isNull();

      tasks.claim(approval.getId(), "senior2");
      assertThat(task(instance, Activities.APPROVE_IDENTITY).getAssignee()).isEqualTo("senior2");
    } finally {
      if (instance != null) {
        runtime.deleteProcessInstance(instance, "AcmeIdentityClaimIT cleans up");
      }
      identity.deleteMembership(second.getId(), StaffGroups.SENIOR_OFFICERS);
      identity.deleteUser(second.getId());
    }
  }

  private long taskRows(String instance) {
    return tasks.createTaskQuery().processInstanceId(instance).list().stream()
        .mapToLong(task -> authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId()).count())
        .sum();
  }

  /** As Tasklist runs a call: the officer logged in to the engine with their group. */
  private <T> T as(String officer, String group, Supplier<T> call) {
    identity.setAuthentication(officer, List.of(group));
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private Task task(String instance, String key) {
    Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    assertThat(task).as("task " + key).isNotNull();
    return task;
  }
}
