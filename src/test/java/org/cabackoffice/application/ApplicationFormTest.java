package org.cabackoffice.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ApplicationFormTest {

  private static final Validator validator =
      Validation.buildDefaultValidatorFactory().getValidator();

  private static ApplicationForm form(String nameEn, String technicalName) {
    return new ApplicationForm(
        Product.GLOBAL_SERVER_ID,
        ApplicationType.NEW,
        "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n",
        false,
        PaymentMethod.BANK_TRANSFER,
        new ApplicationForm.Organization(nameEn, "サンプル株式会社", null, "Chuo-ku", "Tokyo", "JP"),
        new ApplicationForm.ResponsiblePerson("Ichiro Yamada", null, "yamada@sample.co.jp", null),
        new ApplicationForm.TechnicalContact("Sample K.K.", technicalName, "web-admin@sample.co.jp", null),
        null);
  }

  private static Set<String> invalidFields(ApplicationForm form) {
    return validator.validate(form).stream()
        .map(ConstraintViolation::getPropertyPath)
        .map(Object::toString)
        .collect(Collectors.toSet());
  }

  @Test
  void aPlainFormIsValid() {
    assertThat(invalidFields(form("Sample K.K.", "Hanako Web"))).isEmpty();
  }

  @Test
  void namesAreSingleLinesWithoutBidiControls() {
    assertThat(invalidFields(form("Sample\u202eK.K.", "Hanako\u0000Web")))
        .containsExactlyInAnyOrder("organization.nameEn", "technicalContact.name");
    assertThat(invalidFields(form("Sample\nK.K.", "Hanako\u2067Web")))
        .containsExactlyInAnyOrder("organization.nameEn", "technicalContact.name");
  }

  @Test
  void theEnglishNameFitsTheCertificatesOrganizationName() {
    // X.520 ub-organization-name: 64; 128 emoji are 256 UTF-16 units.
    assertThat(invalidFields(form("A".repeat(64), "Hanako Web"))).isEmpty();
    assertThat(invalidFields(form("A".repeat(65), "Hanako Web"))).containsExactly("organization.nameEn");
    assertThat(invalidFields(form("\uD83D\uDE00".repeat(128), "Hanako Web")))
        .containsExactly("organization.nameEn");
  }
}
