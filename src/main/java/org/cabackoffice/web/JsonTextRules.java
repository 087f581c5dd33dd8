package org.cabackoffice.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.cabackoffice.input.TextInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every JSON string the API reads is plain text ({@link TextInput}): a U+0000 in any field,
 * named in a form record or not, was a 500 on PostgreSQL that quoted the INSERT (issue 7). Names
 * are held to the stricter {@code @SingleLine} on their records; this is the floor for all text.
 *
 * <p>Spring Boot adds a {@link Module} bean to the ObjectMapper the API's message converter
 * uses. The engine's REST API has an ObjectMapper of its own and is not affected; trees read
 * with {@code readTree} (RDAP answers) do not go through String deserializers either.
 */
@Configuration(proxyBeanMethods = false)
public class JsonTextRules {

  @Bean
  Module plainTextStrings() {
    return new SimpleModule("plain-text-strings").addDeserializer(String.class, new PlainTextString());
  }

  /** Jackson's own String handling (coercion rules included), then the plain-text rule. */
  public static final class PlainTextString extends JsonDeserializer<String> {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = StringDeserializer.instance.deserialize(p, ctxt);
      var problem = TextInput.plainTextProblem(value);
      if (problem.isPresent()) {
        throw new TextRefused(p, problem.get());
      }
      return value;
    }

    @Override
    public Object getEmptyValue(DeserializationContext ctxt)
        throws com.fasterxml.jackson.databind.JsonMappingException {
      return StringDeserializer.instance.getEmptyValue(ctxt);
    }
  }

  /** A JSON string that is no plain text; its message is for the client, the path names the field. */
  public static final class TextRefused extends MismatchedInputException {

    TextRefused(JsonParser p, String reason) {
      super(p, reason, String.class);
    }
  }
}
