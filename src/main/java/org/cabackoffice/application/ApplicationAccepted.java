package org.cabackoffice.application;

/**
 * Published in the transaction that accepts an application, before its process starts, so the
 * stages that answer at once (guide [2-1] 3. and 4.: the invoice with the dedicated account, and
 * the confirmation mail) do it in the same transaction without the application package knowing
 * them. A listener that throws refuses the application: nothing of it is stored.
 *
 * @param couponCode the code that pays on applying ({@link PaymentMethod#COUPON}), as typed, or
 *     null
 */
public record ApplicationAccepted(long applicationId, String couponCode) {}
