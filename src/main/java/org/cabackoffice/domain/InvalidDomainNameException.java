package org.cabackoffice.domain;

/** The text is not a registrable DNS name: bad input, never worth asking a registry about. */
public class InvalidDomainNameException extends IllegalArgumentException {

  public InvalidDomainNameException(String message) {
    super(message);
  }
}
