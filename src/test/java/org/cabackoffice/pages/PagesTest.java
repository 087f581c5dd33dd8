package org.cabackoffice.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;

class PagesTest {

  private static final Map<String, Object> NOTICE =
      Map.of("title", "consent.thanks.title", "text", "consent.approved", "arg", "example.jp");

  @Test
  void japaneseUnlessTheReaderAsksForEnglish() {
    assertThat(Pages.languageOf(new MockHttpServletRequest())).isEqualTo(Locale.JAPANESE);
    assertThat(Pages.languageOf(browser("en-US,en;q=0.9"))).isEqualTo(Locale.ENGLISH);
    assertThat(Pages.languageOf(browser("ja-JP,en;q=0.5"))).isEqualTo(Locale.JAPANESE);
    assertThat(Pages.languageOf(browser("fr-FR"))).isEqualTo(Locale.JAPANESE);
    MockHttpServletRequest switched = browser("ja");
    switched.setParameter("lang", "en");
    assertThat(Pages.languageOf(switched)).isEqualTo(Locale.ENGLISH);
    MockHttpServletRequest back = browser("en");
    back.setParameter("lang", "ja");
    assertThat(Pages.languageOf(back)).isEqualTo(Locale.JAPANESE);
  }

  @Test
  void theApplicationsOwnTemplateEngineRendersBothLanguages() {
    // Spring Boot's auto-configuration with application.yml's message settings: what runs in production.
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(MessageSourceAutoConfiguration.class, ThymeleafAutoConfiguration.class))
        .withPropertyValues("spring.messages.basename=messages", "spring.messages.fallback-to-system-locale=false")
        .withBean(Pages.class)
        .run(
            context -> {
              Pages pages = context.getBean(Pages.class);
              assertThat(pages.render("notice", new MockHttpServletRequest(), NOTICE))
                  .contains("<html lang=\"ja\">")
                  .contains("ドメイン名 example.jp の使用をご承諾いただきました。")
                  .doesNotContain("Thank you");
              assertThat(pages.render("notice", browser("en"), NOTICE))
                  .contains("<html lang=\"en\">")
                  .contains("You have approved the use of example.jp. Thank you.");
            });
  }

  @Test
  void bothBundlesHaveTheSameKeys() throws Exception {
    java.util.Properties ja = new java.util.Properties();
    java.util.Properties en = new java.util.Properties();
    try (var in = getClass().getResourceAsStream("/messages.properties")) {
      ja.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    try (var in = getClass().getResourceAsStream("/messages_en.properties")) {
      en.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(en.keySet()).isEqualTo(ja.keySet());
  }

  private static MockHttpServletRequest browser(String acceptLanguage) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Accept-Language", acceptLanguage);
    return request;
  }
}
