package org.cabackoffice.crl;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
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
  private final CrlNumbers numbers;
  private final CrlProperties properties;
  private final Clock clock;

  public CrlPublication(
      CertificateAuthority authority,
      CertificateRevocations revocations,
      CountedCrlShards shards,
      PublishedCrlRepository crls,
      RootKeyUseRepository rootKeyUses,
      CrlNumbers numbers,
      CrlProperties properties,
      Clock clock) {
    this.authority = authority;
    this.revocations = revocations;
    this.shards = shards;
    this.crls = crls;
    this.rootKeyUses = rootKeyUses;
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
    Instant expiredSince =
        latestShard(shard).map(PublishedCrl::thisUpdate).orElse(Instant.EPOCH);
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
                der(authority.signCrl(content.unsigned()))));
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
    Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    BigInteger number = numbers.next(PublishedCrl.Issuer.ROOT_CA);
    // The CA certificates the root signed are the issuing CA's; none is revoked here (revoking
    // an intermediate is a ceremony outside the back office), so the ARL has no entries.
    CrlContent content =
        new CrlContent(
            authority.rootCertificate(),
            number,
            thisUpdate,
            thisUpdate.plus(properties.arlValidity()),
            Optional.empty(),
            List.of());
    rootKeyUses.saveAndFlush(
        new RootKeyUse(clock.instant(), usedBy, "ARL", "ARL number " + number + ": " + why));
    byte[] der =
        der(authority.signArl(content.unsigned())
            .orElseThrow(() -> new IllegalStateException("the root key went away while signing")));
    PublishedCrl arl =
        crls.saveAndFlush(
            new PublishedCrl(
                PublishedCrl.Issuer.ROOT_CA,
                CrlContent.keyIdentifierHex(authority.rootCertificate()),
                null,
                number.longValueExact(),
                content.thisUpdate(),
                content.nextUpdate(),
                0,
                der));
    log.info("The root key signed ARL number {} for {}: {}", number, usedBy, why);
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

  @Transactional(readOnly = true)
  public List<RootKeyUse> rootKeyUses() {
    return rootKeyUses.findAllByOrderByIdAsc();
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
