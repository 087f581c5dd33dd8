package org.cabackoffice.auditors;

import org.cabackoffice.audit.ApplicationTimeline;
import org.cabackoffice.audit.ApplicationTimelines;
import java.util.Optional;
import org.cabackoffice.application.ApplicationNotFoundException;
import org.cabackoffice.application.Applications;
import org.cabackoffice.documents.DocumentUploads;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.issuance.RevocationStatus;
import org.cabackoffice.payment.Invoice;
import org.cabackoffice.payment.Invoices;
import org.cabackoffice.payment.Payments;
import org.springframework.stereotype.Service;

/** Gathers an {@link ApplicationFile} from the features that own each part; reads only. */
@Service
public class ApplicationFiles {

  private final Applications applications;
  private final ApplicationTimelines timelines;
  private final DocumentUploads documents;
  private final Invoices invoices;
  private final Payments payments;
  private final IssuedCertificates certificates;
  private final RevocationStatus revocations;

  public ApplicationFiles(
      Applications applications,
      ApplicationTimelines timelines,
      DocumentUploads documents,
      Invoices invoices,
      Payments payments,
      IssuedCertificates certificates,
      RevocationStatus revocations) {
    this.applications = applications;
    this.timelines = timelines;
    this.documents = documents;
    this.invoices = invoices;
    this.payments = payments;
    this.certificates = certificates;
    this.revocations = revocations;
  }

  /** @throws ApplicationNotFoundException when there is no such application */
  public ApplicationFile of(long applicationId) {
    ApplicationTimeline timeline = timelines.of(applicationId);
    Optional<Invoice> invoice = invoices.find(applicationId);
    Optional<IssuedCertificate> certificate =
        certificates.serialIssuedFor(applicationId).flatMap(certificates::findBySerial);
    return new ApplicationFile(
        applications.get(applicationId),
        timeline,
        documents.documentsOf(applicationId),
        invoice,
        invoice.flatMap(i -> payments.ofInvoice(i.getId())),
        certificate,
        certificate.flatMap(c -> revocations.of(c.serial())));
  }
}
