package org.cabackoffice.verification;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.pages.Pages;
import org.cabackoffice.verification.OrganizationDirectoryController.ChangeView;
import org.cabackoffice.verification.OrganizationDirectoryController.EntryView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff page of the organization directory (issue 8 item 15; guide [4]: the main number comes
 * from a qualified independent source, so a wrong entry is corrected here, on record, not worked
 * around on the phone). Officers look entries up and correct them through the same recorded
 * correction as the API ({@link DirectoryCorrections}); the auditor reads. A refused correction
 * is shown on the form, in the reader's language, with what was typed kept.
 */
@RestController
public class OrganizationDirectoryPage {

  static final String PATH = "/team/organization-directory";

  private static final Logger log = LoggerFactory.getLogger(OrganizationDirectoryPage.class);

  /** The form's fields, in the order the page shows them. */
  static final List<String> FIELDS =
      List.of("nameJa", "nameEn", "stateOrProvince", "locality", "mainPhone", "businessCategory", "reason");

  /** A message of the bundles ({@code directory.error.*}) with its arguments. */
  public record Message(String key, Object[] args) {
    static Message of(String key, Object... args) {
      return new Message(key, args);
    }
  }

  private final OrganizationDirectory directory;
  private final DirectoryCorrections corrections;
  private final Validator validator;
  private final Pages pages;

  public OrganizationDirectoryPage(
      OrganizationDirectory directory, DirectoryCorrections corrections, Validator validator, Pages pages) {
    this.directory = directory;
    this.corrections = corrections;
    this.validator = validator;
    this.pages = pages;
  }

  /** The look-up: by 法人番号 (exact) or part of the Japanese or English name. */
  @GetMapping(PATH)
  @PreAuthorize("hasAnyRole('OFFICER', 'SENIOR_OFFICER', 'AUDITOR')")
  public ResponseEntity<String> lookUp(
      @RequestParam(required = false) String corporateNumber,
      @RequestParam(required = false) String name,
      HttpServletRequest request) {
    String number = corporateNumber == null ? "" : corporateNumber.strip();
    String part = name == null ? "" : name.strip();
    Map<String, Object> model = new HashMap<>();
    model.put("corporateNumber", number);
    model.put("name", part);
    HttpStatus status = HttpStatus.OK;
    Message problem = null;
    List<EntryView> found = null;
    if (!number.isEmpty() && !part.isEmpty()) {
      problem = Message.of("directory.error.LOOKUP_BOTH");
    } else if (!number.isEmpty()) {
      found = directory.byCorporateNumber(number).map(EntryView::of).stream().toList();
    } else if (!part.isEmpty()) {
      if (part.length() > 256 || part.codePoints().anyMatch(Character::isISOControl)) {
        problem = Message.of("directory.error.LOOKUP_NAME");
      } else {
        found = directory.byName(part).stream().map(EntryView::of).toList();
      }
    }
    if (problem != null) {
      status = HttpStatus.BAD_REQUEST;
    }
    model.put("problem", problem);
    model.put("found", found == null ? null : found.stream().map(OrganizationDirectoryPage::row).toList());
    return page(status, "verification/directory-lookup", request, model);
  }

  @GetMapping(PATH + "/{id}")
  @PreAuthorize("hasAnyRole('OFFICER', 'SENIOR_OFFICER', 'AUDITOR')")
  public ResponseEntity<String> entry(
      @PathVariable long id,
      @RequestParam(required = false) String corrected,
      HttpServletRequest request,
      Authentication reader) {
    Optional<OrganizationDirectoryEntry> entry = directory.byId(id);
    if (entry.isEmpty()) {
      return notFound(request);
    }
    Map<String, Object> model = entryModel(entry.get(), reader);
    model.put("form", formOf(entry.get()));
    model.put("corrected", corrected != null);
    return page(HttpStatus.OK, "verification/directory-entry", request, model);
  }

  /**
   * The correction form's POST. Fields left empty keep their value, as in the API. Success
   * answers 303 to the entry (a reload does not correct twice); a refusal answers 400 with the
   * form as typed and each reason beside its field.
   */
  @PostMapping(path = PATH + "/{id}/corrections", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @PreAuthorize("hasAnyRole('OFFICER', 'SENIOR_OFFICER')")
  public ResponseEntity<String> correct(
      @PathVariable long id,
      @RequestParam Map<String, String> typed,
      HttpServletRequest request,
      Authentication officer) {
    Optional<OrganizationDirectoryEntry> current = directory.byId(id);
    if (current.isEmpty()) {
      return notFound(request);
    }
    Map<String, String> form = new LinkedHashMap<>();
    for (String field : FIELDS) {
      form.put(field, typed.getOrDefault(field, ""));
    }
    Map<String, List<Message>> errors = new LinkedHashMap<>();
    BusinessCategory category = null;
    String categoryTyped = form.get("businessCategory").strip();
    if (!categoryTyped.isEmpty()) {
      category = BusinessCategory.parse(categoryTyped).orElse(null);
      if (category == null) {
        errors.computeIfAbsent("businessCategory", f -> new ArrayList<>())
            .add(Message.of("directory.error.BUSINESS_CATEGORY_UNKNOWN"));
      }
    }
    DirectoryCorrection correction =
        new DirectoryCorrection(
            null, form.get("nameJa"), form.get("nameEn"), form.get("stateOrProvince"), form.get("locality"),
            form.get("mainPhone"), category, null, null, null, form.get("reason"));
    for (ConstraintViolation<DirectoryCorrection> violation : validator.validate(correction)) {
      errors.computeIfAbsent(violation.getPropertyPath().toString(), f -> new ArrayList<>()).add(messageOf(violation));
    }
    if (errors.isEmpty()) {
      try {
        corrections.correct(id, correction, officer.getName());
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
            .location(URI.create(PATH + "/" + id + "?corrected=1&lang=" + Pages.languageOf(request).getLanguage()))
            .build();
      } catch (DirectoryCorrectionRefused refused) {
        for (DirectoryCorrectionRefused.Finding finding : refused.findings()) {
          String field = finding.why().field() == null ? "" : finding.why().field();
          errors.computeIfAbsent(field, f -> new ArrayList<>())
              .add(Message.of("directory.error." + finding.why().name()));
        }
      }
    }
    log.info(
        "Correction of directory entry {} by {} refused: {}",
        id,
        officer.getName(),
        errors.values().stream().flatMap(List::stream).map(Message::key).toList());
    Map<String, Object> model = entryModel(current.get(), officer);
    model.put("form", form);
    model.put("errors", errors);
    model.put("corrected", false);
    return page(HttpStatus.BAD_REQUEST, "verification/directory-entry", request, model);
  }

  private Map<String, Object> entryModel(OrganizationDirectoryEntry entry, Authentication reader) {
    Map<String, Object> model = new HashMap<>();
    model.put("entry", row(EntryView.of(entry)));
    model.put(
        "changes",
        corrections.of(entry.getId()).stream()
            .map(ChangeView::of)
            .map(c -> Map.of("change", c, "at", BusinessCalendar.shown(c.changedAt())))
            .toList());
    model.put("categories", BusinessCategory.values());
    model.put("mayCorrect", mayCorrect(reader));
    model.put("errors", Map.of());
    return model;
  }

  /** The auditor reads; only officers see the form (the POST itself is guarded too). */
  private static boolean mayCorrect(Authentication reader) {
    return reader.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals("ROLE_OFFICER") || a.getAuthority().equals("ROLE_SENIOR_OFFICER"));
  }

  private static Map<String, String> formOf(OrganizationDirectoryEntry e) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("nameJa", nullToEmpty(e.getNameJa()));
    form.put("nameEn", nullToEmpty(e.getNameEn()));
    form.put("stateOrProvince", nullToEmpty(e.getStateOrProvince()));
    form.put("locality", nullToEmpty(e.getLocality()));
    form.put("mainPhone", nullToEmpty(e.getMainPhone()));
    form.put("businessCategory", e.getBusinessCategory() == null ? "" : e.getBusinessCategory().name());
    form.put("reason", "");
    return form;
  }

  /** An entry as the page shows it: its last change in the CA's zone. */
  private static Map<String, Object> row(EntryView e) {
    Map<String, Object> row = new HashMap<>();
    row.put("e", e);
    row.put("updated", e.updatedAt() == null ? "" : BusinessCalendar.shown(e.updatedAt()));
    return row;
  }

  private static Message messageOf(ConstraintViolation<?> violation) {
    if (violation.getConstraintDescriptor().getAnnotation() instanceof Size size) {
      return Message.of("directory.error.TOO_LONG", size.max());
    }
    return Message.of("directory.error.NOT_ONE_LINE");
  }

  private ResponseEntity<String> notFound(HttpServletRequest request) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", "directory.notFound.title");
    model.put("text", "directory.notFound.text");
    model.put("arg", null);
    return page(HttpStatus.NOT_FOUND, "notice", request, model);
  }

  private ResponseEntity<String> page(
      HttpStatus status, String template, HttpServletRequest request, Map<String, Object> model) {
    model.put("path", PATH);
    return ResponseEntity.status(status)
        .contentType(Pages.HTML)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .body(pages.render(template, request, model));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
