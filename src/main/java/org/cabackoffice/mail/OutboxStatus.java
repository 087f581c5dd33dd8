package org.cabackoffice.mail;

/**
 * Where a mail stands in the outbox. PENDING waits for its next attempt, SENDING is claimed by
 * one node (for at most the lease), SENT was accepted by the SMTP server, FAILED gave up after
 * the maximum number of attempts and waits for an operator's retry.
 */
public enum OutboxStatus {
  PENDING,
  SENDING,
  SENT,
  FAILED
}
