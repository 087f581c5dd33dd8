package org.cabackoffice.mail;

import java.time.Instant;
import java.util.List;

/**
 * A mail the development mail catcher received, decoded for reading in a browser or a test.
 *
 * @param mailbox the envelope recipient whose mailbox holds it (also catches Bcc)
 * @param to the To header's addresses
 * @param from the From header's addresses, display names decoded
 * @param subject decoded from RFC 2047
 * @param text the plain-text body
 * @param attachments file names of the attached files
 */
public record CaughtMail(
    String mailbox,
    List<String> to,
    List<String> from,
    String subject,
    Instant receivedAt,
    String text,
    List<String> attachments) {}
