package org.cabackoffice.issuance;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills shards one after the other: the n-th certificate (counted from 0) goes on shard n /
 * {@code backoffice.ca.crl-shard-size}, so a shard's CRL never lists more than that many
 * certificates, and a new shard opens only once the last is full. The count is a row in {@code
 * ca_counter} that the update locks until commit, so nodes sharing the database never hand out one
 * slot twice.
 */
@Component
public class CountedCrlShards implements CrlShards {

  static final String COUNTER = "certificate-crl-slot";

  private final JdbcTemplate jdbc;
  private final int shardSize;

  CountedCrlShards(JdbcTemplate jdbc, CaProperties properties) {
    this.jdbc = jdbc;
    this.shardSize = properties.crlShardSize();
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public int assign() {
    jdbc.update("update ca_counter set next_value = next_value + 1 where name = ?", COUNTER);
    Long next = jdbc.queryForObject("select next_value from ca_counter where name = ?", Long.class, COUNTER);
    if (next == null) {
      throw new IllegalStateException("the counter " + COUNTER + " is missing from ca_counter");
    }
    return Math.toIntExact((next - 1) / shardSize);
  }

  /** The highest shard a certificate was placed on; 0 before the first, whose CRL is empty. */
  @Transactional(readOnly = true)
  public int highestShard() {
    Long next = jdbc.queryForObject("select next_value from ca_counter where name = ?", Long.class, COUNTER);
    return next == null || next == 0 ? 0 : Math.toIntExact((next - 1) / shardSize);
  }
}
