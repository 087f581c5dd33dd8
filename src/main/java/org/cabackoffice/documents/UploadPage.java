package org.cabackoffice.documents;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import org.cabackoffice.calendar.BusinessCalendar;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The plain HTML pages of the public upload link, in Japanese then English like the mails. No
 * template engine: three small pages, every value from the database or the uploader escaped.
 */
final class UploadPage {

  private UploadPage() {}

  static String form(DocumentRequest request, long maxUploadBytes, CsrfToken csrf) {
    String expires = BusinessCalendar.shown(request.getExpiresAt());
    String csrfField =
        csrf == null
            ? ""
            : "<input type=\"hidden\" name=\"" + htmlEscape(csrf.getParameterName())
                + "\" value=\"" + htmlEscape(csrf.getToken()) + "\">\n";
    String uploaded =
        request.getStatus() == DocumentRequestStatus.UPLOADED
            ? "<p>ファイルはすでに受け付けています。追加のファイルもアップロードできます。<br>"
                + "We have received your file; you may upload more files.</p>\n"
            : "";
    long megabytes = maxUploadBytes / (1024 * 1024);
    return page(
        request.getKind().japaneseName() + "のご提出 / Upload your " + request.getKind().englishName(),
        "<p>申請番号 / Application: " + request.getApplicationId() + "</p>\n"
            + "<h2>ご提出いただく書類 / What we need</h2>\n"
            + "<blockquote style=\"white-space: pre-wrap\">" + htmlEscape(request.getNote()) + "</blockquote>\n"
            + uploaded
            + "<p>PDF ファイル (" + megabytes + " MB 以下) を選択してアップロードしてください。"
            + "有効期限: " + htmlEscape(expires) + "<br>\n"
            + "Please choose a PDF file (at most " + megabytes + " MB) and upload it. "
            + "This link is valid until " + htmlEscape(expires) + ".</p>\n"
            + "<form method=\"post\" enctype=\"multipart/form-data\">\n"
            + csrfField
            + "<input type=\"file\" name=\"file\" accept=\"application/pdf,.pdf\" required>\n"
            + "<button type=\"submit\">アップロード / Upload</button>\n"
            + "</form>\n");
  }

  static String received(DocumentUploads.UploadReceipt receipt) {
    return page(
        "受け付けました / Received",
        "<p>ファイル「" + htmlEscape(receipt.filename()) + "」を受け付けました。担当者が確認いたします。"
            + "追加のファイルがある場合は、同じ URL からアップロードしてください。<br>\n"
            + "We have received \"" + htmlEscape(receipt.filename()) + "\". Our officer will review it. "
            + "If you have more files, upload them through the same link.</p>\n"
            + "<p>SHA-256: <code>" + htmlEscape(receipt.sha256()) + "</code></p>\n");
  }

  static String refused(DocumentRefused refusal) {
    return page(
        "ご提出できませんでした / Not accepted",
        "<p>" + htmlEscape(refusal.japaneseMessage()) + "<br>\n"
            + htmlEscape(refusal.englishMessage()) + "</p>\n");
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"UTF-8\">\n"
        + "<meta name=\"robots\" content=\"noindex\">\n"
        + "<title>" + htmlEscape(title) + "</title>\n</head>\n<body>\n"
        + "<h1>" + htmlEscape(title) + "</h1>\n" + body + "</body>\n</html>\n";
  }
}
