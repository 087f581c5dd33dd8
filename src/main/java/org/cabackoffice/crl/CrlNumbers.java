package org.cabackoffice.crl;

import java.math.BigInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * cRLNumbers (RFC 5280 5.2.3): a row of {@code ca_counter} per issuer, incremented under the row's
 * lock, so numbers only rise and two nodes sharing the database never sign two CRLs with one.
 * Called inside the transaction that stores the CRL: a CRL that is not stored gives its number
 * back with the rollback.
 */
@Component
class CrlNumbers {

  static final String ISSUING_CA = "crl-number";
  static final String ROOT_CA = "arl-number";

  private final JdbcTemplate jdbc;

  CrlNumbers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  BigInteger next(PublishedCrl.Issuer issuer) {
    String counter = issuer == PublishedCrl.Issuer.ROOT_CA ? ROOT_CA : ISSUING_CA;
    if (jdbc.update("update ca_counter set next_value = next_value + 1 where name = ?", counter) != 1) {
      throw new IllegalStateException("the counter " + counter + " is missing from ca_counter");
    }
    Long next = jdbc.queryForObject("select next_value from ca_counter where name = ?", Long.class, counter);
    return BigInteger.valueOf(next - 1);
  }
}
