package org.cabackoffice.domain;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.pages.Pages;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page a WHOIS contact reaches from the consent mail (guide [3-1]). GET only shows the
 * request, so a mail scanner following the link decides nothing; the decision is the POST of
 * {@code decision=approve|decline}. Unknown tokens give 404, used or expired ones 410, always as
 * a readable page (templates/domain/consent.html, templates/notice.html), Japanese unless the
 * reader asks for English.
 */
@RestController
public class DomainConsentPage {


  private final DomainUseConsents consents;
  private final Pages pages;

  public DomainConsentPage(DomainUseConsents consents, Pages pages) {
    this.consents = consents;
    this.pages = pages;
  }

  @GetMapping(DomainUseConsents.PAGE_PATH + "{token}")
  @PreAuthorize("permitAll()")
  public ResponseEntity<String> show(@PathVariable String token, HttpServletRequest request) {
    try {
      DomainUseConsent consent = consents.open(token);
      return pages.privatePage(
          HttpStatus.OK,
          "domain/consent",
          request,
          Map.of(
              "email", consent.getEmail(),
              "domain", consent.getDomainName(),
              "applicant", Objects.toString(consent.getApplicantOrganization(), ""),
              "validUntil", BusinessCalendar.shown(consent.getExpiresAt())));
    } catch (DomainUseConsents.UnknownConsentTokenException e) {
      return unknown(request);
    } catch (DomainUseConsents.ConsentClosedException e) {
      return closed(e.why(), request);
    }
  }

  @PostMapping(
      value = DomainUseConsents.PAGE_PATH + "{token}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @PreAuthorize("permitAll()")
  public ResponseEntity<String> decide(
      @PathVariable String token,
      @RequestParam(name = "decision", required = false) String decision,
      HttpServletRequest request) {
    boolean approved;
    if ("approve".equals(decision)) {
      approved = true;
    } else if ("decline".equals(decision)) {
      approved = false;
    } else {
      return notice(HttpStatus.BAD_REQUEST, "consent.noChoice.title", "consent.noChoice.text", null, request);
    }
    try {
      DomainUseConsent consent = consents.decide(token, approved, request.getRemoteAddr());
      return notice(
          HttpStatus.OK,
          "consent.thanks.title",
          approved ? "consent.approved" : "consent.declined",
          consent.getDomainName(),
          request);
    } catch (DomainUseConsents.UnknownConsentTokenException e) {
      return unknown(request);
    } catch (DomainUseConsents.ConsentClosedException e) {
      return closed(e.why(), request);
    } catch (OptimisticLockingFailureException e) {
      // a double submit lost the race
      return closed(DomainUseConsents.ConsentClosedException.Why.USED, request);
    }
  }

  private ResponseEntity<String> unknown(HttpServletRequest request) {
    return notice(HttpStatus.NOT_FOUND, "consent.unknown.title", "consent.unknown.text", null, request);
  }

  private ResponseEntity<String> closed(
      DomainUseConsents.ConsentClosedException.Why why, HttpServletRequest request) {
    return notice(HttpStatus.GONE, "consent.closed.title", "consent.closed." + why.name(), null, request);
  }

  private ResponseEntity<String> notice(
      HttpStatus status, String title, String text, String arg, HttpServletRequest request) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", title);
    model.put("text", text);
    model.put("arg", arg);
    return pages.privatePage(status, "notice", request, model);
  }
}
