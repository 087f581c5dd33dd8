package org.cabackoffice.domain.corroboration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A remote network perspective's own identity ({@code backoffice.perspective.*}), read only by the
 * {@code perspective} profile's process: it names itself in every answer, and the primary refuses
 * an answer from a perspective that is not the one it asked.
 *
 * @param id the identifier the primary has configured for it
 * @param region the RIR service region it runs in
 */
@ConfigurationProperties("backoffice.perspective")
public record PerspectiveProperties(String id, RirRegion region) {}
