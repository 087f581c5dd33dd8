package org.cabackoffice.application;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

public class ApplicationNotFoundException extends ResponseStatusException {
  public ApplicationNotFoundException(long id) {
    super(HttpStatus.NOT_FOUND, "no application " + id);
  }
}
