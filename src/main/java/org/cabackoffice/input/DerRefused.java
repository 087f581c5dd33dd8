package org.cabackoffice.input;

/** DER that is refused before parsing; the message is for the person who sent it. */
public class DerRefused extends IllegalArgumentException {

  public DerRefused(String reason) {
    super(reason);
  }
}
