package org.cabackoffice.domain;

import java.util.List;

/**
 * The names a qualified independent information source lists for the applicant (issue: compare
 * the registrant with the applicant's names and its directory entry). An applicant types its
 * English name as it likes; the registry holds what was registered, often the official form the
 * directory lists. Implemented where the directory lives, so this package needs no dependency on
 * it.
 */
public interface ListedOrganizationNames {

  /** The listed English and Japanese names of the organization the applicant names; empty if unlisted. */
  List<String> listedNames(String nameEn, String nameJa);
}
