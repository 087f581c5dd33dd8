package org.cabackoffice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.cabackoffice.application.ApplicationType;
import org.cabackoffice.input.PlainText;
import org.cabackoffice.input.SingleLine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API's JSON rules with the ObjectMapper Spring Boot builds from application.yml and the
 * advice the API answers with (issue 7, items 2 and 13).
 */
class ApiInputRulesTest {

  record Organization(@SingleLine String nameEn, @PlainText String note) {}

  record Form(
      @NotNull ApplicationType applicationType, Boolean express, @Valid Organization organization) {}

  @RestController
  static class Probe {
    @PostMapping("/probe")
    Form take(@Valid @RequestBody Form form) {
      return form;
    }

    @GetMapping("/fails")
    String fails() {
      throw new IllegalStateException(
          "could not execute statement [ERROR: invalid byte sequence for encoding \"UTF8\": 0x00]"
              + " [insert into application (common_name) values (?)]");
    }
  }

  static ObjectMapper bootMapper() throws Exception {
    var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
    AtomicReference<ObjectMapper> mapper = new AtomicReference<>();
    new ApplicationContextRunner()
        .withInitializer(
            context -> sources.forEach(s -> context.getEnvironment().getPropertySources().addFirst(s)))
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
        .withUserConfiguration(JsonTextRules.class)
        .run(context -> mapper.set(context.getBean(ObjectMapper.class)));
    return mapper.get();
  }

  private final MockMvc mvc;

  ApiInputRulesTest() throws Exception {
    mvc =
        MockMvcBuilders.standaloneSetup(new Probe())
            .setControllerAdvice(new ApiExceptionHandler())
            .setMessageConverters(new MappingJackson2HttpMessageConverter(bootMapper()))
            .build();
  }

  private ResultActions send(String json) throws Exception {
    return mvc.perform(post("/probe").contentType(MediaType.APPLICATION_JSON).content(json));
  }

  @Test
  void aWellFormedBodyPasses() throws Exception {
    send("{\"applicationType\":\"NEW\",\"express\":true,\"organization\":{\"nameEn\":\"Sample K.K.\",\"note\":\"line 1\\nline 2\"}}")
        .andExpect(status().isOk());
  }

  @Test
  void aNulInAnyStringIsA400NamingTheField() throws Exception {
    send("{\"applicationType\":\"NEW\",\"organization\":{\"note\":\"a\\u0000b\"}}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.findings[0].field").value("organization.note"))
        .andExpect(jsonPath("$.findings[0].code").value("text.forbidden-character"))
        .andExpect(jsonPath("$.detail").value(containsString("U+0000")));
  }

  @Test
  void aLoneSurrogateIsRefused() throws Exception {
    send("{\"applicationType\":\"NEW\",\"organization\":{\"note\":\"\\ud800\"}}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.findings[0].field").value("organization.note"))
        .andExpect(jsonPath("$.detail").value(containsString("surrogate")));
  }

  @Test
  void namesRefuseBidiOverridesAndLineBreaks() throws Exception {
    send("{\"applicationType\":\"NEW\",\"organization\":{\"nameEn\":\"invoice\\u202efdp.exe\"}}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.findings[0].field").value("organization.nameEn"))
        .andExpect(jsonPath("$.findings[0].code").value("text.forbidden-character"))
        .andExpect(jsonPath("$.findings[0].message").value(containsString("U+202E")));
    send("{\"applicationType\":\"NEW\",\"organization\":{\"nameEn\":\"Sample\\nK.K.\"}}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.findings[0].field").value("organization.nameEn"));
    send("{\"applicationType\":\"NEW\",\"organization\":{\"nameEn\":\"a\\u2066b\"}}")
        .andExpect(status().isBadRequest());
  }

  @Test
  void aNumberIsNoEnumConstant() throws Exception {
    send("{\"applicationType\":1}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.findings[0].field").value("applicationType"))
        .andExpect(jsonPath("$.detail").value(containsString("must be one of NEW, RENEWAL")));
  }

  @Test
  void numbersAndWordsAreNoBooleans() throws Exception {
    for (String express : List.of("1", "\"yes\"", "\"true\"")) {
      send("{\"applicationType\":\"NEW\",\"express\":" + express + "}")
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.findings[0].field").value("express"))
          .andExpect(jsonPath("$.detail").value(containsString("must be true or false")));
    }
  }

  @Test
  void trailingGarbageIsRefused() throws Exception {
    send("{\"applicationType\":\"NEW\"} garbage")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(not(containsString("Exception"))));
    send("{\"applicationType\":\"NEW\"} {\"applicationType\":\"RENEWAL\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("more than one JSON value")));
  }

  @Test
  void noDetailNamesAJavaClass() throws Exception {
    send("{\"applicationType\":\"NEW\",\"organization\":\"Sample K.K.\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.findings[0].field").value("organization"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    allOf(
                        containsString("must be a JSON object"),
                        not(containsString("ApiInputRulesTest")),
                        not(containsString("org.cabackoffice")),
                        not(containsString("$")))));
    send("{\"applicationType\":\"NEW\"")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(not(containsString("com.fasterxml"))));
  }

  @Test
  void anUnexpectedFailureIsA500WithoutSqlOrStack() throws Exception {
    String body =
        mvc.perform(get("/fails"))
            .andExpect(status().isInternalServerError())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.incident").isNotEmpty())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body).doesNotContain("insert into", "UTF8", "IllegalStateException", "at org.");
  }
}
