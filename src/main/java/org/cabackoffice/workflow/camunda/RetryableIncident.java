package org.cabackoffice.workflow.camunda;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A step that could not run for a reason outside the application and outside this code (the HSM
 * holding the CA key is unplugged or refuses): the job fails with this message, is retried on its
 * cycle and becomes an incident that operations retry once the cause is gone. The engine logs a
 * {@link BadUserRequestException} without the ERROR and stack it gives a fault (its command
 * context logs those at DEBUG); the cause's own one-line WARN is the record.
 */
public class RetryableIncident extends BadUserRequestException {

  public RetryableIncident(String message, Throwable cause) {
    super(message, cause);
  }
}
