package org.cabackoffice.issuance;

import java.util.List;
import org.cabackoffice.timeline.TimelineContributor;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.cabackoffice.timeline.TimelineOrder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The certificate issued for the application (guide [5-1]). */
@Component
@Order(TimelineOrder.ISSUANCE)
class IssuanceTimeline implements TimelineContributor {

  private final IssuedCertificateRepository certificates;

  IssuanceTimeline(IssuedCertificateRepository certificates) {
    this.certificates = certificates;
  }

  @Override
  public List<TimelineEntry> entriesOf(long applicationId) {
    return certificates.findFirstByApplicationId(applicationId).map(c -> List.of(issued(c))).orElse(List.of());
  }

  private static TimelineEntry issued(IssuedCertificate c) {
    return new TimelineEntry(
        c.issuedAt(),
        TimelineKind.CERTIFICATE_ISSUED,
        TimelineEntry.SYSTEM,
        "Certificate serial "
            + c.serial()
            + " issued for "
            + String.join(", ", c.dnsNames())
            + ", valid "
            + c.notBefore()
            + " to "
            + c.notAfter(),
        "issued_certificate:" + c.id());
  }
}
