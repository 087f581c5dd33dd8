package org.cabackoffice.csr;

import java.util.ArrayList;
import java.util.List;

/** The findings of one check, in the order the rules ran. */
final class Findings {

  private final List<Finding> list = new ArrayList<>();

  void add(CsrRule rule, Object... arguments) {
    list.add(rule.finding(arguments));
  }

  boolean has(CsrRule rule) {
    return list.stream().anyMatch(f -> f.code().equals(rule.code()));
  }

  boolean acceptable() {
    return list.stream().noneMatch(f -> f.severity() == Severity.ERROR);
  }

  List<Finding> list() {
    return List.copyOf(list);
  }
}
