package org.cabackoffice.verification;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.cabackoffice.domain.NameMatch;
import org.cabackoffice.domain.OrganizationNameMatcher;
import org.cabackoffice.input.CorporateNumber;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the organization directory for an applicant. Apart from {@link OrganizationValidation}
 * because intake asks it too, and intake must not depend on the stage's records.
 */
@Component
public class OrganizationCandidates {

  /** A screenful of candidates; a longer list means the name is too common to search by. */
  static final int MAX_CANDIDATES = 10;

  private final OrganizationDirectory directory;
  private final OrganizationNameMatcher names;

  public OrganizationCandidates(OrganizationDirectory directory, OrganizationNameMatcher names) {
    this.directory = directory;
    this.names = names;
  }

  /**
   * The directory's records that may be the applicant: by corporate number when the applicant
   * gave a valid one and it is listed, else by name, normalized as the domain step normalizes
   * (NFKC, case, punctuation, legal form; English and Japanese), exact matches first. Closed
   * registrations vouch for no one.
   */
  @Transactional(readOnly = true)
  public List<OrganizationValidation.Candidate> find(String corporateNumber, String nameEn, String nameJa) {
    List<String> applicantNames = Stream.of(nameEn, nameJa).filter(n -> n != null && !n.isBlank()).toList();
    if (corporateNumber != null && CorporateNumber.isValid(corporateNumber.strip())) {
      Optional<OrganizationDirectoryEntry> listed =
          directory.byCorporateNumber(corporateNumber.strip()).filter(e -> e.getClosedOn() == null);
      if (listed.isPresent()) {
        return List.of(new OrganizationValidation.Candidate(listed.get(), names.match(applicantNames, namesOf(listed.get())), true));
      }
    }
    Map<Long, OrganizationValidation.Candidate> found = new LinkedHashMap<>();
    for (String name : applicantNames) {
      String word = longestWord(OrganizationNameMatcher.searchStem(name));
      if (word.codePointCount(0, word.length()) < 2) {
        continue;
      }
      for (OrganizationDirectoryEntry entry : directory.byName(word)) {
        NameMatch match = names.match(applicantNames, namesOf(entry));
        if (entry.getClosedOn() == null && (match == NameMatch.MATCH || match == NameMatch.CLOSE)) {
          found.putIfAbsent(entry.getId(), new OrganizationValidation.Candidate(entry, match, false));
        }
      }
    }
    return found.values().stream()
        .sorted(Comparator.comparing((OrganizationValidation.Candidate c) -> c.match().ordinal()).thenComparing(c -> c.entry().getId()))
        .limit(MAX_CANDIDATES)
        .toList();
  }

  static List<String> namesOf(OrganizationDirectoryEntry entry) {
    return Stream.of(entry.getNameEn(), entry.getNameJa()).filter(n -> n != null && !n.isBlank()).toList();
  }

  private static String longestWord(String stem) {
    String longest = "";
    for (String word : stem.split("[\\s,.()]+")) {
      if (word.length() > longest.length()) {
        longest = word;
      }
    }
    return longest.toLowerCase(Locale.ROOT);
  }
}
