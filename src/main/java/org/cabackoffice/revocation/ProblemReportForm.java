package org.cabackoffice.revocation;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.cabackoffice.input.PlainText;
import org.cabackoffice.input.SingleLine;

/**
 * A certificate problem report (BR 4.9.3): which certificate, how to reach the reporter, what is
 * wrong, and for a key compromise optionally the proof (a CSR over the CA's challenge, signed with
 * the key).
 */
record ProblemReportForm(
    @NotBlank @SingleLine @Size(max = 64) String serial,
    @NotBlank @Email @SingleLine @Size(max = 254) String contact,
    @NotBlank @PlainText @Size(max = 4000) String description,
    @PlainText @Size(max = KeyCompromiseProofs.MAX_CSR_CHARS) String proofCsr) {}
