package org.cabackoffice.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.issuance.OrphanPrecertificates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

/** A precertificate whose certificate was never issued is revoked and listed like a certificate. */
class CertificateRevocationsTest {

  static final Instant NOW = Instant.parse("2026-10-01T00:00:00Z");

  CertificateRevocationRepository repository = mock(CertificateRevocationRepository.class);
  IssuedCertificates certificates = mock(IssuedCertificates.class);
  OrphanPrecertificates precertificates = mock(OrphanPrecertificates.class);
  ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
  CertificateRevocations revocations;

  @BeforeEach
  void setUp() {
    revocations =
        new CertificateRevocations(repository, certificates, precertificates, events, Clock.fixed(NOW, ZoneOffset.UTC));
    when(certificates.findBySerial(any())).thenReturn(Optional.empty());
    when(repository.findBySerial(any())).thenReturn(Optional.empty());
    when(repository.saveAndFlush(any())).thenAnswer(invocation -> invocation.getArgument(0));
  }

  @Test
  void aPrecertificateWithoutCertificateIsRevokedOnTheShardItNames() {
    Instant notAfter = NOW.plus(Duration.ofDays(90));
    when(precertificates.find("abc5"))
        .thenReturn(Optional.of(new OrphanPrecertificates.OrphanPrecertificate("abc5", 7L, 3, notAfter)));

    CertificateRevocation revocation =
        revocations.revoke("abc5", RevocationReason.SUPERSEDED, "senior1", "the certificate was never issued");

    assertThat(revocation.serial()).isEqualTo("abc5");
    assertThat(revocation.issuedCertificateId()).isNull();
    assertThat(revocation.precertificateCrlShard()).hasValue(3);
    assertThat(revocation.revokedAt()).isEqualTo(NOW);
    // The after-commit listener signs shard 3's CRL from this event.
    verify(events).publishEvent(new CertificateRevoked(revocation));

    when(repository.findOnCrlShard(3, Instant.EPOCH)).thenReturn(List.of());
    when(repository.findPrecertificatesOnCrlShard(3, Instant.EPOCH)).thenReturn(List.of(revocation));
    assertThat(revocations.onCrlShard(3, Instant.EPOCH)).containsExactly(revocation);
  }

  @Test
  void aSerialNeitherIssuedNorPrecertifiedCannotBeRevoked() {
    when(precertificates.find("abc6")).thenReturn(Optional.empty());

    assertThatThrownBy(() -> revocations.revoke("abc6", RevocationReason.SUPERSEDED, "senior1", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("abc6");
  }
}
