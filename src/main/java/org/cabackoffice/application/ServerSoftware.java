package org.cabackoffice.application;

/**
 * The web server the certificate goes on (guide [5-2]): Microsoft IIS installs the certificate and
 * its intermediate at once from a PKCS#7 file; the others take PEM files, the intermediate
 * separately.
 */
public enum ServerSoftware {
  APACHE_OPENSSL,
  MICROSOFT_IIS,
  OTHER
}
