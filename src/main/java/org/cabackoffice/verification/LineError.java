package org.cabackoffice.verification;

/** A line of an import file that could not be taken, and why; the rest of the file still is. */
public record LineError(long line, String message) {}
