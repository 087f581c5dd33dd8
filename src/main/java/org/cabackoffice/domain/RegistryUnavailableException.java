package org.cabackoffice.domain;

/**
 * The registry gave no usable answer: it throttled us, could not be reached or timed out, no
 * server is configured for the TLD, or its answer could not be read. Retryable: a job retries,
 * an officer sees the reason (HTTP 503).
 */
public class RegistryUnavailableException extends RuntimeException {

  public RegistryUnavailableException(String reason) {
    super(reason);
  }

  public RegistryUnavailableException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
