package org.cabackoffice.verification;

/** The files the organization directory is filled from. */
public enum DirectoryImportFormat {
  /** 国税庁 法人番号公表サイト's CSV (全件 or 差分), see {@link NtaCorporateNumbers}. */
  NTA,
  /** The directory vendor's export with a header row, see {@link VendorDirectoryExport}. */
  VENDOR
}
