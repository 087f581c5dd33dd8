package org.cabackoffice.csr;

/** How a finding weighs: an ERROR makes the request unacceptable; the others only inform. */
public enum Severity {
  ERROR,
  WARNING,
  INFO
}
