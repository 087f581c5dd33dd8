package org.cabackoffice.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Mail texts live in {@code src/main/resources/mail/<name>.txt}: the first line is
 * {@code Subject: ...}, the rest the body, each written in Japanese then English because the
 * guide's customers read Japanese and agencies abroad read English. {@code {{name}}} is replaced
 * by the model's value; a missing value is an error, never an empty hole in a customer's mail.
 */
@Component
public class MailTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z0-9_.]+)}}");

  public OutgoingMail compose(
      String dedupKey,
      String template,
      String to,
      Map<String, ?> model,
      List<OutgoingMail.Attachment> attachments) {
    String text = load(template);
    int newline = text.indexOf('\n');
    String firstLine = newline < 0 ? text : text.substring(0, newline);
    if (!firstLine.startsWith("Subject: ")) {
      throw new IllegalStateException("mail template " + template + " must start with 'Subject: '");
    }
    String subject = fill(firstLine.substring("Subject: ".length()).trim(), model, template);
    String body = newline < 0 ? "" : fill(text.substring(newline + 1), model, template);
    return new OutgoingMail(dedupKey, null, to, subject, body, attachments);
  }

  private static String load(String template) {
    String path = "mail/" + template + ".txt";
    try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no mail template " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read mail template " + path, e);
    }
  }

  private static String fill(String text, Map<String, ?> model, String template) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = model.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            "mail template " + template + " needs a value for {{" + m.group(1) + "}}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
