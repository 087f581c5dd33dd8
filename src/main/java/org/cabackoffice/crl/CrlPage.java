package org.cabackoffice.crl;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.pages.Pages;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff page of the CRLs (issue 9): per shard the CRL relying parties get now, with its number
 * and validity (BR 4.9.7: a new one at least every 4 days, nextUpdate at most 10 days on; a
 * nextUpdate already passed is flagged), the root's ARL, and the CRLs signed recently, each
 * downloadable as signed (DER), so an officer answering a relying party sees what it saw.
 */
@RestController
class CrlPage {

  static final String PATH = "/team/crls";
  static final int RECENT = 50;
  /** More shards than a page can usefully show; the API and the public URLs serve the rest. */
  static final int MAX_SHARDS_SHOWN = 200;

  private final CrlPublication publication;
  private final Pages pages;
  private final Clock clock;

  CrlPage(CrlPublication publication, Pages pages, Clock clock) {
    this.publication = publication;
    this.pages = pages;
    this.clock = clock;
  }

  @GetMapping(PATH)
  @PreAuthorize("hasAnyRole('OFFICER', 'SENIOR_OFFICER', 'AUDITOR', 'OPERATIONS', 'ADMIN')")
  public ResponseEntity<String> list(HttpServletRequest request) {
    Instant now = clock.instant();
    List<Map<String, Object>> current = new ArrayList<>();
    int highest = Math.min(publication.highestShard(), MAX_SHARDS_SHOWN - 1);
    for (int shard = 0; shard <= highest; shard++) {
      int number = shard;
      Optional<PublishedCrl> latest = publication.latestShard(shard);
      current.add(row(latest.orElse(null), "/crl/issuing-ca/" + number + ".crl", number, now));
    }
    Optional<PublishedCrl> arl = publication.latestArl();
    Map<String, Object> model = new HashMap<>();
    model.put("current", current);
    model.put("moreShards", publication.highestShard() >= MAX_SHARDS_SHOWN);
    model.put("arl", arl.map(a -> row(a, "/crl/root-ca.crl", null, now)).orElse(null));
    model.put(
        "recent",
        publication.recent(RECENT).stream().map(c -> row(c, PATH + "/" + c.id() + ".crl", c.shard(), now)).toList());
    model.put("path", PATH);
    return ResponseEntity.ok()
        .contentType(Pages.HTML)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .body(pages.render("crl/crls", request, model));
  }

  /** One stored CRL as it was signed, the current one or an earlier one. */
  @GetMapping(PATH + "/{id}.crl")
  @PreAuthorize("hasAnyRole('OFFICER', 'SENIOR_OFFICER', 'AUDITOR', 'OPERATIONS', 'ADMIN')")
  public ResponseEntity<byte[]> download(@PathVariable String id) {
    Optional<PublishedCrl> crl = id.matches("\\d{1,18}") ? publication.byId(Long.parseLong(id)) : Optional.empty();
    if (crl.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    PublishedCrl c = crl.get();
    String name =
        (c.issuer() == PublishedCrl.Issuer.ROOT_CA ? "root-ca" : "issuing-ca-" + c.shard()) + "-" + c.crlNumber() + ".crl";
    return ResponseEntity.ok()
        .contentType(CrlController.PKIX_CRL)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(c.der());
  }

  private static Map<String, Object> row(PublishedCrl crl, String download, Integer shard, Instant now) {
    Map<String, Object> row = new HashMap<>();
    row.put("shard", shard);
    row.put("download", download);
    row.put("signed", crl != null);
    if (crl != null) {
      row.put("issuer", crl.issuer().name());
      row.put("number", crl.crlNumber());
      row.put("thisUpdate", BusinessCalendar.shown(crl.thisUpdate()));
      row.put("nextUpdate", BusinessCalendar.shown(crl.nextUpdate()));
      row.put("overdue", !crl.nextUpdate().isAfter(now));
      row.put("entries", crl.entries());
      row.put("sizeBytes", crl.sizeBytes());
    }
    return row;
  }
}
