package org.cabackoffice.verification;

/** A correction the directory does not take, with the reason for the officer. */
public class DirectoryCorrectionRefused extends RuntimeException {
  public DirectoryCorrectionRefused(String message) {
    super(message);
  }
}
