package org.cabackoffice.application;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cabackoffice.csr.CsrCheck;
import org.cabackoffice.csr.CsrCheckContext;
import org.cabackoffice.csr.CsrCheckResult;
import org.cabackoffice.csr.NotACsrException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applications submitted before the domain filter existed (V43) get their CSR's names once, at
 * start, so searching by a SAN finds them too. Each application in its own transaction: another
 * node doing the same at the same time costs one refused insert, not the start.
 */
@Component
public class ApplicationDnsNamesBackfill {

  private static final Logger log = LoggerFactory.getLogger(ApplicationDnsNamesBackfill.class);

  private final ApplicationRepository applications;
  private final CsrCheck csrCheck;
  private final TransactionTemplate transactions;

  public ApplicationDnsNamesBackfill(
      ApplicationRepository applications, CsrCheck csrCheck, TransactionTemplate transactions) {
    this.applications = applications;
    this.csrCheck = csrCheck;
    this.transactions = transactions;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void fill() {
    List<Long> missing = applications.findIdsWithoutDnsNames();
    for (long id : missing) {
      try {
        transactions.executeWithoutResult(status -> record(id));
      } catch (DataAccessException raced) {
        log.info("names of application {} were recorded elsewhere meanwhile", id);
      }
    }
    if (!missing.isEmpty()) {
      log.info("recorded the DNS names of {} earlier applications for the domain filter", missing.size());
    }
  }

  private void record(long id) {
    Application application = applications.findById(id).orElseThrow();
    try {
      CsrCheckResult csr =
          csrCheck.check(
              application.getCsrPem().getBytes(StandardCharsets.US_ASCII),
              CsrCheckContext.standalone());
      application.recordDnsNames(Applications.dnsNames(csr));
    } catch (NotACsrException e) {
      // Intake accepted it once; if today's parser cannot read it, the CN column still matches.
      application.recordDnsNames(
          application.getCommonName() == null ? List.of() : List.of(application.getCommonName()));
    }
  }
}
