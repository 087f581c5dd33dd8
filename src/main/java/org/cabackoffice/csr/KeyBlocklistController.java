package org.cabackoffice.csr;

import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.cabackoffice.input.PlainText;
import org.cabackoffice.input.SingleLine;
import org.cabackoffice.access.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/key-blocklist}: officers list keys reported as compromised (BR 4.9.1.1), so that no
 * request with such a key is accepted again (BR 6.1.1.3); auditors read the list.
 *
 * <p>{@code POST} takes JSON with a {@code reason} and exactly one of {@code spkiSha256} (64 hex
 * digits, colons allowed) or {@code pem} (a PUBLIC KEY, CERTIFICATE REQUEST or CERTIFICATE).
 */
@RestController
@RequestMapping("/api/key-blocklist")
public class KeyBlocklistController {

  private final BlockedKeys blockedKeys;

  public KeyBlocklistController(BlockedKeys blockedKeys) {
    this.blockedKeys = blockedKeys;
  }

  /** The key as a fingerprint or as PEM, and why it is compromised. */
  public record Entry(@SingleLine String spkiSha256, @PlainText String pem, @PlainText String reason) {}

  public record EntryView(
      long id, String spkiSha256, String reason, String addedBy, Instant addedAt) {

    static EntryView of(BlockedKey key) {
      return new EntryView(
          key.id(), key.spkiSha256(), key.reason(), key.addedBy(), key.addedAt());
    }
  }

  @PostMapping(
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('" + Roles.OFFICER + "', '" + Roles.SENIOR_OFFICER + "')")
  public ResponseEntity<EntryView> add(
      @Valid @RequestBody(required = false) Entry entry, Principal officer) {
    if (entry == null) {
      throw new BlocklistEntryInvalidException(
          "key-blocklist.body-missing",
          "send JSON with reason and either spkiSha256 or pem");
    }
    boolean hasFingerprint = entry.spkiSha256() != null && !entry.spkiSha256().isBlank();
    boolean hasPem = entry.pem() != null && !entry.pem().isBlank();
    if (hasFingerprint == hasPem) {
      throw new BlocklistEntryInvalidException(
          "key-blocklist.key-missing",
          hasPem
              ? "give either spkiSha256 or pem, not both"
              : "name the key: spkiSha256 (hex SHA-256 of the SubjectPublicKeyInfo) or pem");
    }
    String fingerprint =
        hasFingerprint
            ? SpkiFingerprint.ofHex(entry.spkiSha256())
            : SpkiFingerprint.ofPem(entry.pem());
    BlockedKey added = blockedKeys.add(fingerprint, entry.reason(), officer.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(EntryView.of(added));
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(
      "hasAnyRole('" + Roles.OFFICER + "', '" + Roles.SENIOR_OFFICER + "', '" + Roles.AUDITOR + "')")
  public List<EntryView> list() {
    return blockedKeys.all().stream().map(EntryView::of).toList();
  }

  @ExceptionHandler(BlocklistEntryInvalidException.class)
  public ProblemDetail invalid(BlocklistEntryInvalidException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid blocklist entry");
    problem.setProperty("code", e.code());
    return problem;
  }

  /** The first entry and its reason stay; listing a key twice is a conflict, not an update. */
  @ExceptionHandler(KeyAlreadyBlockedException.class)
  public ProblemDetail duplicate(KeyAlreadyBlockedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Key already on the blocklist");
    problem.setProperty("code", "key-blocklist.duplicate");
    problem.setProperty("spkiSha256", e.spkiSha256());
    return problem;
  }
}
