package org.cabackoffice.revocation;

import jakarta.validation.constraints.Size;
import org.cabackoffice.input.PlainText;
import org.cabackoffice.input.SingleLine;

/**
 * A revocation request through the API. {@code initiative} is for officers only: {@code
 * SUBSCRIBER} when they record the subscriber's own request, {@code CA} for the CA's own, which a
 * second officer approves.
 */
record RevocationForm(
    @SingleLine @Size(max = 64) String reason,
    @PlainText @Size(max = 2000) String comment,
    @SingleLine @Size(max = 16) String initiative) {}
