package org.cabackoffice.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The documents' text as a reader (and a tax auditor's tool) gets it back, and the page as a
 * person sees it: every document is extracted again with pdfbox and one page of each is rendered
 * to target/billing-documents/*.png for a look.
 */
class DocumentPdfTest {

  static final BillingProperties ISSUER =
      new BillingProperties("シーエーバックオフィス株式会社", "T1234567890123", "東京都千代田区丸の内一丁目1番1号", null, null);

  @BeforeAll
  static void fontInstalled() {
    // .ci/run installs fonts-ipaexfont; the font-missing answer is tested below without it.
    assumeTrue(Files.isReadable(BillingProperties.DEBIAN_IPAEX_GOTHIC), "Debian's fonts-ipaexfont is installed");
  }

  private final DocumentPdf pdf = new DocumentPdf(new DocumentFont(ISSUER), ISSUER);

  static BillingDocument invoice(String stamp, List<BillingDocument.Item> items) {
    return new BillingDocument(
        BillingDocument.Kind.INVOICE,
        "000042",
        LocalDate.of(2026, 12, 7),
        List.of("サンプル株式会社 御中", "Sample K.K.", "ご担当: 技術 太郎 様", "web-admin@sample.co.jp"),
        List.of(
            new BillingDocument.Fact("請求書番号", "000042"),
            new BillingDocument.Fact("発行日", DocumentPdf.date(LocalDate.of(2026, 12, 7))),
            new BillingDocument.Fact("お支払期限", DocumentPdf.date(LocalDate.of(2026, 12, 21)))),
        "ご請求金額",
        items,
        179_000,
        10,
        17_900,
        196_900,
        List.of("お振込先 (お客様専用の振込口座): 開発銀行 バーチャル支店 (支店番号 999) 普通預金 0000018 口座名義 シーエーバックオフィス"),
        stamp);
  }

  static final List<BillingDocument.Item> ITEMS =
      List.of(
          new BillingDocument.Item("グローバル・サーバ ID (Global Server ID) 新規 www.sample.co.jp", 1, 149_000, 149_000),
          new BillingDocument.Item("エクスプレスサービス (Express issuance, same business day)", 1, 30_000, 30_000));

  @Test
  void theInvoiceCarriesWhatTheQualifiedInvoiceRulesAskForInAnEmbeddedJapaneseFont() throws Exception {
    byte[] bytes = pdf.render(invoice(null, ITEMS));

    try (PDDocument document = Loader.loadPDF(bytes)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains("請求書")
          .contains("シーエーバックオフィス株式会社")
          .contains("登録番号 T1234567890123")
          .contains("発行日", "2026年12月7日")
          .contains("グローバル・サーバ ID")
          .contains("エクスプレスサービス")
          .contains("10%対象 (税抜)", "¥179,000")
          .contains("消費税 (10%)", "¥17,900")
          .contains("合計 (税込)", "¥196,900")
          .contains("サンプル株式会社 御中")
          .contains("普通預金 0000018")
          .contains("お支払期限", "2026年12月21日");
      PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.isEmbedded()).isTrue();
      // A subset: the six-letter tag pdfbox gives the glyphs it embedded.
      assertThat(font.getName()).matches("[A-Z]{6}\\+IPAexGothic");
      assertThat(bytes.length).as("a subset, not the 6 MB font").isLessThan(200_000);
      png(document, "invoice");
    }
  }

  @Test
  void everyKindRendersAndACancelledInvoiceSaysSoAndKeepsItsNumber() throws Exception {
    byte[] bytes = pdf.render(invoice("取消 (CANCELLED)", ITEMS));
    try (PDDocument document = Loader.loadPDF(bytes)) {
      assertThat(new PDFTextStripper().getText(document)).contains("取消 (CANCELLED)", "000042");
      png(document, "invoice-cancelled");
    }
    for (BillingDocument.Kind kind : List.of(BillingDocument.Kind.QUOTE, BillingDocument.Kind.RECEIPT, BillingDocument.Kind.DELIVERY_NOTE)) {
      BillingDocument d = invoice(null, ITEMS);
      BillingDocument other =
          new BillingDocument(kind, d.number(), d.issuedOn(), d.recipient(), d.facts(), d.amountLabel(), d.items(),
              d.subtotalYen(), d.taxPercent(), d.taxYen(), d.totalYen(), d.notes(), null);
      try (PDDocument document = Loader.loadPDF(pdf.render(other))) {
        assertThat(new PDFTextStripper().getText(document)).contains(kind.titleJa, "登録番号 T1234567890123");
        png(document, kind.fileName);
      }
    }
  }

  @Test
  void manyItemsGoOnToASecondPageAndCharactersTheFontLacksDoNotFailTheDocument() throws Exception {
    List<BillingDocument.Item> items = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      items.add(new BillingDocument.Item("セキュア・サーバ ID 😀 item " + i, 1, 81_000, 81_000));
    }
    try (PDDocument document = Loader.loadPDF(pdf.render(invoice(null, items)))) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("item 59", "合計 (税込)").doesNotContain("😀");
    }
  }

  @Test
  void withoutTheFontTheDocumentsSayWhatToInstall() {
    BillingProperties nowhere =
        new BillingProperties(null, null, null, Path.of("/nonexistent/ipaexg.ttf"), null);
    DocumentFont missing = new DocumentFont(nowhere);

    assertThat(missing.available()).isFalse();
    assertThat(missing.problem()).contains("/nonexistent/ipaexg.ttf", "fonts-ipaexfont", "backoffice.billing.font-path");
    assertThatThrownBy(() -> new DocumentPdf(missing, nowhere).render(invoice(null, ITEMS)))
        .isInstanceOf(DocumentsUnavailable.class)
        .hasMessageContaining("fonts-ipaexfont");
  }

  @Test
  void aFontWithoutJapaneseGlyphsIsRefusedAtStart() {
    Path latin = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    assumeTrue(Files.isReadable(latin));
    DocumentFont font = new DocumentFont(new BillingProperties(null, null, null, latin, null));
    assertThat(font.available()).isFalse();
    assertThat(font.problem()).contains("no glyphs for");
  }

  @Test
  void theRegistrationNumberIsTAndThirteenDigits() {
    assertThatThrownBy(() -> new BillingProperties(null, "1234567890123", null, null, null))
        .hasMessageContaining("T and 13 digits");
    assertThatThrownBy(() -> new BillingProperties(null, "T123", null, null, null))
        .hasMessageContaining("registration-number");
  }

  static void png(PDDocument document, String name) throws Exception {
    BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
    Path dir = Path.of("target", "billing-documents");
    Files.createDirectories(dir);
    ImageIO.write(page, "png", dir.resolve(name + ".png").toFile());
    // Not blank: the renderer drew the embedded glyphs.
    int dark = 0;
    for (int x = 0; x < page.getWidth(); x += 3) {
      for (int y = 0; y < page.getHeight(); y += 3) {
        if ((page.getRGB(x, y) & 0xff) < 128) {
          dark++;
        }
      }
    }
    assertThat(dark).as("dark pixels on the rendered page").isGreaterThan(500);
  }
}
