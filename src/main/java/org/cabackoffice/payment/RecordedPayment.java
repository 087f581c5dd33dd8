package org.cabackoffice.payment;

/**
 * The outcome of recording a payment: the stored payment, and whether the application's process
 * was told. {@code processNote} says why not, e.g. a deferred invoice whose certificate is issued
 * without waiting, or a process that was not waiting for the payment.
 */
public record RecordedPayment(Payment payment, boolean processNotified, String processNote) {}
