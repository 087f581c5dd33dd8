package org.cabackoffice.security.camunda;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * A look-up the record-keeping needs whatever the caller may see (which application a refused
 * task belongs to, which form a task has): run with no one logged in, so the engine checks no
 * authorization, and the caller logged in again afterwards.
 */
final class WithoutCallersAuthorizations {

  private WithoutCallersAuthorizations() {}

  static <T> T lookUp(IdentityService identity, Supplier<T> lookUp) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return lookUp.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
