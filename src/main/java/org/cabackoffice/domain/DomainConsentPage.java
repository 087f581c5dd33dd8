package org.cabackoffice.domain;

import jakarta.servlet.http.HttpServletRequest;
import org.cabackoffice.calendar.BusinessCalendar;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a WHOIS contact reaches from the consent mail (guide [3-1]). GET only shows the
 * request, so a mail scanner following the link decides nothing; the decision is the POST of
 * {@code decision=approve|decline}. Unknown tokens give 404, used or expired ones 410, always as
 * a readable page in Japanese and English.
 */
@RestController
public class DomainConsentPage {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

  private final DomainUseConsents consents;

  public DomainConsentPage(DomainUseConsents consents) {
    this.consents = consents;
  }

  @GetMapping(DomainUseConsents.PAGE_PATH + "{token}")
  @PreAuthorize("permitAll()")
  public ResponseEntity<String> show(@PathVariable String token, HttpServletRequest request) {
    try {
      DomainUseConsent consent = consents.open(token);
      return page(HttpStatus.OK, "ドメイン名使用権の確認 / Domain-use consent", form(consent, request));
    } catch (DomainUseConsents.UnknownConsentTokenException e) {
      return unknown();
    } catch (DomainUseConsents.ConsentClosedException e) {
      return closed(e.getMessage());
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
      return page(
          HttpStatus.BAD_REQUEST,
          "選択がありません / No choice made",
          "<p>「承諾する」または「承諾しない」を選んでください。</p>"
              + "<p>Please choose Approve or Decline.</p>");
    }
    try {
      DomainUseConsent consent = consents.decide(token, approved, request.getRemoteAddr());
      String domain = esc(consent.getDomainName());
      String body =
          approved
              ? "<p>ドメイン名 " + domain + " の使用をご承諾いただきました。ありがとうございました。</p>"
                  + "<p>You have approved the use of " + domain + ". Thank you.</p>"
              : "<p>ドメイン名 " + domain + " の使用を承諾しない旨、承りました。</p>"
                  + "<p>You have declined the use of " + domain + ". Thank you.</p>";
      return page(HttpStatus.OK, "ご回答ありがとうございました / Thank you", body);
    } catch (DomainUseConsents.UnknownConsentTokenException e) {
      return unknown();
    } catch (DomainUseConsents.ConsentClosedException e) {
      return closed(e.getMessage());
    } catch (OptimisticLockingFailureException e) {
      return closed("this link has already been used"); // a double submit lost the race
    }
  }

  private static String form(DomainUseConsent consent, HttpServletRequest request) {
    String domain = esc(consent.getDomainName());
    String applicant = esc(consent.getApplicantOrganization());
    String csrf = "";
    if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
      csrf =
          "<input type=\"hidden\" name=\"" + esc(token.getParameterName()) + "\" value=\""
              + esc(token.getToken()) + "\">";
    }
    return "<p>" + esc(consent.getEmail()) + " 様</p>"
        + "<p>以下の団体から、ドメイン名 <strong>" + domain + "</strong> を使用するサーバ証明書の申請がありました。"
        + "申請団体がこのドメイン名を使用することを承諾しますか。</p>"
        + "<p>The organization below has applied for a server certificate for <strong>" + domain
        + "</strong>. Do you agree that it uses this domain name?</p>"
        + "<dl><dt>申請団体 / Applicant</dt><dd>" + applicant + "</dd>"
        + "<dt>ドメイン名 / Domain name</dt><dd>" + domain + "</dd>"
        + "<dt>有効期限 / Valid until</dt><dd>" + BusinessCalendar.shown(consent.getExpiresAt()) + "</dd></dl>"
        + "<form method=\"post\">" + csrf
        + "<button type=\"submit\" name=\"decision\" value=\"approve\">承諾する / Approve</button> "
        + "<button type=\"submit\" name=\"decision\" value=\"decline\">承諾しない / Decline</button>"
        + "</form>";
  }

  private static ResponseEntity<String> unknown() {
    return page(
        HttpStatus.NOT_FOUND,
        "リンクが見つかりません / Link not found",
        "<p>このリンクは無効です。メールに記載されたリンクをそのままお使いください。</p>"
            + "<p>This link is not valid. Please use the link exactly as written in the mail.</p>");
  }

  private static ResponseEntity<String> closed(String reason) {
    return page(
        HttpStatus.GONE,
        "このリンクは使用できません / This link can no longer be used",
        "<p>このリンクは使用済み、または有効期限切れです。</p><p>This link can no longer be used: "
            + esc(reason) + ".</p>");
  }

  private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
    String html =
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"UTF-8\">"
            + "<meta name=\"robots\" content=\"noindex\"><title>" + esc(title) + "</title></head>"
            + "<body><h1>" + esc(title) + "</h1>" + body + "</body></html>";
    return ResponseEntity.status(status)
        .contentType(HTML)
        .cacheControl(CacheControl.noStore())
        // The token is in the URL: never hand it on to another site.
        .header("Referrer-Policy", "no-referrer")
        .body(html);
  }

  private static String esc(String s) {
    return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
  }
}
