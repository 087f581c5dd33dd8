package org.cabackoffice.documents;

/** How a document reached the CA (guide [3-1] 送付先). */
public enum DocumentArrival {
  /** Through the dedicated upload link (専用 URL へアップロード), or a PDF an officer received otherwise online. */
  UPLOAD,
  /** By fax (FAX で送信), scanned or saved as PDF by the officer who attaches it. */
  FAX,
  /** As a PDF attached to an e-mail (E メールに添付して送信). */
  EMAIL,
  /** On paper by post, scanned by the officer who attaches it. */
  POST
}
