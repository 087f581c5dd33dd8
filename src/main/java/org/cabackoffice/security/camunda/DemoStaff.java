package org.cabackoffice.security.camunda;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo staff for the embedded setup: one person per role, password = user id. Two validation
 * officers and a senior officer so the four-eyes rule (EV Guidelines 5.2.4) can be walked through.
 */
@Component
public class DemoStaff {

  private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

  record DemoUser(String id, String firstName, String lastName, String group) {}

  static final List<DemoUser> USERS =
      List.of(
          new DemoUser("officer", "Hanako", "Sato", StaffGroups.VALIDATION_OFFICERS),
          new DemoUser("officer2", "Taro", "Suzuki", StaffGroups.VALIDATION_OFFICERS),
          new DemoUser("senior", "Kenji", "Takahashi", StaffGroups.SENIOR_OFFICERS),
          new DemoUser("auditor", "Yuki", "Tanaka", StaffGroups.AUDITORS),
          new DemoUser("operator", "Akira", "Ito", StaffGroups.OPERATIONS),
          // A model change is approved by another person than its proposer (issue 11).
          new DemoUser("operator2", "Mai", "Kobayashi", StaffGroups.OPERATIONS),
          new DemoUser("admin", "Admin", "Istrator", StaffGroups.ADMINS));

  private final IdentityService identity;
  private final boolean demo;

  public DemoStaff(
      IdentityService identity,
      @Value("${backoffice.demo.enabled:false}")
          boolean demo) {
    this.identity = identity;
    this.demo = demo;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void create() {
    if (!demo) {
      return;
    }
    for (DemoUser demoUser : USERS) {
      if (identity.createUserQuery().userId(demoUser.id()).count() == 0) {
        User user = identity.newUser(demoUser.id());
        user.setFirstName(demoUser.firstName());
        user.setLastName(demoUser.lastName());
        user.setEmail(demoUser.id() + "@backoffice.example");
        user.setPassword(demoUser.id());
        identity.saveUser(user);
        identity.createMembership(demoUser.id(), demoUser.group());
        log.info("demo staff user {} ({}) created", demoUser.id(), demoUser.group());
      }
    }
  }

}
