package org.cabackoffice.billing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Japanese font every document embeds. PDF viewers have no Japanese font they must carry, so
 * a document that only named one would show boxes; the font is embedded as a subset of the glyphs
 * used. The font file is configuration ({@link BillingProperties#fontPath()}), read once at start:
 * a machine without it runs everything else, logs once what to install, and the documents answer
 * {@link DocumentsUnavailable} (503) with the same words.
 *
 * <p>No font with Japanese glyphs is published on Maven Central as a plain TrueType file a jar
 * could carry, so the font comes from the machine (Debian's fonts-ipaexfont, IPA Font License).
 */
@Component
public class DocumentFont {

  private static final Logger log = LoggerFactory.getLogger(DocumentFont.class);

  /** Characters every document prints: a font without them is not a Japanese font. */
  static final String REQUIRED = "請求書領収納品見積円税込登録番号¥";

  private final Path path;
  private final byte[] bytes;
  private final String unusable;

  public DocumentFont(BillingProperties properties) {
    this.path = properties.fontPath();
    byte[] read = null;
    String problem = null;
    try {
      read = Files.readAllBytes(path);
      problem = missingGlyphs(read);
    } catch (IOException e) {
      problem = "the font file " + path + " cannot be read (" + e.getClass().getSimpleName() + ")";
    }
    if (problem != null) {
      read = null;
      problem =
          problem
              + "; install Debian's fonts-ipaexfont or set backoffice.billing.font-path to a TrueType"
              + " font with Japanese glyphs";
      log.warn("PDF documents (invoice, quote, receipt, delivery note) are unavailable: {}", problem);
    }
    this.bytes = read;
    this.unusable = problem;
  }

  /** Whether documents can be made; if not, {@link #problem()} says why. */
  public boolean available() {
    return bytes != null;
  }

  public String problem() {
    return unusable;
  }

  /**
   * The font for one document, parsed from the bytes read at start: a parsed font holds state per
   * document (the subset), so documents made at once never share one.
   */
  Loaded loadInto(PDDocument document) throws IOException {
    if (bytes == null) {
      throw new DocumentsUnavailable(unusable);
    }
    TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    return new Loaded(PDType0Font.load(document, font, true), font.getUnicodeCmapLookup());
  }

  /** The embedded font and what it can draw: text it cannot is shown as '?' instead of failing. */
  record Loaded(PDType0Font pdf, CmapLookup cmap) {

    String printable(String text) {
      StringBuilder out = new StringBuilder();
      text.codePoints()
          .map(c -> Character.isISOControl(c) ? ' ' : c)
          .map(c -> c == ' ' || cmap.getGlyphId(c) != 0 ? c : '?')
          .forEach(out::appendCodePoint);
      return out.toString();
    }
  }

  private static String missingGlyphs(byte[] candidate) {
    try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(candidate))) {
      var cmap = font.getUnicodeCmapLookup();
      StringBuilder missing = new StringBuilder();
      REQUIRED.codePoints()
          .filter(c -> cmap.getGlyphId(c) == 0)
          .forEach(missing::appendCodePoint);
      return missing.isEmpty() ? null : "the font has no glyphs for " + missing;
    } catch (IOException | RuntimeException e) {
      return "the font file is no TrueType font pdfbox can embed (" + e.getClass().getSimpleName() + ")";
    }
  }
}
