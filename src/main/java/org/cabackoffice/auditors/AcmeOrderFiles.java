package org.cabackoffice.auditors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cabackoffice.acme.AcmeOrderRecords;
import org.cabackoffice.audit.ProcessHistory;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.issuance.RevocationStatus;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An ACME order's file for auditors (issue 15): the order's record, its process's history in the
 * engine (every step, with the officer where one acted), the evidence of each name's challenge,
 * the identity decision, the CAA corroboration by the remote perspectives, the certificate and its
 * revocation, merged into one timeline.
 */
@Service
public class AcmeOrderFiles {

  /** One order with everything an auditor reads of it. */
  public record AcmeOrderFile(
      AcmeOrderRecords.OrderRecord order,
      List<TimelineEntry> timeline,
      Optional<IssuedCertificate> certificate,
      Optional<RevocationStatus.Revoked> revocation) {}

  private final AcmeOrderRecords orders;
  private final ProcessHistory history;
  private final IssuedCertificates certificates;
  private final RevocationStatus revocations;

  public AcmeOrderFiles(
      AcmeOrderRecords orders, ProcessHistory history, IssuedCertificates certificates, RevocationStatus revocations) {
    this.orders = orders;
    this.history = history;
    this.certificates = certificates;
    this.revocations = revocations;
  }

  @Transactional(readOnly = true)
  public Optional<AcmeOrderFile> of(long orderId) {
    return orders.record(orderId).map(order -> {
      Optional<IssuedCertificate> certificate =
          Optional.ofNullable(order.row().serial()).flatMap(certificates::findBySerial);
      Optional<RevocationStatus.Revoked> revocation = certificate.flatMap(c -> revocations.of(c.serial()));
      return new AcmeOrderFile(order, timeline(order, certificate, revocation), certificate, revocation);
    });
  }

  private List<TimelineEntry> timeline(
      AcmeOrderRecords.OrderRecord order, Optional<IssuedCertificate> certificate, Optional<RevocationStatus.Revoked> revocation) {
    String reference = "acme_order:" + order.row().id();
    List<TimelineEntry> entries = new ArrayList<>(history.entriesOf(order.businessKey()));
    entries.add(new TimelineEntry(order.row().createdAt(), TimelineKind.ACME_ORDER_PLACED, "ACME account " + order.accountId(),
        "Order placed for " + String.join(", ", order.row().names()), reference));
    for (AcmeOrderRecords.AuthorizationRecord a : order.authorizations()) {
      for (AcmeOrderRecords.ChallengeRecord c : a.challenges()) {
        if (c.validatedAt() != null) {
          entries.add(new TimelineEntry(c.validatedAt(), TimelineKind.ACME_CHALLENGE, TimelineEntry.SYSTEM,
              c.type() + " for " + a.dnsName() + " " + c.status() + (c.evidence() == null ? "" : ": " + c.evidence()), reference));
        }
      }
    }
    // The CAA corroboration before signing, as the application's timeline shows its own.
    for (AcmeOrderRecords.CaaCorroboration c : order.caaCorroborations()) {
      entries.add(new TimelineEntry(c.checkedAt(), TimelineKind.MPIC_CORROBORATION, TimelineEntry.SYSTEM,
          "Multi-perspective corroboration of CAA for " + String.join(", ", c.names()) + ": " + c.outcome()
              + (c.perspectives().isEmpty() ? "" : ": " + c.perspectives().stream()
                  .map(p -> p.perspectiveId() + " " + p.region() + " " + p.verdict())
                  .collect(Collectors.joining(", "))),
          "mpic_corroboration:" + c.id()));
    }
    for (AcmeOrderRecords.Confirmation c : order.confirmations()) {
      entries.add(new TimelineEntry(c.at(), TimelineKind.ORGANIZATION_VERIFIED, c.officer(),
          "Organization's identity answered by phone" + TimelineEntry.note(c.note()), reference));
      if (c.approvedBy() != null && c.approvedAt() != null) {
        entries.add(new TimelineEntry(c.approvedAt(), TimelineKind.ORGANIZATION_VERIFIED, c.approvedBy(),
            "Organization's identity approved by a second officer (EV Guidelines 5.2.4)", reference));
      }
    }
    if (order.finalizedAt() != null) {
      entries.add(new TimelineEntry(order.finalizedAt(), TimelineKind.ACME_ORDER_FINALIZED, "ACME account " + order.accountId(),
          "Order finalized with its CSR", reference));
    }
    certificate.ifPresent(c -> entries.add(new TimelineEntry(c.issuedAt(), TimelineKind.CERTIFICATE_ISSUED, TimelineEntry.SYSTEM,
        "Certificate " + c.serial() + " issued for " + String.join(", ", c.dnsNames()), "issued_certificate:" + c.serial())));
    revocation.ifPresent(r -> entries.add(new TimelineEntry(r.revokedAt(), TimelineKind.CERTIFICATE_REVOKED, TimelineEntry.SYSTEM,
        "Certificate revoked: " + r.reason(), "certificate_revocation:" + order.row().serial())));
    // Stable: within one millisecond the engine's steps stay first, as on the applications' timeline.
    entries.sort(Comparator.comparing(TimelineEntry::at));
    return entries;
  }
}
