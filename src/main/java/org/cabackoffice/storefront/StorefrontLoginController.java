package org.cabackoffice.storefront;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The storefront's login page (guide [1-3]: the user ID is the technical contact's e-mail). The
 * security chain takes the POST; this page shows why the last attempt failed: a wrong user ID or
 * password (never which of the two), or logins suspended after repeated failures.
 */
@Controller
class StorefrontLoginController {

  private final StorefrontPages pages;

  StorefrontLoginController(StorefrontPages pages) {
    this.pages = pages;
  }

  @GetMapping("/login")
  ResponseEntity<String> login(HttpServletRequest request) {
    String outcome =
        request.getParameter("locked") != null
            ? "locked"
            : request.getParameter("error") != null
                ? "error"
                : request.getParameter("logout") != null
                    ? "logout"
                    : request.getParameter("reset") != null ? "reset" : "";
    return pages.page("storefront/login", request, Map.of("outcome", outcome, "loginPage", true));
  }
}
