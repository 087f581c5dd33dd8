package org.cabackoffice.security.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;

/** Issue 12: a changed password, user or membership ends every remembered login. */
class StaffLoginChangesTest {

  private final AtomicInteger forgotten = new AtomicInteger();
  private final StaffLoginChanges.ForgetOnIdentityChange interceptor =
      new StaffLoginChanges.ForgetOnIdentityChange(forgotten::incrementAndGet);

  {
    interceptor.setNext(
        new CommandInterceptor() {
          @Override
          public <T> T execute(Command<T> command) {
            return null;
          }
        });
  }

  @Test
  void identityWritesForgetRememberedLogins() {
    interceptor.execute(new SaveUserCmd(new UserEntity("officer")));
    interceptor.execute(new DeleteUserCmd("officer"));
    interceptor.execute(new CreateMembershipCmd("officer", "camunda-admin"));
    interceptor.execute(new UnlockUserCmd("officer"));

    assertThat(forgotten).hasValue(4);
  }

  @Test
  void otherCommandsLeaveThemAlone() {
    interceptor.execute(context -> "a task query");

    assertThat(forgotten).hasValue(0);
  }
}
