package org.cabackoffice.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.digest.Sha256;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.testsupport.CsrFactory;
import org.cabackoffice.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A key-compromise proof is accepted only when made with the key, over a fresh challenge. */
class KeyCompromiseProofsTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
  final List<KeyCompromiseChallenge> stored = new ArrayList<>();
  final KeyCompromiseChallengeRepository repository =
      new KeyCompromiseChallengeRepository() {
        @Override
        public KeyCompromiseChallenge save(KeyCompromiseChallenge challenge) {
          stored.add(challenge);
          return challenge;
        }

        @Override
        public Optional<KeyCompromiseChallenge> findByChallenge(String challenge) {
          return stored.stream().filter(c -> c.challenge().equals(challenge)).findFirst();
        }
      };
  final KeyCompromiseProofs proofs = new KeyCompromiseProofs(repository, clock);

  KeyPair key;
  IssuedCertificate certificate;

  @BeforeEach
  void certificate() throws Exception {
    key = CsrFactory.p256();
    certificate = certificate("0a1b2c", key);
  }

  static IssuedCertificate certificate(String serial, KeyPair key) {
    IssuedCertificate certificate = mock(IssuedCertificate.class);
    when(certificate.serial()).thenReturn(serial);
    when(certificate.spkiSha256()).thenReturn(Sha256.hex(key.getPublic().getEncoded()));
    return certificate;
  }

  @Test
  void aCsrOverTheChallengeMadeWithTheKeyProvesPossession() throws Exception {
    String challenge = proofs.issue(certificate).challenge();
    assertThat(Base64.getUrlDecoder().decode(challenge)).hasSize(24); // 192 bits

    String spki = proofs.verify(certificate, CsrFactory.pem(key, "CN=" + challenge, List.of()));

    assertThat(spki).isEqualTo(certificate.spkiSha256());
  }

  @Test
  void anRsaKeyProvesPossessionToo() throws Exception {
    KeyPair rsa = CsrFactory.rsa2048();
    IssuedCertificate rsaCertificate = certificate("0d0e", rsa);
    String challenge = proofs.issue(rsaCertificate).challenge();
    assertThat(proofs.verify(rsaCertificate, CsrFactory.pem(rsa, "CN=" + challenge, List.of())))
        .isEqualTo(rsaCertificate.spkiSha256());
  }

  @Test
  void aCsrMadeWithAnotherKeyProvesNothing() throws Exception {
    String challenge = proofs.issue(certificate).challenge();
    assertRefused(CsrFactory.pem(CsrFactory.p256(), "CN=" + challenge, List.of()), "proof.other-key");
  }

  @Test
  void aCsrWithoutTheChallengeIsNotFresh() throws Exception {
    proofs.issue(certificate);
    // e.g. the subscriber's own CSR from the application, found anywhere
    assertRefused(CsrFactory.pem(key, "CN=www.sample.co.jp, O=Sample K.K., C=JP", List.of("www.sample.co.jp")), "proof.challenge-unknown");
  }

  @Test
  void aChallengeGivenForAnotherCertificateDoesNotCount() throws Exception {
    IssuedCertificate other = certificate("ffff", CsrFactory.p256());
    String challenge = proofs.issue(other).challenge();
    assertRefused(CsrFactory.pem(key, "CN=" + challenge, List.of()), "proof.challenge-unknown");
  }

  @Test
  void anExpiredChallengeDoesNotCount() throws Exception {
    String challenge = proofs.issue(certificate).challenge();
    clock.advance(Duration.ofHours(24));
    assertRefused(CsrFactory.pem(key, "CN=" + challenge, List.of()), "proof.challenge-expired");
  }

  @Test
  void aSignatureThatDoesNotVerifyProvesNothing() throws Exception {
    String challenge = proofs.issue(certificate).challenge();
    String pem = CsrFactory.pem(key, "CN=" + challenge, List.of());
    String body = pem.replaceAll("-----[A-Z ]+-----|\\s", "");
    byte[] der = Base64.getDecoder().decode(body);
    der[der.length - 5] ^= 0x01; // inside the signature's last INTEGER
    String tampered =
        "-----BEGIN CERTIFICATE REQUEST-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END CERTIFICATE REQUEST-----\n";
    assertRefused(tampered, "proof.signature-invalid");
  }

  @Test
  void whatIsNoCsrIsRefusedWithAReason() {
    assertRefused("", "proof.missing");
    assertRefused("hello", "proof.unreadable");
    assertRefused("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n", "proof.unreadable");
    assertRefused("x".repeat(KeyCompromiseProofs.MAX_CSR_CHARS + 1), "proof.too-large");
  }

  private void assertRefused(String csr, String code) {
    assertThatThrownBy(() -> proofs.verify(certificate, csr))
        .isInstanceOfSatisfying(RevocationRefused.class, e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.ground()).isEqualTo(RevocationRefused.Ground.BAD_INPUT);
        });
  }
}
