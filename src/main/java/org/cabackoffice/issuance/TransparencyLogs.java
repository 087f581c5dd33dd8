package org.cabackoffice.issuance;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The Certificate Transparency logs as issuance sees them (RFC 6962): a precertificate goes in,
 * the SCT list to embed in the final certificate comes out. Implemented by the {@code
 * transparency} package, so the code that holds the CA key never speaks HTTP to a log.
 */
public interface TransparencyLogs {

  /** Logs are off: a private CA's certificates are not logged (README, Certificate Transparency). */
  TransparencyLogs OFF =
      new TransparencyLogs() {
        @Override
        public boolean enabled() {
          return false;
        }

        @Override
        public Scts submit(X509Certificate precertificate, List<X509Certificate> chain) {
          throw new IllegalStateException("Certificate Transparency is off");
        }
      };

  /** Whether every certificate is preceded by a logged precertificate and carries its SCTs. */
  boolean enabled();

  /**
   * Submits the precertificate with the chain above it (issuing CA first) to the logs, verifies
   * each SCT's signature against its log's key and checks the set against the CT policies.
   *
   * @throws RuntimeException naming the log and its error when a log fails, or saying why the SCTs
   *     gathered are too few; nothing may then be signed (the job is retried, then an incident)
   */
  Scts submit(X509Certificate precertificate, List<X509Certificate> chain);

  /**
   * The SCTs to embed.
   *
   * @param signedCertificateTimestampList the TLS-encoded SignedCertificateTimestampList (RFC 6962
   *     3.3), which the certificate's extension wraps in an OCTET STRING
   * @param logs the names of the logs that returned them, for the record
   */
  record Scts(byte[] signedCertificateTimestampList, List<String> logs) {}
}
