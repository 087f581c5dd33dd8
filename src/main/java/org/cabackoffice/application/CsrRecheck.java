package org.cabackoffice.application;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.cabackoffice.csr.CsrCheck;
import org.cabackoffice.csr.CsrCheckContext;
import org.cabackoffice.csr.CsrCheckResult;
import org.cabackoffice.csr.NotACsrException;
import org.cabackoffice.csr.Severity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The process's CSR check: the stored CSR against today's policy. */
@Service
public class CsrRecheck {

  public record Outcome(boolean acceptable, String detail) {}

  private final Applications applications;
  private final CsrCheck csrCheck;

  public CsrRecheck(Applications applications, CsrCheck csrCheck) {
    this.applications = applications;
    this.csrCheck = csrCheck;
  }

  @Transactional(readOnly = true)
  public Outcome recheck(long applicationId) {
    Application application = applications.get(applicationId);
    // On renewal the CN must stay the renewed certificate's (guide [1-2]); intake stored it.
    String requiredCommonName =
        application.getApplicationType() == ApplicationType.RENEWAL
            ? application.getCommonName()
            : null;
    try {
      CsrCheckResult result =
          csrCheck.check(
              application.getCsrPem().getBytes(StandardCharsets.US_ASCII),
              CsrCheckContext.forCustomer(requiredCommonName, application.getCustomerAccountId()));
      String detail =
          result.findings().stream()
              .filter(f -> f.severity() == Severity.ERROR)
              .map(f -> f.code() + ": " + f.message())
              .collect(Collectors.joining("; "));
      return new Outcome(result.acceptable(), detail);
    } catch (NotACsrException e) {
      return new Outcome(false, e.getMessage());
    }
  }
}
