package org.cabackoffice.verification;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.cabackoffice.input.SingleLine;

/**
 * What an officer corrects in a directory entry; a field left out keeps its value. The reason
 * names the source that shows the new value (e.g. 登記事項証明書 of 2026-11-20).
 */
public record DirectoryCorrection(
    @Size(max = 13) @SingleLine String corporateNumber,
    @Size(max = 256) @SingleLine String nameJa,
    @Size(max = 256) @SingleLine String nameEn,
    @Size(max = 128) @SingleLine String stateOrProvince,
    @Size(max = 128) @SingleLine String locality,
    @Size(max = 32) @SingleLine String mainPhone,
    BusinessCategory businessCategory,
    LocalDate closedOn,
    @Size(max = 128) @SingleLine String source,
    LocalDate verifiedOn,
    @Size(max = 2000) @SingleLine String reason) {}
