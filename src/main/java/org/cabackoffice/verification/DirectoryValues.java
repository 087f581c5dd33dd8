package org.cabackoffice.verification;

import java.time.LocalDate;

/**
 * Values for a directory entry from one import line or one correction; null means "not given,
 * keep what is there".
 */
record DirectoryValues(
    String corporateNumber,
    String nameJa,
    String nameEn,
    String stateOrProvince,
    String locality,
    String country,
    String mainPhone,
    BusinessCategory businessCategory,
    LocalDate closedOn,
    String source,
    LocalDate verifiedOn) {}
