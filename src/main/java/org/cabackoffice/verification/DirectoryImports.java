package org.cabackoffice.verification;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.calendar.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills the organization directory from files operations staff import (issue 8 item 15): the
 * vendor's export and the NTA's corporate-number data, matched to entries by 法人番号. An entry a
 * line creates counts as imported, one it changes as updated, one it leaves as it was as
 * unchanged; an unreadable line is an error naming its line while the rest of the file imports,
 * as with bank statements.
 */
@Service
public class DirectoryImports {

  private static final Logger log = LoggerFactory.getLogger(DirectoryImports.class);

  private final OrganizationDirectoryRepository entries;
  private final DirectoryImportRepository imports;
  private final DirectoryChanges changes;
  private final Clock clock;
  private final long maxBytes;

  public DirectoryImports(
      OrganizationDirectoryRepository entries,
      DirectoryImportRepository imports,
      DirectoryChanges changes,
      Clock clock,
      @Value("${backoffice.directory.max-import-bytes:10485760}") long maxBytes) {
    this.entries = entries;
    this.imports = imports;
    this.changes = changes;
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  /**
   * @param source who stands behind a vendor file's listings (e.g. "Teikoku Databank
   *     COSMOSNET"), shown to officers next to the number they call; null for the default
   * @throws DirectoryImportRefused for an empty or oversized file, or one in neither format
   */
  @Transactional
  public DirectoryImport importFile(String fileName, byte[] content, String importedBy, String source) {
    if (content == null || content.length == 0) {
      throw new DirectoryImportRefused("the directory file is empty");
    }
    if (content.length > maxBytes) {
      throw new DirectoryImportRefused(
          "the directory file has " + content.length + " bytes; at most " + maxBytes
              + " are read at once (backoffice.directory.max-import-bytes): split it, or import the"
              + " NTA's daily 差分 files");
    }
    Instant now = clock.instant();
    LocalDate today = now.atZone(BusinessCalendar.ZONE).toLocalDate();
    DirectoryFile file = DirectoryFile.read(content, today);
    String listedBy =
        file.format() == DirectoryImportFormat.NTA
            ? NtaCorporateNumbers.SOURCE
            : (source == null || source.isBlank() ? "directory vendor export" : source.trim());
    String name = fileName == null || fileName.isBlank() ? "(unnamed)" : fileName.trim();
    DirectoryImport run =
        imports.save(
            new DirectoryImport(
                file.format(), truncate(name, 255), sha256(content), content.length,
                truncate(listedBy, 128), importedBy, now));
    file.errors().forEach(e -> run.error(e.line(), e.message()));
    run.skipped(file.skipped());
    String reason = "import " + run.getId() + " of " + run.getFileName();
    for (DirectoryFile.Line line : file.lines()) {
      DirectoryValues values = line.values();
      Optional<OrganizationDirectoryEntry> existing = entries.findByCorporateNumber(values.corporateNumber());
      if (existing.isEmpty()) {
        if (values.nameJa() == null) {
          run.error(line.line(), "法人番号 " + values.corporateNumber() + " is not listed yet and the line names no organization");
          continue;
        }
        OrganizationDirectoryEntry entry = new OrganizationDirectoryEntry(withSource(values, truncate(listedBy, 128)));
        entry.touched(now);
        entries.save(entry);
        changes.record(entry, null, DirectoryChange.Kind.IMPORT, run.getId(), importedBy, reason);
        run.imported();
        continue;
      }
      OrganizationDirectoryEntry entry = existing.get();
      var before = entry.state();
      // The NTA lists no phone: its data keeps the source that names where the phone came from.
      DirectoryValues applied =
          file.format() == DirectoryImportFormat.NTA ? values : withSource(values, truncate(listedBy, 128));
      if (entry.apply(applied)) {
        entry.touched(now);
        changes.record(entry, before, DirectoryChange.Kind.IMPORT, run.getId(), importedBy, reason);
        run.updated();
      } else {
        run.unchanged();
      }
    }
    log.info(
        "directory import {} of {} by {}: {} imported, {} updated, {} unchanged, {} skipped, {} errors",
        run.getId(), run.getFileName(), importedBy, run.getImportedCount(), run.getUpdatedCount(),
        run.getUnchangedCount(), run.getSkippedCount(), run.getErrorCount());
    return run;
  }

  @Transactional(readOnly = true)
  public Optional<DirectoryImport> find(long id) {
    return imports.findById(id).map(run -> {
      run.getErrors();
      return run;
    });
  }

  @Transactional(readOnly = true)
  public List<DirectoryImport> recent() {
    return imports.findTop50ByOrderByIdDesc();
  }

  private static DirectoryValues withSource(DirectoryValues v, String source) {
    return new DirectoryValues(
        v.corporateNumber(), v.nameJa(), v.nameEn(), v.stateOrProvince(), v.locality(), v.country(),
        v.mainPhone(), v.businessCategory(), v.closedOn(), source, v.verifiedOn());
  }

  private static String truncate(String text, int max) {
    return text.length() > max ? text.substring(0, max) : text;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
