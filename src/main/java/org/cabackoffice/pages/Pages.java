package org.cabackoffice.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a page template in the reader's language. Pages are Japanese unless the reader asks for
 * English with {@code ?lang=en} or a browser that prefers it (Accept-Language); every page links
 * to the other language.
 *
 * <p>The language is chosen here, for pages only, rather than by a global {@code LocaleResolver}:
 * the API's validation messages keep the server's language whatever a client's Accept-Language.
 *
 * <p>Pages reached through a one-time link (consent, upload) are answered with {@link
 * #privateHeaders()}: the token is in the URL, so nothing is cached and no referrer leaves.
 */
@Component
public class Pages {

  public static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private static final AcceptHeaderLocaleResolver BROWSER_LANGUAGE = new AcceptHeaderLocaleResolver();

  static {
    BROWSER_LANGUAGE.setSupportedLocales(List.of(Locale.JAPANESE, Locale.ENGLISH));
    BROWSER_LANGUAGE.setDefaultLocale(Locale.JAPANESE);
  }

  private final ITemplateEngine templates;

  public Pages(ITemplateEngine templates) {
    this.templates = templates;
  }

  /** Japanese or English: {@code ?lang=} first, then the browser's preference, else Japanese. */
  public static Locale languageOf(HttpServletRequest request) {
    String asked = request.getParameter("lang");
    if ("en".equals(asked)) {
      return Locale.ENGLISH;
    }
    if ("ja".equals(asked)) {
      return Locale.JAPANESE;
    }
    Locale preferred = BROWSER_LANGUAGE.resolveLocale(request);
    return Locale.ENGLISH.getLanguage().equals(preferred.getLanguage()) ? Locale.ENGLISH : Locale.JAPANESE;
  }

  /**
   * The template {@code name} rendered with {@code model}, plus {@code lang} (the page's language),
   * {@code otherLang} (the one its switch links to) and {@code csrf} (the request's CSRF token,
   * when the security filter made one).
   */
  public String render(String name, HttpServletRequest request, Map<String, ?> model) {
    Locale language = languageOf(request);
    Map<String, Object> variables = new HashMap<>(model);
    variables.put("lang", language.getLanguage());
    variables.put("otherLang", Locale.ENGLISH.equals(language) ? "ja" : "en");
    if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
      variables.put("csrf", csrf);
    }
    return templates.process(name, new Context(language, variables));
  }

  /** A one-time link's page: {@link #render} with {@link #privateHeaders()}. */
  public ResponseEntity<String> privatePage(
      HttpStatusCode status, String name, HttpServletRequest request, Map<String, ?> model) {
    return ResponseEntity.status(status)
        .headers(privateHeaders())
        .contentType(HTML)
        .body(render(name, request, model));
  }

  /** Not cached, no referrer (the URL holds the token), no sniffing of what we declared. */
  public static HttpHeaders privateHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setCacheControl(CacheControl.noStore());
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Content-Type-Options", "nosniff");
    return headers;
  }
}
