package org.cabackoffice.storefront;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.security.PasswordResets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A forgotten password: the customer gives the user ID, a link arrives by mail, the link's page
 * takes the new password ({@link PasswordResets} holds the rules). Open to anyone, as the login
 * page is; CSRF protection still applies to both forms.
 */
@Controller
class PasswordResetController {

  private final StorefrontPages pages;
  private final PasswordResets resets;

  PasswordResetController(StorefrontPages pages, PasswordResets resets) {
    this.pages = pages;
    this.resets = resets;
  }

  @GetMapping("/password-reset")
  ResponseEntity<String> askForLink(HttpServletRequest request) {
    return pages.page("storefront/password-reset", request, Map.of("loginPage", true, "sent", false));
  }

  @PostMapping("/password-reset")
  ResponseEntity<String> mailLink(@RequestParam(required = false) String userId, HttpServletRequest request) {
    resets.request(userId);
    // The same answer whether the user ID exists or not.
    return pages.page("storefront/password-reset", request, Map.of("loginPage", true, "sent", true));
  }

  @GetMapping("/password-reset/{token}")
  ResponseEntity<String> newPasswordForm(@PathVariable String token, HttpServletRequest request) {
    if (!resets.isUsable(token)) {
      return pages.page(HttpStatus.GONE, "storefront/new-password", request, Map.of("loginPage", true, "refusal", "LINK_UNUSABLE"));
    }
    return pages.page("storefront/new-password", request, Map.of("loginPage", true, "refusal", ""));
  }

  @PostMapping("/password-reset/{token}")
  ResponseEntity<String> setNewPassword(
      @PathVariable String token,
      @RequestParam(required = false) String password,
      @RequestParam(required = false) String repeated,
      HttpServletRequest request) {
    Optional<PasswordResets.Refusal> refusal = resets.reset(token, password, repeated);
    if (refusal.isEmpty()) {
      return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "/login?reset").build();
    }
    HttpStatus status = refusal.get() == PasswordResets.Refusal.LINK_UNUSABLE ? HttpStatus.GONE : HttpStatus.UNPROCESSABLE_ENTITY;
    return pages.page(status, "storefront/new-password", request, Map.of("loginPage", true, "refusal", refusal.get().name()));
  }
}
