package org.cabackoffice.documents;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Whether an upload is a PDF an officer can read: PDFBox opens it without a password and finds a
 * first page. The {@code %PDF-} prefix alone (ISO 32000-1, 7.5.2) let any file through that
 * started with it (issue 7, item 14). An encrypted PDF is refused even when it opens: it may
 * forbid printing or copying, and the record must stay readable for as long as it is kept (BR
 * 5.4.3).
 */
final class PdfDocumentCheck {

  private PdfDocumentCheck() {}

  /**
   * @param maxScratchBytes what PDFBox may hold besides the file itself (decoded streams), in main
   *     memory only: the size cap of an upload, so a small file that inflates cannot exhaust the heap
   * @throws DocumentRefused why the file is no readable PDF
   */
  static void check(byte[] content, long maxScratchBytes) {
    // RandomAccessReadBuffer reads the array in place; no copy and no temporary file.
    try (PDDocument document =
        Loader.loadPDF(
            new RandomAccessReadBuffer(content),
            "",
            MemoryUsageSetting.setupMainMemoryOnly(maxScratchBytes).streamCache)) {
      if (document.isEncrypted()) {
        throw new DocumentRefused(DocumentRefused.Reason.PDF_ENCRYPTED);
      }
      if (document.getNumberOfPages() < 1) {
        throw new DocumentRefused(DocumentRefused.Reason.PDF_WITHOUT_PAGES);
      }
      document.getPage(0).getMediaBox();
    } catch (InvalidPasswordException e) {
      throw new DocumentRefused(DocumentRefused.Reason.PDF_ENCRYPTED);
    } catch (DocumentRefused e) {
      throw e;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // The uploader's file, not our fault: a 400 with the reason. A PDF nested deep enough to
      // exhaust the parser's stack is no more readable than a truncated one; the stack unwinds
      // to here, where nothing else was in progress.
      throw new DocumentRefused(DocumentRefused.Reason.PDF_UNREADABLE);
    }
  }
}
