package org.cabackoffice.application;

import java.util.List;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.workflow.ProcessSignals;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/** Puts together what the API shows of an application: its row, its stage, its certificate. */
@Component
public class ApplicationViews {

  private final ProcessSignals signals;
  private final IssuedCertificates certificates;
  private final SameCommonName sameCommonName;

  public ApplicationViews(
      ProcessSignals signals, IssuedCertificates certificates, SameCommonName sameCommonName) {
    this.signals = signals;
    this.certificates = certificates;
    this.sameCommonName = sameCommonName;
  }

  /** One application as staff read it: with the other applications for its common name. */
  public ApplicationView forStaff(Application application) {
    return view(application, sameCommonName.as(application));
  }

  public ApplicationView of(Application application) {
    return view(application, null);
  }

  private ApplicationView view(
      Application application, List<SameCommonName.OtherApplication> others) {
    List<String> stage =
        application.getStatus() == ApplicationStatus.IN_PROGRESS
            ? signals.currentActivities(application.getId())
            : List.of();
    String serial =
        application.getStatus() == ApplicationStatus.ISSUED
            ? certificates.serialIssuedFor(application.getId()).orElse(null)
            : null;
    return ApplicationView.of(application, stage, serial, others);
  }

  public ApplicationPage of(Page<Application> page) {
    return new ApplicationPage(
        page.getContent().stream().map(this::of).toList(),
        page.getNumber(),
        page.getSize(),
        page.getTotalElements(),
        page.getTotalPages());
  }
}
