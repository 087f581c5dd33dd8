package org.cabackoffice.verification;

/** What the officer needs before dialling: the number to call and where it comes from. */
public record PhoneCallSheet(boolean listed, String mainPhone, String source) {}
