package org.cabackoffice.verification;

/** No directory entry (or import) of that id: answered 404. */
public class DirectoryEntryNotFoundException extends RuntimeException {
  public DirectoryEntryNotFoundException(long id) {
    super("no organization directory entry " + id);
  }

  private DirectoryEntryNotFoundException(String message) {
    super(message);
  }

  static final class ImportNotFound extends DirectoryEntryNotFoundException {
    ImportNotFound(long id) {
      super("no organization directory import " + id);
    }
  }
}
