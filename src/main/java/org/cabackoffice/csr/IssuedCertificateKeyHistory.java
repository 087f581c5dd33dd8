package org.cabackoffice.csr;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the keys of the CA's certificates from {@code issued_certificate} (V4__issuance.sql, the
 * shared schema) by its {@code spki_sha256} index. A query on the table rather than the issuance
 * package's repository keeps the CSR policy free of the issuance package, which the application
 * package puts after it; signed and imported certificates count alike, since an imported
 * certificate's key is as much its customer's.
 */
@Component
class IssuedCertificateKeyHistory implements KeyHistory {

  private final JdbcClient jdbc;

  IssuedCertificateKeyHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean usedByAnotherCustomer(String spkiSha256, long customerAccountId) {
    return jdbc.sql(
            "select count(*) from issued_certificate"
                + " where spki_sha256 = :spki and customer_account_id <> :customer")
        .param("spki", spkiSha256)
        .param("customer", customerAccountId)
        .query(Long.class)
        .single()
        > 0;
  }
}
