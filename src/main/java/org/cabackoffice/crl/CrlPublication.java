package org.cabackoffice.crl;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CRLHolder;
import org.cabackoffice.issuance.LintFinding;
import org.cabackoffice.issuance.CertificateAuthority;
import org.cabackoffice.issuance.CountedCrlShards;
import org.cabackoffice.revocation.CertificateRevocation;
import org.cabackoffice.revocation.CertificateRevocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs and stores the CA's CRLs (BR 4.9.7, 7.2): a shard of the issuing CA's partitioned CRL
 * whenever one of its certificates is revoked and before its last one is {@code refresh-after}
 * old, and the root's ARL for its intermediates, each use of the root key on record.
 */
@Service
public class CrlPublication {

  /** Who signs when no person asked: the schedule and the after-revocation trigger. */
  static final String SYSTEM = "system";

  private static final Logger log = LoggerFactory.getLogger(CrlPublication.class);

  private final CertificateAuthority authority;
  private final CertificateRevocations revocations;
  private final CountedCrlShards shards;
  private final PublishedCrlRepository crls;
  private final RootKeyUseRepository rootKeyUses;
  private final RootSignedCertificateRepository rootSigned;
  private final CrlNumbers numbers;
  private final CrlProperties properties;
  private final Clock clock;

  public CrlPublication(
      CertificateAuthority authority,
      CertificateRevocations revocations,
      CountedCrlShards shards,
      PublishedCrlRepository crls,
      RootKeyUseRepository rootKeyUses,
      RootSignedCertificateRepository rootSigned,
      CrlNumbers numbers,
      CrlProperties properties,
      Clock clock) {
    this.authority = authority;
    this.revocations = revocations;
    this.shards = shards;
    this.crls = crls;
    this.rootKeyUses = rootKeyUses;
    this.rootSigned = rootSigned;
    this.numbers = numbers;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Signs a new CRL of the shard. An entry leaves once it was on a CRL issued after the
   * certificate expired (RFC 5280 3.3): those that expired before the previous CRL's thisUpdate.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public PublishedCrl publishShard(int shard) {
    Optional<PublishedCrl> previous = latestShard(shard);
    Instant expiredSince = previous.map(PublishedCrl::thisUpdate).orElse(Instant.EPOCH);
    Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    List<CrlContent.Entry> entries =
        revocations.onCrlShard(shard, expiredSince).stream().map(CrlPublication::entry).toList();
    BigInteger number = numbers.next(PublishedCrl.Issuer.ISSUING_CA);
    CrlContent content =
        new CrlContent(
            authority.issuingCertificate(),
            number,
            thisUpdate,
            thisUpdate.plus(properties.validity()),
            Optional.of(authority.publicationUrls().crl(shard)),
            entries);
    // BR 7.2 via lint before the key signs, as for certificates (BR 4.3.1.2): the CRL signed with
    // a throwaway key is linted, then the issuing key signs the same TBS.
    CrlLint.Scope scope =
        new CrlLint.Scope(
            authority.issuingCertificate(),
            true,
            content.partition(),
            previous.map(p -> BigInteger.valueOf(p.crlNumber())),
            clock.instant());
    X509CRLHolder linted = authority.signCrlForLint(content.unsigned());
    refuseOnLintErrors(linted, scope, "CRL number " + number + " of shard " + shard);
    X509CRLHolder signed = authority.signCrl(content.unsigned());
    if (!Arrays.equals(tbs(signed), tbs(linted))) {
      throw new IllegalStateException("the signed CRL's TBS differs from the linted one; CRL discarded");
    }
    PublishedCrl crl =
        crls.saveAndFlush(
            new PublishedCrl(
                PublishedCrl.Issuer.ISSUING_CA,
                CrlContent.keyIdentifierHex(authority.issuingCertificate()),
                shard,
                number.longValueExact(),
                content.thisUpdate(),
                content.nextUpdate(),
                entries.size(),
                der(signed)));
    log.info("Signed CRL number {} of shard {} with {} entries", number, shard, entries.size());
    return crl;
  }

  /**
   * Signs a new ARL with the root key, recording the use; empty when the root key is not in this
   * keystore (a production root is offline and signs its ARL in a ceremony).
   *
   * @param usedBy who asked, or {@link #SYSTEM}
   * @param why the reason the root key is used, kept with the record
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public Optional<PublishedCrl> publishArl(String usedBy, String why) {
    if (!authority.rootKeyAvailable()) {
      return Optional.empty();
    }
    Optional<PublishedCrl> previous = latestArl();
    Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    BigInteger number = numbers.next(PublishedCrl.Issuer.ROOT_CA);
    // The CA certificates the root signed and the back office recorded as revoked (BR 7.2.2: each
    // with its reason). A CA certificate stays listed after it expires: the ARL is small, and a
    // relying party checking an old chain still learns it was revoked.
    String rootKeyId = CrlContent.keyIdentifierHex(authority.rootCertificate());
    List<CrlContent.Entry> entries =
        rootSigned.findByRootKeyIdAndStatusOrderByIdAsc(rootKeyId, RootSignedCertificate.Status.REVOKED).stream()
            .map(c -> new CrlContent.Entry(
                new BigInteger(c.serial(), 16), c.revokedAt(), c.revocationReason().crlReasonCode()))
            .toList();
    CrlContent content =
        new CrlContent(
            authority.rootCertificate(),
            number,
            thisUpdate,
            thisUpdate.plus(properties.arlValidity()),
            Optional.empty(),
            entries);
    rootKeyUses.saveAndFlush(
        new RootKeyUse(clock.instant(), usedBy, "ARL", "ARL number " + number + ": " + why));
    X509CRLHolder signed =
        authority.signArl(content.unsigned())
            .orElseThrow(() -> new IllegalStateException("the root key went away while signing"));
    // The root key has no throwaway twin here (its type may differ from the issuing key's), so
    // the ARL is linted after signing and before it is stored: a refused ARL is never published.
    refuseOnLintErrors(
        signed,
        new CrlLint.Scope(
            authority.rootCertificate(),
            false,
            Optional.empty(),
            previous.map(p -> BigInteger.valueOf(p.crlNumber())),
            clock.instant()),
        "ARL number " + number);
    byte[] der = der(signed);
    PublishedCrl arl =
        crls.saveAndFlush(
            new PublishedCrl(
                PublishedCrl.Issuer.ROOT_CA,
                rootKeyId,
                null,
                number.longValueExact(),
                content.thisUpdate(),
                content.nextUpdate(),
                entries.size(),
                der));
    log.info("The root key signed ARL number {} with {} entries for {}: {}", number, entries.size(), usedBy, why);
    return Optional.of(arl);
  }

  @Transactional(readOnly = true)
  public Optional<PublishedCrl> latestShard(int shard) {
    return crls.findFirstByIssuerAndIssuerKeyIdAndShardOrderByCrlNumberDesc(
        PublishedCrl.Issuer.ISSUING_CA, CrlContent.keyIdentifierHex(authority.issuingCertificate()), shard);
  }

  @Transactional(readOnly = true)
  public Optional<PublishedCrl> latestArl() {
    return crls.findFirstByIssuerAndIssuerKeyIdOrderByCrlNumberDesc(
        PublishedCrl.Issuer.ROOT_CA, CrlContent.keyIdentifierHex(authority.rootCertificate()));
  }

  /** Whether certificates may name the shard: it is one a certificate was placed on. */
  public boolean shardExists(int shard) {
    return shard >= 0 && shard <= shards.highestShard();
  }

  /** The shards certificates were placed on so far: 0 to this. */
  public int highestShard() {
    return shards.highestShard();
  }

  /** The newest CRLs first, for operators. */
  @Transactional(readOnly = true)
  public List<PublishedCrl> recent(int limit) {
    return crls.findAllByOrderByIdDesc(PageRequest.of(0, limit));
  }

  /** One stored CRL, current or earlier, as it was signed. */
  @Transactional(readOnly = true)
  public Optional<PublishedCrl> byId(long id) {
    return crls.findById(id);
  }

  @Transactional(readOnly = true)
  public List<RootKeyUse> rootKeyUses() {
    return rootKeyUses.findAllByOrderByIdAsc();
  }

  /**
   * A lint error stops publication as a retryable incident: the caller's transaction rolls back
   * (the cRLNumber with it) and the next check signs again once the cause is fixed.
   */
  private static void refuseOnLintErrors(X509CRLHolder crl, CrlLint.Scope scope, String what) {
    List<LintFinding> findings = CrlLint.check(crl, scope);
    if (CrlLint.hasErrors(findings)) {
      throw new IllegalStateException(
          "CRL lint refused " + what + ": "
              + findings.stream().map(LintFinding::toString).collect(Collectors.joining("; ")));
    }
    findings.forEach(f -> log.info("CRL lint finding for {}: {}", what, f));
  }

  private static byte[] tbs(X509CRLHolder crl) {
    try {
      return crl.toASN1Structure().getTBSCertList().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("the CRL's TBS does not encode", e);
    }
  }

  private static CrlContent.Entry entry(CertificateRevocation revocation) {
    return new CrlContent.Entry(
        new BigInteger(revocation.serial(), 16),
        revocation.revokedAt().truncatedTo(ChronoUnit.SECONDS),
        revocation.reason().crlReasonCode());
  }

  private static byte[] der(org.bouncycastle.cert.X509CRLHolder crl) {
    try {
      return crl.getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("the signed CRL does not encode", e);
    }
  }
}
