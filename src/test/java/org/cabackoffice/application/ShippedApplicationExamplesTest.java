package org.cabackoffice.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cabackoffice.csr.CsrCheck;
import org.cabackoffice.csr.CsrCheckContext;
import org.cabackoffice.csr.CsrCheckResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The application files in {@code examples/} (README walkthrough) are what intake takes: a valid
 * form whose CSR passes the check and whose O is the form's organization.
 */
class ShippedApplicationExamplesTest {

  private static final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
  private static final ObjectMapper json =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @ParameterizedTest
  @CsvSource({"sample.co.jp-application.json, www.sample.co.jp", "sample-shop.jp-application.json, www.sample-shop.jp"})
  void theShippedApplicationPassesIntakesChecks(String file, String commonName) throws Exception {
    ApplicationForm form =
        json.readValue(Files.readString(Path.of("examples", file)), ApplicationForm.class);
    assertThat(validator.validate(form)).isEmpty();
    assertThat(form.technicalContact().email()).isEqualTo("web-admin@sample.co.jp");

    CsrCheckResult csr =
        new CsrCheck().check(form.csr().getBytes(StandardCharsets.US_ASCII), CsrCheckContext.standalone());
    assertThat(csr.acceptable()).as(csr.findings().toString()).isTrue();
    assertThat(csr.subject().commonName()).isEqualTo(commonName);
    assertThat(csr.sans()).containsExactly(commonName);
    assertThat(SubjectOrganization.check(csr.subject().organization(), form.organization().nameEn())).isEmpty();
  }
}
