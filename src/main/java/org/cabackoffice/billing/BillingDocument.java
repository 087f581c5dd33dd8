package org.cabackoffice.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * What one document says, before it is laid out: the four documents of issue 14 differ in their
 * title, facts and notes, not in their form. The issuer and its registration number are added by
 * the layout ({@link DocumentPdf}) from configuration, so no document can lack them.
 *
 * @param number the document's number as printed (the invoice number for invoice, receipt and
 *     delivery note, which refer to one sale)
 * @param recipient who the document is for (書類の交付を受ける事業者): the first line is the name
 * @param facts label and value pairs printed beside the recipient (dates, numbers)
 * @param amountLabel the headline amount's label, e.g. ご請求金額 (税込)
 * @param notes printed below the totals (the transfer account, the payment, terms)
 * @param stamp a word printed across the top, e.g. that an invoice is cancelled; null for none
 */
record BillingDocument(
    Kind kind,
    String number,
    LocalDate issuedOn,
    List<String> recipient,
    List<Fact> facts,
    String amountLabel,
    List<Item> items,
    long subtotalYen,
    int taxPercent,
    long taxYen,
    long totalYen,
    List<String> notes,
    String stamp) {

  enum Kind {
    QUOTE("御見積書", "Quotation", "quote"),
    INVOICE("請求書", "Invoice (qualified invoice / 適格請求書)", "invoice"),
    RECEIPT("領収書", "Receipt", "receipt"),
    DELIVERY_NOTE("納品書", "Delivery note", "delivery-note");

    final String titleJa;
    final String titleEn;
    final String fileName;

    Kind(String titleJa, String titleEn, String fileName) {
      this.titleJa = titleJa;
      this.titleEn = titleEn;
      this.fileName = fileName;
    }
  }

  record Fact(String label, String value) {}

  /** One line of the table: what was sold (役務の内容), how many, at what price excluding tax. */
  record Item(String description, int quantity, long unitPriceYen, long amountYen) {}

  BillingDocument {
    recipient = List.copyOf(recipient);
    facts = List.copyOf(facts);
    items = List.copyOf(items);
    notes = List.copyOf(notes);
  }

  String fileName() {
    return kind.fileName + "-" + number + ".pdf";
  }
}
