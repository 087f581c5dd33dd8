package org.cabackoffice.crl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CRLs at the URLs certificates name (BR 7.1.2.11.2): public, over plain HTTP, DER with the
 * RFC 2585 media type. Every node serves the newest stored CRL, so all answer the same bytes.
 */
@RestController
class CrlController {

  static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");
  /** Caches keep a CRL no longer than this, so a new one reaches relying parties soon. */
  static final Duration MAX_AGE = Duration.ofHours(1);

  private final CrlPublication publication;
  private final Clock clock;

  CrlController(CrlPublication publication, Clock clock) {
    this.publication = publication;
    this.clock = clock;
  }

  @GetMapping("/crl/issuing-ca/{shard}.crl")
  @PreAuthorize("permitAll()")
  public ResponseEntity<byte[]> shard(@PathVariable String shard) {
    if (!shard.matches("\\d{1,9}") || !publication.shardExists(Integer.parseInt(shard))) {
      return ResponseEntity.notFound().build();
    }
    int number = Integer.parseInt(shard);
    // A shard opened since the last check has no CRL yet; its first certificate names it already.
    PublishedCrl crl = publication.latestShard(number).orElseGet(() -> publication.publishShard(number));
    return served(crl);
  }

  @GetMapping("/crl/root-ca.crl")
  @PreAuthorize("permitAll()")
  public ResponseEntity<byte[]> arl() {
    Optional<PublishedCrl> arl = publication.latestArl();
    return arl.map(this::served).orElseGet(() -> ResponseEntity.notFound().build());
  }

  private ResponseEntity<byte[]> served(PublishedCrl crl) {
    Instant now = clock.instant();
    Duration remaining = Duration.between(now, crl.nextUpdate());
    Duration maxAge = remaining.isNegative() ? Duration.ZERO : remaining.compareTo(MAX_AGE) < 0 ? remaining : MAX_AGE;
    return ResponseEntity.ok()
        .contentType(PKIX_CRL)
        .cacheControl(CacheControl.maxAge(maxAge).cachePublic())
        .lastModified(crl.thisUpdate())
        .eTag("\"" + crl.issuer().name().toLowerCase(java.util.Locale.ROOT) + "-" + crl.crlNumber() + "\"")
        .header("Expires", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            crl.nextUpdate().atZone(java.time.ZoneOffset.UTC)))
        .body(crl.der());
  }
}
