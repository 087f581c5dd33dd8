package org.cabackoffice.billing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * Lays a {@link BillingDocument} out on A4 pages with the issuer's block, which carries what the
 * qualified invoice rules (消費税法第57条の4第1項) ask of every invoice: the issuer's name and
 * registration number (1), the date (2), what was sold (3), the amount per tax rate and the rate
 * (4), the tax per rate (5) and the recipient (6). Amounts are whole yen.
 */
@Component
class DocumentPdf {

  private static final float MARGIN = 50;
  private static final float WIDTH = PDRectangle.A4.getWidth();
  private static final float HEIGHT = PDRectangle.A4.getHeight();
  private static final DateTimeFormatter JAPANESE_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.JAPAN);

  private final DocumentFont font;
  private final BillingProperties issuer;

  DocumentPdf(DocumentFont font, BillingProperties issuer) {
    this.font = font;
    this.issuer = issuer;
  }

  static String date(LocalDate date) {
    return date.format(JAPANESE_DATE);
  }

  static String yen(long amount) {
    return "¥" + String.format(Locale.ROOT, "%,d", amount);
  }

  byte[] render(BillingDocument document) {
    try (PDDocument pdf = new PDDocument()) {
      DocumentFont.Loaded loaded = font.loadInto(pdf);
      PDDocumentInformation info = pdf.getDocumentInformation();
      info.setTitle(document.kind().titleJa + " " + document.number());
      info.setAuthor(issuer.issuerName());
      info.setCreator("CA Back Office");
      Calendar created = GregorianCalendar.from(document.issuedOn().atStartOfDay(org.cabackoffice.calendar.BusinessCalendar.ZONE));
      created.setTimeZone(TimeZone.getTimeZone(org.cabackoffice.calendar.BusinessCalendar.ZONE));
      info.setCreationDate(created);
      Writer writer = new Writer(pdf, loaded);
      writer.write(document);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return withTextAsWritten(out.toByteArray(), loaded, writer.shown);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the " + document.kind() + " " + document.number(), e);
    }
  }

  /**
   * Replaces the embedded font's ToUnicode map by one built from the text written. pdfbox maps each
   * glyph back to the lowest code point the font gives it, and IPAex gives many kanji's glyphs to
   * the Kangxi radicals too (行 U+884C and ⾏ U+2F8F share one glyph): a reader, a search or
   * pdftotext would get the radicals, which look alike and match nothing. The subset's character
   * ids are the font's glyph ids, so each glyph maps back to the code point that was written.
   */
  private static byte[] withTextAsWritten(byte[] saved, DocumentFont.Loaded font, Set<Integer> shown) throws IOException {
    Map<Integer, Integer> glyphToCodePoint = new TreeMap<>();
    for (int codePoint : shown) {
      int glyph = font.cmap().getGlyphId(codePoint);
      if (glyph != 0) {
        glyphToCodePoint.putIfAbsent(glyph, codePoint);
      }
    }
    try (PDDocument pdf = Loader.loadPDF(saved)) {
      for (PDPage page : pdf.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          if (page.getResources().getFont(name) instanceof PDType0Font type0) {
            COSStream toUnicode = pdf.getDocument().createCOSStream();
            try (OutputStream out = toUnicode.createOutputStream(COSName.FLATE_DECODE)) {
              out.write(toUnicodeCMap(glyphToCodePoint).getBytes(StandardCharsets.US_ASCII));
            }
            type0.getCOSObject().setItem(COSName.TO_UNICODE, toUnicode);
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    }
  }

  /** A ToUnicode CMap (PDF 32000-1, 9.10.3) of single glyphs, at most 100 per bfchar block. */
  static String toUnicodeCMap(Map<Integer, Integer> glyphToCodePoint) {
    StringBuilder cmap = new StringBuilder();
    cmap.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
        .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
        .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
        .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(glyphToCodePoint.entrySet());
    for (int from = 0; from < entries.size(); from += 100) {
      List<Map.Entry<Integer, Integer>> block = entries.subList(from, Math.min(entries.size(), from + 100));
      cmap.append(block.size()).append(" beginbfchar\n");
      for (Map.Entry<Integer, Integer> entry : block) {
        cmap.append(String.format(Locale.ROOT, "<%04X> <", entry.getKey()));
        for (char unit : Character.toChars(entry.getValue())) {
          cmap.append(String.format(Locale.ROOT, "%04X", (int) unit));
        }
        cmap.append(">\n");
      }
      cmap.append("endbfchar\n");
    }
    cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    return cmap.toString();
  }

  /** One document's pages, written top down; a new page begins when the current one is full. */
  private final class Writer {

    private final Set<Integer> shown = new HashSet<>();
    private final PDDocument pdf;
    private final DocumentFont.Loaded font;
    private PDPageContentStream page;
    private float y;

    Writer(PDDocument pdf, DocumentFont.Loaded font) {
      this.pdf = pdf;
      this.font = font;
    }

    void write(BillingDocument d) throws IOException {
      newPage();
      try {
        centered(d.kind().titleJa, 22, HEIGHT - MARGIN - 10);
        centered(d.kind().titleEn, 9, HEIGHT - MARGIN - 26);
        if (d.stamp() != null) {
          page.setNonStrokingColor(0.75f, 0f, 0f);
          text(d.stamp(), 14, MARGIN, HEIGHT - MARGIN - 10);
          page.setNonStrokingColor(0f, 0f, 0f);
        }
        y = HEIGHT - MARGIN - 60;
        float top = y;
        // The recipient on the left (6), the document's facts and the issuer on the right (1), (2).
        boolean first = true;
        for (String line : d.recipient()) {
          for (String wrapped : wrap(line, first ? 13 : 10, 270)) {
            text(wrapped, first ? 13 : 10, MARGIN, y);
            y -= first ? 18 : 14;
          }
          if (first) {
            page.moveTo(MARGIN, y + 13);
            page.lineTo(MARGIN + 270, y + 13);
            page.stroke();
          }
          first = false;
        }
        float left = y;
        y = top;
        float right = WIDTH - MARGIN - 210;
        for (BillingDocument.Fact fact : d.facts()) {
          text(fact.label(), 9, right, y);
          rightAligned(fact.value(), 9, WIDTH - MARGIN, y);
          y -= 13;
        }
        y -= 8;
        for (String line : wrap(issuer.issuerName(), 11, 210)) {
          text(line, 11, right, y);
          y -= 15;
        }
        for (String line : wrap(issuer.issuerAddress(), 9, 210)) {
          text(line, 9, right, y);
          y -= 12;
        }
        text("登録番号 " + issuer.registrationNumber(), 9, right, y);
        y = Math.min(left, y) - 30;

        // The headline amount, tax included.
        text(d.amountLabel(), 12, MARGIN, y);
        rightAligned(yen(d.totalYen()) + " (税込)", 16, MARGIN + 330, y);
        page.moveTo(MARGIN, y - 5);
        page.lineTo(MARGIN + 330, y - 5);
        page.stroke();
        y -= 35;

        // What was sold (3), amounts excluding tax.
        float qty = WIDTH - MARGIN - 200;
        float unit = WIDTH - MARGIN - 100;
        float amount = WIDTH - MARGIN;
        page.setNonStrokingColor(0.9f, 0.9f, 0.9f);
        page.addRect(MARGIN, y - 5, WIDTH - 2 * MARGIN, 18);
        page.fill();
        page.setNonStrokingColor(0f, 0f, 0f);
        text("品目 (Item)", 9, MARGIN + 4, y);
        rightAligned("数量", 9, qty, y);
        rightAligned("単価 (税抜)", 9, unit, y);
        rightAligned("金額 (税抜)", 9, amount - 4, y);
        y -= 20;
        for (BillingDocument.Item item : d.items()) {
          List<String> lines = wrap(item.description(), 10, qty - MARGIN - 50);
          needs(14 * lines.size() + 10);
          rightAligned(String.valueOf(item.quantity()), 10, qty, y);
          rightAligned(yen(item.unitPriceYen()), 10, unit, y);
          rightAligned(yen(item.amountYen()), 10, amount - 4, y);
          for (String line : lines) {
            text(line, 10, MARGIN + 4, y);
            y -= 14;
          }
          page.setStrokingColor(0.8f, 0.8f, 0.8f);
          page.moveTo(MARGIN, y + 9);
          page.lineTo(WIDTH - MARGIN, y + 9);
          page.stroke();
          page.setStrokingColor(0f, 0f, 0f);
          y -= 4;
        }

        // Amount and tax per rate (4), (5): one rate, the tax computed once on its total.
        needs(80);
        y -= 6;
        float label = WIDTH - MARGIN - 250;
        total("小計 (税抜)", yen(d.subtotalYen()), label, amount - 4, 10);
        total(d.taxPercent() + "%対象 (税抜)", yen(d.subtotalYen()), label, amount - 4, 10);
        total("消費税 (" + d.taxPercent() + "%)", yen(d.taxYen()), label, amount - 4, 10);
        total("合計 (税込)", yen(d.totalYen()), label, amount - 4, 12);
        y -= 16;

        for (String note : d.notes()) {
          for (String line : wrap(note, 9, WIDTH - 2 * MARGIN)) {
            needs(14);
            text(line, 9, MARGIN, y);
            y -= 13;
          }
        }
      } finally {
        page.close();
      }
    }

    private void total(String label, String value, float labelX, float valueX, float size) throws IOException {
      text(label, size, labelX, y);
      rightAligned(value, size, valueX, y);
      y -= size + 6;
    }

    private void needs(float height) throws IOException {
      if (y - height < MARGIN) {
        page.close();
        newPage();
        y = HEIGHT - MARGIN;
      }
    }

    private void newPage() throws IOException {
      PDPage next = new PDPage(PDRectangle.A4);
      pdf.addPage(next);
      page = new PDPageContentStream(pdf, next);
      page.setLineWidth(0.6f);
    }

    private void text(String text, float size, float x, float baseline) throws IOException {
      page.beginText();
      page.setFont(font.pdf(), size);
      page.newLineAtOffset(x, baseline);
      String printable = font.printable(text);
      printable.codePoints().forEach(shown::add);
      page.showText(printable);
      page.endText();
    }

    private void centered(String text, float size, float baseline) throws IOException {
      text(text, size, (WIDTH - width(text, size)) / 2, baseline);
    }

    private void rightAligned(String text, float size, float right, float baseline) throws IOException {
      text(text, size, right - width(text, size), baseline);
    }

    private float width(String text, float size) throws IOException {
      PDType0Font pdfFont = font.pdf();
      return pdfFont.getStringWidth(font.printable(text)) / 1000 * size;
    }

    /** Breaks a line at the last space that fits, or anywhere in Japanese text without spaces. */
    private List<String> wrap(String text, float size, float width) throws IOException {
      List<String> lines = new ArrayList<>();
      String rest = font.printable(text);
      while (width(rest, size) > width) {
        int cut = rest.length();
        while (cut > 1 && width(rest.substring(0, cut), size) > width) {
          cut = rest.offsetByCodePoints(cut, -1);
        }
        int space = rest.lastIndexOf(' ', cut);
        int at = space > cut / 2 ? space : cut;
        lines.add(rest.substring(0, at).stripTrailing());
        rest = rest.substring(at).stripLeading();
      }
      lines.add(rest);
      return lines;
    }
  }
}
