package org.cabackoffice.domain;

/**
 * A registry's answer as received (kept verbatim for auditors) and as understood.
 *
 * @param source WHOIS or RDAP
 * @param server the server that answered, {@code host:port} or the RDAP URL
 * @param response the answer as text (WHOIS decoded from its charset, RDAP JSON)
 * @param referredFrom the thin registry's answer that named this server, or null
 */
public record RegistryAnswer(
    String source,
    String server,
    String response,
    RegistrationRecord record,
    RegistryAnswer referredFrom) {}
