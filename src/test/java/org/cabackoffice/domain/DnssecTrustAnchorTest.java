package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust anchor DNSSEC validation starts from (BR 3.2.2.4, 3.2.2.8.1: the IANA root). */
class DnssecTrustAnchorTest {

  @Test
  void validationIsOnByDefaultBackToIanasRootKsks() {
    DnsProperties.Dnssec defaults = new DnsProperties(null, null, null, null).dnssec();

    assertThat(defaults.enabled()).isTrue();
    assertThat(defaults.trustAnchor()).isEqualTo("classpath:dnssec/root-anchors.txt");
    // KSK-2017 and KSK-2024, as IANA's root-anchors.xml lists them.
    assertThat(DnssecTrustAnchor.load(defaults.trustAnchor()).description())
        .isEqualTo(". DS 20326, . DS 38696");
  }

  @Test
  void aFileWithoutAnchorsStopsTheStart(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("anchors.txt"), "; nothing here\n");

    assertThatThrownBy(() -> DnssecTrustAnchor.load(empty.toUri().toString()))
        .hasMessageContaining("holds no DS or DNSKEY record");
    assertThatThrownBy(() -> DnssecTrustAnchor.load("file:" + dir.resolve("missing.txt")))
        .hasMessageContaining("cannot read");
  }
}
