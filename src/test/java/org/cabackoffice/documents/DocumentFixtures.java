package org.cabackoffice.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Entities of this package for tests elsewhere, which cannot reach the package's constructors. */
public final class DocumentFixtures {

  private DocumentFixtures() {}

  public static DocumentRequest request(
      long applicationId, DocumentKind kind, String note, Instant requestedAt, Instant expiresAt) {
    return new DocumentRequest(
        DocumentSubject.application(applicationId), kind, note, UploadTokens.next(), "tech@example.jp", requestedAt, expiresAt);
  }

  public static UploadedDocument upload(long requestId, byte[] content, Instant uploadedAt) {
    return new UploadedDocument(
        requestId, "登記事項証明書.pdf", "application/pdf", content, "0".repeat(64), uploadedAt);
  }

  /** A PDF PDFBox opens, with {@code pages} blank pages. */
  public static byte[] pdf(int pages) {
    return pdf(pages, null);
  }

  /** A PDF protected with a user password (or an empty one, when only the owner's is set). */
  public static byte[] encryptedPdf(String userPassword) {
    return pdf(1, userPassword);
  }

  private static byte[] pdf(int pages, String userPassword) {
    try (PDDocument document = new PDDocument()) {
      for (int i = 0; i < pages; i++) {
        document.addPage(new PDPage());
      }
      if (userPassword != null) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        document.protect(policy);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
