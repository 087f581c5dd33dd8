package org.cabackoffice.billing;

/** The documents cannot be made on this machine (no usable font); the answer is 503 with why. */
public class DocumentsUnavailable extends RuntimeException {
  public DocumentsUnavailable(String why) {
    super(why);
  }
}
