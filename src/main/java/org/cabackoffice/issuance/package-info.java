/**
 * Issuance: the CA's keys, certificate profiles, pre-issuance lint, signing, storage and delivery.
 *
 * <h2>The issuance order</h2>
 *
 * After the process has validated the application and a second officer approved it (EV
 * Guidelines 5.2.4), and right before calling {@link org.cabackoffice.issuance.CertificateIssuer},
 * the caller rechecks CAA for every name (BR 3.2.2.8). {@code CertificateIssuer.issue} then:
 *
 * <ol>
 *   <li>reads the subject public key from the CSR's SubjectPublicKeyInfo and refuses a key that is
 *       neither RSA nor EC or does not parse;
 *   <li>draws the serial: 16 bytes from {@code SecureRandom}, positive, below 2^159 (BR 7.1);
 *   <li>sets the validity: notBefore now, lifetime by issuance date from {@link
 *       org.cabackoffice.issuance.CertificateLifetime} (ballot SC-081), counted inclusively so
 *       notAfter = notBefore + days·86400 − 1 s (BR 6.3.2);
 *   <li>assembles the TBS after the subscriber profile (BR 7.1.2.7) and the product's policy OID;
 *   <li>signs that TBS with a throwaway key of the issuing key's type, parses it, and runs {@link
 *       org.cabackoffice.issuance.PreIssuanceLint} (BR 4.3.1.2, mandatory since 2025-03-15); any
 *       error throws {@link org.cabackoffice.issuance.LintFailedException} and the CA's key signs
 *       nothing;
 *   <li>signs the same TBS with the issuing CA's key and checks the signed TBS is byte for byte the
 *       linted one;
 *   <li>stores the {@link org.cabackoffice.issuance.IssuedCertificate}.
 * </ol>
 *
 * Delivery follows as its own step: {@link org.cabackoffice.issuance.CertificateDelivery} puts the
 * mail in the outbox with a dedup key per serial, so a retried job never mails twice.
 *
 * <p>With Certificate Transparency on, {@link org.cabackoffice.issuance.Precertificates} runs
 * between the TBS and its lint: the TBS with the poison is linted, recorded in a {@link
 * org.cabackoffice.issuance.PrecertificateSigning}, signed by the issuing CA's key and logged
 * through {@link org.cabackoffice.issuance.TransparencyLogs}; the poison is then replaced by the
 * SCT list and the result checked to be the precertificate's TBS without the poison plus that
 * list before the certificate's own lint, record and signature.
 *
 * <p>Nothing here knows the process engine: delegates call these services.
 */
package org.cabackoffice.issuance;
