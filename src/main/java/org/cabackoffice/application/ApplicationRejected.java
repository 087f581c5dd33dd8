package org.cabackoffice.application;

/**
 * Published in the transaction that refuses an application, so the stages that still hold
 * something open for it (an invoice, an upload link, consent links) close it in the same
 * transaction, without the application package knowing them.
 */
public record ApplicationRejected(long applicationId, RejectionReason reason) {}
