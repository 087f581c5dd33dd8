package org.cabackoffice.mail;

import java.util.List;
import org.cabackoffice.access.Roles;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The mails the development mail catcher received, for developers and the README's walkthrough
 * (besides IMAP). Exists only when the catcher runs, so a production node has no such endpoint.
 * Bodies are shown: these are development mails, and reading their links is the point.
 */
@RestController
@RequestMapping("/api/dev/mails")
@ConditionalOnProperty(name = "backoffice.mail.catcher.enabled", havingValue = "true")
public class DevMailController {

  private final MailCatcher catcher;

  public DevMailController(MailCatcher catcher) {
    this.catcher = catcher;
  }

  /** Newest first; {@code to} keeps the mails delivered to that address. */
  @GetMapping
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public List<CaughtMail> list(@RequestParam(required = false) String to) {
    if (to == null || to.isBlank()) {
      return catcher.mails();
    }
    if (!to.contains("@")) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "to must be an e-mail address, e.g. tech@example.co.jp");
    }
    return catcher.mailsTo(to);
  }
}
