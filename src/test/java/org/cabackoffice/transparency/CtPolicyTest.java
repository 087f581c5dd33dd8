package org.cabackoffice.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class CtPolicyTest {

  private static final CtPolicy CHROME_AND_APPLE = new CtPolicy(2, 2);

  @Test
  void upTo180DaysTwoSctsAboveThree() throws Exception {
    assertThat(CHROME_AND_APPLE.sctsNeeded(certificateLasting(Duration.ofDays(180)))).isEqualTo(2);
    assertThat(CHROME_AND_APPLE.sctsNeeded(certificateLasting(Duration.ofDays(180).plusSeconds(1)))).isEqualTo(3);
    // SC-081 from 2026-03-15: 200 days, so 3 SCTs; from 2027-03-15: 100 days, so 2.
    assertThat(CHROME_AND_APPLE.sctsNeeded(certificateLasting(Duration.ofDays(200)))).isEqualTo(3);
    assertThat(CHROME_AND_APPLE.sctsNeeded(certificateLasting(Duration.ofDays(100)))).isEqualTo(2);
  }

  @Test
  void configurationMayAskForMoreNeverForLess() throws Exception {
    X509Certificate shortLived = certificateLasting(Duration.ofDays(47));
    assertThat(new CtPolicy(4, 3).sctsNeeded(shortLived)).isEqualTo(4);
    assertThat(new CtPolicy(1, 1).sctsNeeded(shortLived)).isEqualTo(2);
    assertThat(new CtPolicy(1, 1).minimumOperators()).isEqualTo(2);
  }

  @Test
  void sctsMustComeFromTwoDistinctOperators() throws Exception {
    X509Certificate shortLived = certificateLasting(Duration.ofDays(47));
    CtLog a1 = log("a1", "A");
    CtLog a2 = log("a2", "A");
    CtLog b = log("b", "B");

    assertThat(CHROME_AND_APPLE.shortfall(shortLived, List.of(a1, a2)))
        .contains("SCTs from 1 log operator(s), the CT policies need 2 distinct ones");
    assertThat(CHROME_AND_APPLE.shortfall(shortLived, List.of(a1, b))).isEmpty();
    assertThat(CHROME_AND_APPLE.shortfall(shortLived, List.of(b)))
        .contains("1 SCT(s), the CT policies need 2 for this certificate's lifetime");
  }

  @Test
  void logsAreConfiguredCompletelyAndTheirIdIsTheKeyHash() throws Exception {
    try (LoopbackCtLog loopback = new LoopbackCtLog("alpha", "A")) {
      CtLog parsed = CtLog.from(loopback.configuration());
      assertThat(parsed.logId()).isEqualTo(loopback.logId());
      assertThat(parsed.addPreChain().toString()).isEqualTo(loopback.url() + "ct/v1/add-pre-chain");
    }
    assertThatThrownBy(() -> CtLog.from(new CtProperties.Log("x", "http://127.0.0.1/", "", "AAAA")))
        .hasMessage("CT log x: operator is required");
    assertThatThrownBy(() -> CtLog.from(new CtProperties.Log("x", "http://127.0.0.1/", "X", "AAAA")))
        .hasMessage("CT log x: public-key is no EC or RSA SubjectPublicKeyInfo");
  }

  @Test
  void logsOnWithTooFewLogsOrOperatorsStopTheStart() throws Exception {
    try (LoopbackCtLog a1 = new LoopbackCtLog("a1", "A");
        LoopbackCtLog a2 = new LoopbackCtLog("a2", "A")) {
      assertThatThrownBy(
              () -> new CertificateTransparencyLogs(
                  new CtProperties(true, List.of(a1.configuration(), a2.configuration()), 2, 2, Duration.ofSeconds(1))))
          .hasMessageContaining("2 log(s) of 1 operator(s) are configured");
      // Off, the same configuration is fine: nothing is submitted.
      assertThat(new CertificateTransparencyLogs(
                  new CtProperties(false, List.of(a1.configuration(), a2.configuration()), 2, 2, Duration.ofSeconds(1)))
              .enabled())
          .isFalse();
    }
  }

  private static CtLog log(String name, String operator) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return CtLog.from(
        new CtProperties.Log(
            name, "http://127.0.0.1/", operator,
            java.util.Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded())));
  }

  /** Lifetime counted inclusively, as BR 6.3.2 does: notAfter = notBefore + lifetime − 1 s. */
  private static X509Certificate certificateLasting(Duration lifetime) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair key = generator.generateKeyPair();
    Instant notBefore = Instant.parse("2026-12-01T00:00:00Z");
    X500Name name = new X500Name("CN=policy test");
    return new JcaX509CertificateConverter()
        .getCertificate(
            new JcaX509v3CertificateBuilder(
                    name, BigInteger.ONE, Date.from(notBefore), Date.from(notBefore.plus(lifetime).minusSeconds(1)), name,
                    key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
  }
}
