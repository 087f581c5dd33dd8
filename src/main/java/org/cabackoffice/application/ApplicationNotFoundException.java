package org.cabackoffice.application;

/** No application has this id (web/ApiExceptionHandler answers 404). */
public class ApplicationNotFoundException extends RuntimeException {
  public ApplicationNotFoundException(long id) {
    super("no application " + id);
  }
}
