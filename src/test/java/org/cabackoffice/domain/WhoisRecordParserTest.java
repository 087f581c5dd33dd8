package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.util.List;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WhoisRecordParserTest {

  private static RegistrationRecord parse(String resource) {
    return WhoisRecordParser.parse(WhoisText.decode(WhoisAnswers.bytes(resource)));
  }

  @Test
  void jprsJapaneseFormIsDecodedFromIso2022JpAndGivesBothNames() {
    RegistrationRecord record = parse("jprs-general-ja.txt");

    assertThat(record.registered()).isTrue();
    assertThat(record.registrantNames()).containsExactly("サンプル株式会社", "Sample K.K.");
    assertThat(record.registrantOrganization()).isEqualTo("サンプル株式会社");
    assertThat(record.contactEmails()).containsExactly("hostmaster@sample-shop.jp");
    assertThat(record.redacted()).isFalse();
    assertThat(record.referral()).isNull();
  }

  @Test
  void jprsEnglishForm() {
    RegistrationRecord record = parse("jprs-general-en.txt");

    assertThat(record.registered()).isTrue();
    assertThat(record.registrantNames()).containsExactly("Sample K.K.");
    assertThat(record.contactEmails()).containsExactly("hostmaster@sample-shop.jp");
  }

  @Test
  void jprsOrganizationTypeDomainInBothForms() {
    RegistrationRecord ja = parse("jprs-organization-ja.txt");
    RegistrationRecord en = parse("jprs-organization-en.txt");

    assertThat(ja.registered()).isTrue();
    assertThat(ja.registrantNames()).containsExactly("サンプル株式会社", "Sample K.K.");
    // Organization-type records name contacts by handle only: no addresses to mail.
    assertThat(ja.contactEmails()).isEmpty();
    assertThat(en.registrantNames()).containsExactly("Sample K.K.");
    assertThat(WhoisRecordParser.contactHandles(WhoisText.decode(WhoisAnswers.bytes("jprs-organization-ja.txt"))))
        .containsExactly("TS12345JP", "HN23456JP");
    assertThat(WhoisRecordParser.contactHandles(WhoisAnswers.text("jprs-organization-en.txt")))
        .containsExactly("TS12345JP", "HN23456JP");
  }

  @Test
  void onlyOrganizationTypeRecordsNameContactHandles() {
    assertThat(WhoisRecordParser.contactHandles(WhoisText.decode(WhoisAnswers.bytes("jprs-general-ja.txt")))).isEmpty();
    assertThat(WhoisRecordParser.contactHandles(WhoisAnswers.text("registrar-full.txt"))).isEmpty();
    // A value that is no JP handle (a name typed into the field) is not queried.
    assertThat(WhoisRecordParser.contactHandles("m. [Administrative Contact]     Taro Sato\n"))
        .isEmpty();
  }

  @Test
  void jprsContactRecordsGiveTheContactsAddressInBothForms() {
    assertThat(WhoisRecordParser.contactRecordEmails(WhoisText.decode(WhoisAnswers.bytes("jprs-contact-ja.txt"))))
        .containsExactly("web-admin@sample.co.jp");
    assertThat(WhoisRecordParser.contactRecordEmails(WhoisAnswers.text("jprs-contact-en.txt")))
        .containsExactly("hostmaster@sample.co.jp");
    assertThat(WhoisRecordParser.contactRecordEmails(WhoisAnswers.text("jprs-no-match.txt"))).isEmpty();
    assertThatThrownBy(
            () -> WhoisRecordParser.contactRecordEmails(WhoisAnswers.text("jprs-rate-limit.txt")))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("rate limit");
  }

  @Test
  void gtldRegistrarFormatGivesOrganizationAndDistinctContactAddresses() {
    RegistrationRecord record = parse("registrar-full.txt");

    assertThat(record.registered()).isTrue();
    assertThat(record.registrantNames()).containsExactly("Sample Co., Ltd.");
    assertThat(record.contactEmails())
        .containsExactly("domains@sample-shop.com", "Admin@Sample-Shop.com", "dns@webagency.example");
    assertThat(record.referral()).isEqualTo("whois.registrar.example");
  }

  @Test
  void thinRegistryAnswerCarriesTheReferral() {
    RegistrationRecord record = parse("verisign-thin.txt");

    assertThat(record.registered()).isTrue();
    assertThat(record.registrantNames()).isEmpty();
    assertThat(record.contactEmails()).isEmpty();
    assertThat(record.referral()).isEqualTo("${REGISTRAR}");
  }

  @Test
  void redactedRecordsHaveNoUsableRegistrant() {
    RegistrationRecord redacted = parse("registrar-redacted.txt");
    RegistrationRecord protectedRecord = parse("registrar-data-protected.txt");

    assertThat(redacted.registered()).isTrue();
    assertThat(redacted.redacted()).isTrue();
    assertThat(redacted.registrantNames()).isEmpty();
    assertThat(redacted.contactEmails()).isEmpty(); // sentences and web-form URLs are no addresses
    assertThat(protectedRecord.redacted()).isTrue();
    assertThat(protectedRecord.registrantNames()).isEmpty();
    assertThat(protectedRecord.contactEmails()).isEmpty();
  }

  @Test
  void aCompanyWhoseNameSaysPrivacyIsNoRedaction() {
    RegistrationRecord record =
        WhoisRecordParser.parse(
            "Domain Name: privacy-tech.com\nRegistrant Organization: Privacy Tech K.K.\n"
                + "Registrant Email: privacy-officer@privacy-tech.com\n");

    assertThat(record.redacted()).isFalse();
    assertThat(record.registrantNames()).containsExactly("Privacy Tech K.K.");
    assertThat(record.contactEmails()).containsExactly("privacy-officer@privacy-tech.com");
  }

  @Test
  void privacyAndProxyServicesAreRedaction() {
    for (String service :
        List.of(
            "REDACTED FOR PRIVACY",
            "Data Protected",
            "Privacy service provided by Withheld for Privacy ehf",
            "Domains By Proxy, LLC",
            "Contact Privacy Inc. Customer 0123456",
            "Whois Privacy Protection Service, Inc.",
            "WhoisGuard, Inc.",
            "Super Privacy Service LTD c/o Dynadot")) {
      assertThat(WhoisRecordParser.isRedacted(service)).as(service).isTrue();
    }
  }

  @Test
  void theRegistrationsExpiryDateIsReadInEveryFormat() {
    // JPRS general-use: [有効期限] / [Expires on]; organization-type: the date of [状態] / [State].
    assertThat(parse("jprs-general-ja.txt").expiresOn()).isEqualTo(LocalDate.of(2026, 4, 30));
    assertThat(parse("jprs-general-en.txt").expiresOn()).isEqualTo(LocalDate.of(2026, 4, 30));
    assertThat(parse("jprs-organization-ja.txt").expiresOn()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(parse("jprs-organization-en.txt").expiresOn()).isEqualTo(LocalDate.of(2026, 3, 31));
    // RDDS: the registry's and the registrar's lines.
    assertThat(parse("verisign-thin.txt").expiresOn()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(parse("registrar-full.txt").expiresOn()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(WhoisRecordParser.parse("Domain Name: a.example\nRegistry Expiry Date: soon\n").expiresOn())
        .isNull();

    RegistrationRecord lapsed = parse("jprs-general-en.txt");
    assertThat(lapsed.expiredOn(LocalDate.of(2026, 4, 30))).isFalse();
    assertThat(lapsed.expiredOn(LocalDate.of(2026, 5, 1))).isTrue();
  }

  @Test
  void noMatchAnswersMeanNotRegistered() {
    assertThat(parse("jprs-no-match.txt").registered()).isFalse();
    assertThat(parse("verisign-no-match.txt").registered()).isFalse();
  }

  @Test
  void throttlingAnswersAreRetryableUnavailability() {
    assertThatThrownBy(() -> parse("jprs-rate-limit.txt"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("Query rate limit exceeded");
    assertThatThrownBy(() -> parse("registrar-quota.txt"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("exceeded the maximum allowable number");
  }

  @Test
  void malformedAnswers() {
    assertThatThrownBy(() -> parse("malformed-html.txt"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("unrecognised");
    RegistrationRecord partial = parse("malformed-no-registrant.txt");
    assertThat(partial.registered()).isTrue();
    assertThat(partial.registrantNames()).isEmpty();
    assertThat(partial.contactEmails()).isEmpty();
  }

  @Test
  void binaryAnswersAreRefused() {
    assertThatThrownBy(() -> WhoisText.decode(WhoisAnswers.bytes("binary.bin")))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("not text");
  }

  @Test
  void latin1AnswersAreReadAsLatin1() {
    byte[] latin1 =
        "Domain Name: cafe.com\nRegistrant Organization: Caf\u00e9 S.A.\n"
            .getBytes(Charset.forName("ISO-8859-1"));

    assertThat(WhoisRecordParser.parse(WhoisText.decode(latin1)).registrantNames())
        .containsExactly("Caf\u00e9 S.A.");
    // \u00e9 followed by a letter is a valid Shift_JIS pair; without kana it stays Latin-1.
    byte[] societe =
        "Domain Name: societe.fr\nRegistrant Organization: Soci\u00e9t\u00e9 G\u00e9n\u00e9rale\n"
            .getBytes(Charset.forName("ISO-8859-1"));
    assertThat(WhoisRecordParser.parse(WhoisText.decode(societe)).registrantNames())
        .containsExactly("Soci\u00e9t\u00e9 G\u00e9n\u00e9rale");
  }

  @Test
  void japaneseAnswersInShiftJisAreDecoded() {
    RegistrationRecord organization = parse("jprs-organization-ja-sjis.txt");
    RegistrationRecord general = parse("jprs-general-ja-sjis.txt");

    assertThat(organization.registered()).isTrue();
    assertThat(organization.registrantNames()).containsExactly("サンプル株式会社", "Sample K.K.");
    assertThat(general.registrantNames()).containsExactly("サンプル株式会社", "Sample K.K.");
    assertThat(WhoisRecordParser.contactHandles(WhoisText.decode(WhoisAnswers.bytes("jprs-organization-ja-sjis.txt"))))
        .containsExactly("TS12345JP", "HN23456JP");
  }
}
