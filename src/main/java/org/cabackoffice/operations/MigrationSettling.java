package org.cabackoffice.operations;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node looks every {@code migration-check-interval} for migrations that have ended without
 * a record of it (a batch the engine has removed), and for synchronous migrations whose node
 * stopped mid-way, which it resumes as a batch, so that none stays {@code RUNNING} or
 * {@code APPROVED} when nobody opens its page. Both nodes may look at once: the record's version
 * lets one write the outcome or resume it.
 */
@Component
class MigrationSettling {

  private final InstanceMigrations migrations;

  MigrationSettling(InstanceMigrations migrations) {
    this.migrations = migrations;
  }

  @Scheduled(
      fixedDelayString = "${backoffice.operations.migration-check-interval:PT30S}",
      initialDelayString = "${backoffice.operations.migration-check-interval:PT30S}")
  void settle() {
    migrations.settle();
  }
}
