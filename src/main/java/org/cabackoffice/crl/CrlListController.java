package org.cabackoffice.crl;

import java.time.Instant;
import java.util.List;
import org.cabackoffice.access.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The CRLs signed, newest first, for operations and auditors (BR 4.9.7: were they on time?). */
@RestController
class CrlListController {

  static final int MAX_LIMIT = 1000;

  private final CrlPublication publication;

  CrlListController(CrlPublication publication) {
    this.publication = publication;
  }

  /**
   * One CRL as listed.
   *
   * @param issuer ISSUING_CA (a shard of the subscribers' CRL) or ROOT_CA (the ARL)
   * @param shard the shard; absent for the ARL
   * @param sizeBytes the DER size
   */
  record CrlView(
      String issuer,
      Integer shard,
      long crlNumber,
      Instant thisUpdate,
      Instant nextUpdate,
      int entries,
      int sizeBytes) {}

  @GetMapping("/api/crls")
  @PreAuthorize("hasAnyRole('" + Roles.OPERATIONS + "', '" + Roles.AUDITOR + "', '" + Roles.ADMIN + "')")
  public List<CrlView> crls(@RequestParam(defaultValue = "100") int limit) {
    int bounded = Math.max(1, Math.min(limit, MAX_LIMIT));
    return publication.recent(bounded).stream()
        .map(
            c ->
                new CrlView(
                    c.issuer().name(),
                    c.shard(),
                    c.crlNumber(),
                    c.thisUpdate(),
                    c.nextUpdate(),
                    c.entries(),
                    c.sizeBytes()))
        .toList();
  }
}
