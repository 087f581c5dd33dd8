package org.cabackoffice.issuance;

/** A certificate with this serial is already recorded: serials are unique per CA (BR 7.1). */
public class CertificateAlreadyRecordedException extends RuntimeException {

  private final String serial;

  public CertificateAlreadyRecordedException(String serial) {
    super("a certificate with serial " + serial + " is already recorded");
    this.serial = serial;
  }

  public String serial() {
    return serial;
  }
}
