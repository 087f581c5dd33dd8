package org.cabackoffice.domain;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A list-backed repository for unit tests, numbering entities as the database would. */
final class InMemoryRegistrationEvidence implements RegistrationEvidenceRepository {

  final List<RegistrationEvidence> saved = new ArrayList<>();

  @Override
  public RegistrationEvidence save(RegistrationEvidence evidence) {
    if (evidence.getId() == null) {
      assignId(evidence, saved.size() + 1L);
      saved.add(evidence);
    }
    return evidence;
  }

  @Override
  public Optional<RegistrationEvidence> findById(Long id) {
    return saved.stream().filter(e -> e.getId().equals(id)).findFirst();
  }

  @Override
  public List<RegistrationEvidence> findByDomainNameOrderByQueriedAtDesc(String domainName) {
    return saved.stream()
        .filter(e -> e.getDomainName().equals(domainName))
        .sorted(Comparator.comparing(RegistrationEvidence::getQueriedAt).reversed())
        .toList();
  }

  @Override
  public Optional<RegistrationEvidence> findFirstByDomainNameAndReusedEvidenceIdIsNullOrderByQueriedAtDesc(
      String domainName) {
    return findByDomainNameOrderByQueriedAtDesc(domainName).stream()
        .filter(e -> !e.isReuse())
        .findFirst();
  }

  static void assignId(Object entity, long id) {
    try {
      Field field = entity.getClass().getDeclaredField("id");
      field.setAccessible(true);
      field.set(entity, id);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
