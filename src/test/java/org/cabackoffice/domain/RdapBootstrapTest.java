package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** IANA's RDAP bootstrap file for DNS (RFC 9224), the shipped snapshot and the format's rules. */
class RdapBootstrapTest {

  private final ObjectMapper json = new ObjectMapper();

  private RdapBootstrap load(String location) {
    return new RdapBootstrap(
        new RdapProperties(Map.of(), null, null, location), new DefaultResourceLoader(), json);
  }

  private RdapBootstrap parse(String text) throws Exception {
    return RdapBootstrap.parse(json.readTree(text), "test.json");
  }

  @Test
  void theShippedSnapshotNamesTheRegistriesItLists() {
    RdapBootstrap shipped = load(RdapProperties.SHIPPED_BOOTSTRAP);

    assertThat(shipped.publication()).isEqualTo("2026-11-26T00:00:00Z");
    assertThat(shipped.baseUrlFor("sample-shop.com")).contains("https://rdap.verisign.com/com/v1/");
    assertThat(shipped.baseUrlFor("www.sample-shop.net")).contains("https://rdap.verisign.com/net/v1/");
    assertThat(shipped.baseUrlFor("sample.org")).contains("https://rdap.publicinterestregistry.org/rdap/");
    assertThat(shipped.baseUrlFor("sample.dev")).contains("https://pubapi.registry.google/rdap/");
    // .jp is asked over WHOIS by configuration; the snapshot does not guess an RDAP server for it.
    assertThat(shipped.baseUrlFor("sample.co.jp")).isEmpty();
  }

  @Test
  void theDefaultLocationIsTheShippedSnapshotAndBlankMeansNone() {
    assertThat(new RdapProperties(null, null, null, null).bootstrap())
        .isEqualTo("classpath:iana/rdap-dns.json");
    RdapBootstrap none = load(" ");
    assertThat(none.publication()).isNull();
    assertThat(none.baseUrlFor("sample-shop.com")).isEmpty();
  }

  @Test
  void theLongestMatchingEntryWinsAndHttpsIsPreferred() throws Exception {
    RdapBootstrap bootstrap =
        parse(
            """
            {"version": "1.0", "publication": "2026-01-02T03:04:05Z", "services": [
              [["uk"], ["https://rdap.uk.example/uk/"]],
              [["co.uk"], ["http://rdap.uk.example/couk/", "https://rdap.uk.example/couk"]],
              [["XN--P1AI", "plain"], ["http://rdap.plain.example/"]]
            ]}
            """);

    assertThat(bootstrap.baseUrlFor("shop.sample.co.uk")).contains("https://rdap.uk.example/couk/");
    assertThat(bootstrap.baseUrlFor("sample.uk")).contains("https://rdap.uk.example/uk/");
    // Registration data over plain HTTP could be altered on its way: such entries are not used.
    assertThat(bootstrap.baseUrlFor("sample.plain")).isEmpty();
    assertThat(bootstrap.baseUrlFor("sample.com")).isEmpty();
  }

  @Test
  void aFileThatIsNoBootstrapFileStopsTheStart() {
    assertThatThrownBy(() -> parse("{\"version\": \"2.0\", \"services\": []}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("version");
    assertThatThrownBy(() -> parse("{\"version\": \"1.0\"}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("services");
    assertThatThrownBy(() -> parse("{\"version\": \"1.0\", \"services\": [[\"com\", \"https://x/\"]]}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[[entries], [URLs]]");
    assertThatThrownBy(() -> load("classpath:iana/no-such-file.json"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("backoffice.rdap.bootstrap");
  }
}
