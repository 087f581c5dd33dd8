package org.cabackoffice.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cabackoffice.payment.PaymentProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An ACME contract's qualified invoice (issue 15) as the customer reads it: the number from the
 * applications' series, the year's units as the line, the transfer account, and paid or not.
 */
class ContractInvoiceTest {

  @BeforeAll
  static void fontInstalled() {
    assumeTrue(Files.isReadable(BillingProperties.DEBIAN_IPAEX_GOTHIC), "Debian's fonts-ipaexfont is installed");
  }

  private final BillingDocuments documents =
      new BillingDocuments(null, null, null, new PaymentProperties(null, null, null, null, null, null, null, null),
          DocumentPdfTest.ISSUER, new DocumentPdf(new DocumentFont(DocumentPdfTest.ISSUER), DocumentPdfTest.ISSUER),
          Clock.systemUTC());

  private static BillingDocuments.ContractBill bill(LocalDate paidOn) {
    return new BillingDocuments.ContractBill(78L, 124L, LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 20),
        List.of("Sample K.K. 御中", "Hanako Web 様", "web@sample.co.jp"), "GLOBAL_SERVER_ID", "証明書 (1 注文 1 件)", 10,
        149_000L, 1_490_000L, 10, 149_000L, 1_639_000L, LocalDate.of(2026, 12, 6), LocalDate.of(2027, 12, 5), "0000018",
        paidOn);
  }

  @Test
  void anUnpaidContractInvoiceNamesTheTermTheUnitsAndWhereToTransfer() throws Exception {
    BillingDocuments.Made made = documents.contractInvoice(bill(null));

    assertThat(made.fileName()).isEqualTo("invoice-000124.pdf");
    try (PDDocument document = Loader.loadPDF(made.pdf())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains("請求書", "000124")
          .contains("登録番号 T1234567890123")
          .contains("契約番号 (ACME)", "78")
          .contains("2026年12月6日 – 2027年12月5日")
          .contains("自動更新", "年間契約 証明書")
          .contains("¥1,490,000", "¥149,000", "¥1,639,000")
          .contains("普通預金 0000018")
          .contains("Sample K.K. 御中");
    }
  }

  @Test
  void aPaidContractInvoiceSaysThePaymentArrived() throws Exception {
    try (PDDocument document = Loader.loadPDF(documents.contractInvoice(bill(LocalDate.of(2026, 12, 10))).pdf())) {
      assertThat(new PDFTextStripper().getText(document)).contains("ご入金を確認しました (2026年12月10日)")
          .doesNotContain("までに請求金額");
    }
  }
}
