package org.cabackoffice.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every mail is written in Japanese, then in English for agencies abroad (MailTemplates): the
 * English half must not show a Japanese value where an English one exists, such as the product.
 */
class MailTemplatesTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/mail");
  private static final Pattern SEPARATOR = Pattern.compile("\n-{4,}\n");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z0-9_.]+)}}");
  private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

  @Test
  void theEnglishHalfOfEveryTemplateUsesEnglishValuesAndWords() throws IOException {
    List<Path> templates;
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      templates = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
    assertThat(templates).isNotEmpty();
    for (Path template : templates) {
      String text = Files.readString(template);
      Matcher separator = SEPARATOR.matcher(text);
      assertThat(separator.find()).as("%s has a Japanese and an English half", template).isTrue();
      String english = text.substring(separator.end());
      assertThat(JAPANESE.matcher(english).find())
          .as("%s: Japanese text in the English half", template)
          .isFalse();
      Matcher placeholder = PLACEHOLDER.matcher(english);
      while (placeholder.find()) {
        String name = placeholder.group(1);
        assertThat(name)
            .as("%s: the English half names {{%s}}", template, name)
            .doesNotEndWith("Ja")
            .isNotIn("product", "productName");
      }
    }
  }
}
