package org.cabackoffice.verification;

/** What the officer records after the call: the outcome and the guide's checklist [4] 3. */
public record PhoneCallReport(
    PhoneOutcome outcome,
    String spokeWith,
    boolean productAndTypeConfirmed,
    boolean organizationAndCommonNameConfirmed,
    boolean technicalContactConfirmed,
    boolean intentConfirmed,
    String note) {}
