package org.cabackoffice.verification;

/** A directory file refused whole: empty, too large, or in no format the import reads. */
public class DirectoryImportRefused extends RuntimeException {
  public DirectoryImportRefused(String message) {
    super(message);
  }
}
