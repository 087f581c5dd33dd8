package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cabackoffice.testsupport.Bounded;
import org.cabackoffice.testsupport.Mutations;

/**
 * Issue 13: what a registry's WHOIS or RDAP server sends is outside input. Whatever it is, the
 * parsers give a registration record or say the registry is unusable ({@link
 * RegistryUnavailableException}, which the process retries and then turns into an incident naming
 * the registry); nothing else escapes, nothing hangs.
 */
class RegistryAnswerFuzzTest {

  private static final Duration LIMIT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> WHOIS_SAMPLES =
      List.of(
          "jprs-general-en.txt", "jprs-general-ja.txt", "jprs-general-ja-sjis.txt", "jprs-contact-en.txt",
          "jprs-organization-ja.txt", "jprs-no-match.txt", "jprs-rate-limit.txt", "registrar-full.txt",
          "registrar-redacted.txt", "verisign-thin.txt", "iana-tld.txt");

  private static final List<String> RDAP_SAMPLES =
      List.of("registry-com.json", "registrar-full.json", "registrar-redacted.json");

  /** Keys the parser looks for, in JPRS's bracketed and ICANN's colon forms. */
  private static final List<String> KEYS =
      List.of(
          "Domain Name", "ドメイン名", "Registrant", "登録者名", "Registrant Organization", "Email",
          "Registrant Email", "Registrar WHOIS Server", "Registry Expiry Date", "Expires on", "有効期限",
          "Contact", "Name", "refer", "whois", "Status");

  @Property
  void mutatedWhoisAnswersParseOrAreUnusable(@ForAll("whoisBytes") byte[] answer) throws Exception {
    whoisParsedOrUnusable(answer);
  }

  @Property
  void arbitraryWhoisBytesParseOrAreUnusable(@ForAll("bytes") byte[] answer) throws Exception {
    whoisParsedOrUnusable(answer);
  }

  @Property
  void generatedWhoisRecordsParseOrAreUnusable(@ForAll("whoisLines") String answer) throws Exception {
    whoisParsedOrUnusable(answer.getBytes(StandardCharsets.UTF_8));
  }

  @Property
  void mutatedRdapAnswersParseOrAreUnusable(@ForAll("rdapBytes") byte[] answer) throws Exception {
    rdapParsedOrUnusable(answer);
  }

  @Property
  void generatedRdapObjectsParse(@ForAll("rdapObjects") String answer) throws Exception {
    rdapParsedOrUnusable(answer.getBytes(StandardCharsets.UTF_8));
  }

  /** As WhoisLookup reads an answer: decode the bytes, then parse the record and its contacts. */
  private static void whoisParsedOrUnusable(byte[] answer) throws Exception {
    Object outcome =
        Bounded.call(
            LIMIT,
            "a WHOIS answer of " + answer.length + " bytes",
            () -> {
              try {
                String text = WhoisText.decode(answer);
                WhoisRecordParser.ianaReferral(text);
                WhoisRecordParser.contactHandles(text);
                WhoisRecordParser.contactRecordEmails(text);
                return WhoisRecordParser.parse(text);
              } catch (RegistryUnavailableException unusable) {
                return unusable;
              }
            });
    if (outcome instanceof RegistrationRecord record) {
      assertThat(record.registrantNames()).doesNotContainNull();
      assertThat(record.contactEmails()).allSatisfy(email -> assertThat(email).contains("@"));
    } else {
      assertThat(((RegistryUnavailableException) outcome).getMessage()).isNotBlank();
    }
  }

  /** As RdapLookup reads a 200 answer (RFC 9083: UTF-8 JSON, a domain object). */
  private static void rdapParsedOrUnusable(byte[] answer) throws Exception {
    Bounded.call(
        LIMIT,
        "an RDAP answer of " + answer.length + " bytes",
        () -> {
          JsonNode root;
          try {
            root = JSON.readTree(new String(answer, StandardCharsets.UTF_8));
          } catch (JsonProcessingException unusable) {
            return null; // RdapLookup: "the RDAP answer is not JSON", a RegistryUnavailableException
          }
          if (root == null || !"domain".equals(root.path("objectClassName").asText())) {
            return null;
          }
          RegistrationRecord record = RdapLookup.record(root);
          assertThat(record.registrantNames()).doesNotContainNull();
          return record;
        });
  }

  @Provide
  Arbitrary<byte[]> whoisBytes() {
    return Mutations.of(WHOIS_SAMPLES.stream().map(name -> resource("/whois/" + name)).toList());
  }

  @Provide
  Arbitrary<byte[]> rdapBytes() {
    return Mutations.of(RDAP_SAMPLES.stream().map(name -> resource("/rdap/" + name)).toList());
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
  }

  @Provide
  Arbitrary<String> whoisLines() {
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(60),
            Arbitraries.of("REDACTED FOR PRIVACY", "a@b", "@", "2026/13/45", "9999-99-99T99:99:99Z", "", " "));
    Arbitrary<String> line =
        Combinators.combine(Arbitraries.of(KEYS), value, Arbitraries.of(true, false))
            .as((key, v, bracketed) -> bracketed ? "[" + key + "]   " + v : key + ": " + v);
    return Combinators.combine(line.list().ofMaxSize(40), Arbitraries.of("\n", "\r\n", "\r"))
        .as((lines, end) -> String.join(end, lines));
  }

  /** RDAP objects shaped like the real ones, with values of every JSON type in every place. */
  @Provide
  Arbitrary<String> rdapObjects() {
    Arbitrary<String> scalar =
        Arbitraries.of("null", "true", "0", "-1", "1e999", "\"\"", "\"registrant\"", "\"org\"", "\"email\"",
            "\"REDACTED\"", "\"a@b.example\"", "{}", "[]", "[[]]");
    Arbitrary<String> vcardProperty =
        Combinators.combine(Arbitraries.of("\"fn\"", "\"org\"", "\"kind\"", "\"email\"", "1", "null"), scalar, scalar, scalar)
            .as((name, p, type, v) -> "[" + name + "," + p + "," + type + "," + v + "]");
    Arbitrary<String> vcard =
        vcardProperty.list().ofMaxSize(6).map(ps -> "[\"vcard\",[" + String.join(",", ps) + "]]");
    Arbitrary<String> vcardArray = Arbitraries.oneOf(vcard, scalar);
    Arbitrary<String> roles =
        Arbitraries.of("registrant", "administrative", "technical", "registrar").list().ofMaxSize(3)
            .map(rs -> "[" + String.join(",", rs.stream().map(r -> "\"" + r + "\"").toList()) + "]");
    Arbitrary<String> rolesOrScalar = Arbitraries.oneOf(roles, scalar);
    Arbitrary<String> entity =
        Combinators.combine(rolesOrScalar, vcardArray).as((r, v) -> "{\"roles\":" + r + ",\"vcardArray\":" + v + "}");
    Arbitrary<String> entities =
        Combinators.combine(entity.list().ofMaxSize(5), Arbitraries.integers().between(0, 40))
            .as(
                (list, depth) -> {
                  // Entities nest inside entities (a registrar's abuse contact): deeply, here.
                  String nested = "[" + String.join(",", list) + "]";
                  for (int i = 0; i < depth; i++) {
                    nested = "[{\"roles\":[\"registrant\"],\"entities\":" + nested + "}]";
                  }
                  return nested;
                });
    Arbitrary<String> events =
        Combinators.combine(Arbitraries.of("\"expiration\"", "\"registration\"", "1", "null"), scalar,
                Arbitraries.of("\"2027-01-01T00:00:00Z\"", "\"2027-13-01\"", "\"\"", "5", "null"))
            .as((action, actor, date) -> "[{\"eventAction\":" + action + ",\"eventActor\":" + actor + ",\"eventDate\":" + date + "}]");
    Arbitrary<String> redacted =
        Arbitraries.oneOf(scalar, Arbitraries.just("[{\"name\":{\"type\":\"Registrant Organization\"},\"method\":\"removal\"}]"));
    return Combinators.combine(Arbitraries.oneOf(entities, scalar), Arbitraries.oneOf(events, scalar), redacted)
        .as((e, ev, r) -> "{\"objectClassName\":\"domain\",\"entities\":" + e + ",\"events\":" + ev + ",\"redacted\":" + r + "}");
  }

  private static byte[] resource(String path) {
    try (InputStream in = RegistryAnswerFuzzTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
