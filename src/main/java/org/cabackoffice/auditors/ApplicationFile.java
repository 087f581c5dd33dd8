package org.cabackoffice.auditors;

import org.cabackoffice.audit.ApplicationTimeline;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.application.Application;
import org.cabackoffice.documents.DocumentUploads.RequestDocuments;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.RevocationStatus;
import org.cabackoffice.payment.Invoice;
import org.cabackoffice.payment.Payment;

/**
 * Everything an auditor opens for one application (issue 11): the application, its timeline, the
 * documents with their hashes, the invoice and its payment, the certificate and its revocation.
 */
public record ApplicationFile(
    Application application,
    ApplicationTimeline timeline,
    List<RequestDocuments> documents,
    Optional<Invoice> invoice,
    Optional<Payment> payment,
    Optional<IssuedCertificate> certificate,
    Optional<RevocationStatus.Revoked> revocation) {}
