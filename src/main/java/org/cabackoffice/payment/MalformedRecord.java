package org.cabackoffice.payment;

/** A record or line of a statement file that could not be read; the rest of the file still is. */
public record MalformedRecord(long line, String message) {}
