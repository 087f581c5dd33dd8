package org.cabackoffice.documents;

/**
 * Something the document rules refuse, with a message in Japanese and English, because the
 * uploader is a customer who reads either. The controllers choose the HTTP status
 * ({@link DocumentRefusalStatus}).
 */
public class DocumentRefused extends IllegalArgumentException {

  public enum Reason {
    UNKNOWN_TOKEN(
        "このアップロード URL は存在しません。メールに記載された URL をご確認ください。",
        "This upload link does not exist. Please check the link in our e-mail."),
    LINK_EXPIRED(
        "このアップロード URL は有効期限が切れています。担当者にお問い合わせください。",
        "This upload link has expired. Please contact us for a new one."),
    REQUEST_CLOSED(
        "この書類のご提出は締め切られました。担当者にお問い合わせください。",
        "This document request is closed. Please contact us if you need to send more."),
    NO_FILE(
        "ファイルが選択されていません。",
        "No file was selected."),
    EMPTY_FILE(
        "ファイルが空です。",
        "The file is empty."),
    TOO_LARGE(
        "ファイルが大きすぎます。",
        "The file is too large."),
    NOT_PDF(
        "PDF ファイルのみ受け付けます。",
        "Only PDF files are accepted."),
    PDF_UNREADABLE(
        "PDF ファイルとして読み取れません。壊れていないか確認し、もう一度作成してアップロードしてください。",
        "The file cannot be read as a PDF; it may be damaged. Please create it again and upload it."),
    PDF_ENCRYPTED(
        "パスワードや暗号化で保護された PDF は受け付けられません。保護を解除してアップロードしてください。",
        "Password-protected or encrypted PDFs are not accepted. Please remove the protection and upload it again."),
    PDF_WITHOUT_PAGES(
        "PDF にページがありません。",
        "The PDF has no pages."),
    UPLOAD_CONFLICT(
        "同時に別のアップロードがありました。もう一度アップロードしてください。",
        "Another upload arrived at the same moment; please upload your file again."),
    TOO_MANY_FILES(
        "この依頼にはこれ以上ファイルを追加できません。担当者にお問い合わせください。",
        "This request already holds as many files as it takes. Please contact us if more are needed."),
    NO_OPEN_REQUEST(
        "審査を待っている書類依頼がありません。",
        "There is no open document request to review."),
    INVALID_INPUT(
        "入力が不正です。",
        "The input is invalid."),
    UNKNOWN_DOCUMENT(
        "書類が見つかりません。",
        "No such document."),
    ARRIVAL_MISSING(
        "書類の受領方法 (FAX、EMAIL、POST、UPLOAD) を指定してください。",
        "Say how the document arrived: FAX, EMAIL, POST or UPLOAD."),
    UNKNOWN_REQUEST(
        "書類依頼が見つかりません。",
        "No such document request for this application."),
    REQUEST_AMBIGUOUS(
        "審査を待っている書類依頼が複数あります。依頼を指定してください。",
        "There are several open document requests; name the one the document answers.");

    private final String japanese;
    private final String english;

    Reason(String japanese, String english) {
      this.japanese = japanese;
      this.english = english;
    }

    public String japanese() {
      return japanese;
    }

    public String english() {
      return english;
    }
  }

  private final Reason reason;
  private final String japaneseMessage;

  public DocumentRefused(Reason reason) {
    this(reason, reason.japanese(), reason.english());
  }

  /** A refusal whose messages say more than the reason's standard text, e.g. the size limit. */
  public DocumentRefused(Reason reason, String japaneseMessage, String englishMessage) {
    super(englishMessage);
    this.reason = reason;
    this.japaneseMessage = japaneseMessage;
  }

  public Reason reason() {
    return reason;
  }

  public String japaneseMessage() {
    return japaneseMessage;
  }

  public String englishMessage() {
    return getMessage();
  }
}
