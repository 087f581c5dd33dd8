package org.cabackoffice.application;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;

/**
 * What a caller of {@code GET /api/applications} asks for: filters, page and order. Every
 * parameter is read as text here so a wrong one is answered with the values that would be right
 * (issue 8 item 6), all wrong ones at once.
 *
 * @param stage an activity id or name of the process; null for any stage
 * @param domain a DNS name; matches applications whose CN or a SAN is it or ends in "." + it
 * @param organization part of the English or Japanese name, case-insensitive
 * @param submittedFrom first Japanese calendar date of submission, inclusive
 * @param submittedTo last Japanese calendar date of submission, inclusive
 * @param officer a staff user id: applications with a user task that officer worked (auditors)
 * @param rejection a refusal's code: applications refused for that reason (BR 5.4.1)
 */
public record ApplicationQuery(
    ApplicationStatus status,
    Product product,
    String stage,
    String domain,
    String organization,
    LocalDate submittedFrom,
    LocalDate submittedTo,
    String officer,
    RejectionReason rejection,
    int page,
    int size,
    SortBy sortBy,
    Sort.Direction direction) {

  public static final int DEFAULT_SIZE = 20;
  /** A page is rendered with each application's stage from the engine: keep it bounded. */
  public static final int MAX_SIZE = 100;

  /** {@code status=ALL} says outright what leaving the status out says. */
  static final String ALL = "ALL";

  private static final Pattern DNS_NAME = Pattern.compile("(\\*\\.)?[a-z0-9_]([a-z0-9_.-]{0,251}[a-z0-9])?");

  public enum SortBy {
    SUBMITTED("submittedAt"),
    ID("id");

    final String property;

    SortBy(String property) {
      this.property = property;
    }
  }

  /** Raw request parameters, each null when absent. */
  public record Parameters(
      String status,
      String product,
      String stage,
      String domain,
      String organization,
      String submittedFrom,
      String submittedTo,
      String officer,
      String rejection,
      String page,
      String size,
      String sort) {

    /** The parameters of the list before auditors could ask by officer and rejection reason. */
    public Parameters(
        String status,
        String product,
        String stage,
        String domain,
        String organization,
        String submittedFrom,
        String submittedTo,
        String page,
        String size,
        String sort) {
      this(status, product, stage, domain, organization, submittedFrom, submittedTo, null, null, page, size, sort);
    }
  }

  /**
   * Reads the parameters; {@code isStage} tells a known stage.
   *
   * @throws ApplicationQueryRefusedException naming every parameter that is wrong and what is right
   */
  public static ApplicationQuery parse(
      Parameters p, Predicate<String> isStage, Supplier<List<String>> knownStages) {
    List<IntakeFinding> findings = new ArrayList<>();
    ApplicationStatus status = null;
    if (present(p.status()) && !p.status().trim().equalsIgnoreCase(ALL)) {
      status = enumValue(ApplicationStatus.class, "status", p.status(), ALL, findings);
    }
    Product product =
        present(p.product()) ? enumValue(Product.class, "product", p.product(), null, findings) : null;
    String stage = null;
    if (present(p.stage())) {
      stage = p.stage().trim();
      if (!isStage.test(stage)) {
        findings.add(
            new IntakeFinding(
                "stage",
                "parameter.invalid",
                "must be an activity id or name of the application process; ids: "
                    + String.join(", ", knownStages.get())));
      }
    }
    String domain = null;
    if (present(p.domain())) {
      domain = p.domain().trim().toLowerCase(Locale.ROOT);
      if (domain.endsWith(".")) {
        domain = domain.substring(0, domain.length() - 1);
      }
      if (!DNS_NAME.matcher(domain).matches()) {
        findings.add(
            new IntakeFinding(
                "domain",
                "parameter.invalid",
                "must be a DNS name in ASCII (A-labels for internationalized names), e.g. sample.co.jp"));
      }
    }
    String organization = present(p.organization()) ? p.organization().trim() : null;
    if (organization != null && organization.length() > 256) {
      findings.add(new IntakeFinding("organization", "parameter.invalid", "must be at most 256 characters"));
    }
    LocalDate from = date("submittedFrom", p.submittedFrom(), findings);
    LocalDate to = date("submittedTo", p.submittedTo(), findings);
    if (from != null && to != null && from.isAfter(to)) {
      findings.add(
          new IntakeFinding("submittedFrom", "parameter.invalid", "must not be after submittedTo"));
    }
    String officer = present(p.officer()) ? p.officer().trim() : null;
    if (officer != null && officer.length() > 64) {
      findings.add(new IntakeFinding("officer", "parameter.invalid", "must be a staff user id of at most 64 characters"));
    }
    RejectionReason rejection =
        present(p.rejection())
            ? enumValue(RejectionReason.class, "rejection", p.rejection(), null, findings)
            : null;
    int page = number("page", p.page(), 0, 0, Integer.MAX_VALUE / MAX_SIZE, findings);
    int size = number("size", p.size(), DEFAULT_SIZE, 1, MAX_SIZE, findings);
    SortBy sortBy = SortBy.SUBMITTED;
    Sort.Direction direction = Sort.Direction.DESC;
    if (present(p.sort())) {
      String[] parts = p.sort().trim().split(",", -1);
      SortBy by = parts.length <= 2 ? lookup(SortBy.class, parts[0]) : null;
      Sort.Direction dir = parts.length == 2 ? lookup(Sort.Direction.class, parts[1]) : direction;
      if (by == null || dir == null) {
        findings.add(
            new IntakeFinding(
                "sort",
                "parameter.invalid",
                "must be submitted or id, optionally followed by ,asc or ,desc (default submitted,desc)"));
      } else {
        sortBy = by;
        direction = dir;
      }
    }
    if (!findings.isEmpty()) {
      throw new ApplicationQueryRefusedException(findings);
    }
    return new ApplicationQuery(
        status, product, stage, domain, organization, from, to, officer, rejection, page, size, sortBy,
        direction);
  }

  /** Newest first by default; the id breaks ties so pages never overlap. */
  Sort sort() {
    return Sort.by(direction, sortBy.property).and(Sort.by(direction, "id"));
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static <E extends Enum<E>> E lookup(Class<E> type, String text) {
    String wanted = text.trim();
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().equalsIgnoreCase(wanted))
        .findFirst()
        .orElse(null);
  }

  private static <E extends Enum<E>> E enumValue(
      Class<E> type, String field, String text, String extra, List<IntakeFinding> findings) {
    E value = lookup(type, text);
    if (value == null) {
      String valid =
          Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
      findings.add(
          new IntakeFinding(
              field,
              "parameter.invalid",
              "must be one of " + valid + (extra == null ? "" : ", " + extra)));
    }
    return value;
  }

  private static LocalDate date(String field, String text, List<IntakeFinding> findings) {
    if (!present(text)) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      findings.add(
          new IntakeFinding(field, "parameter.invalid", "must be a date as YYYY-MM-DD (Japanese date)"));
      return null;
    }
  }

  private static int number(
      String field, String text, int absent, int min, int max, List<IntakeFinding> findings) {
    if (!present(text)) {
      return absent;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, as for a number out of range
    }
    findings.add(
        new IntakeFinding(
            field, "parameter.invalid", "must be a whole number from " + min + " to " + max));
    return absent;
  }
}
