package org.cabackoffice.acme;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.documents.DocumentKind;
import org.cabackoffice.documents.DocumentRequest;
import org.cabackoffice.documents.DocumentRequestStatus;
import org.cabackoffice.documents.DocumentRequests;
import org.cabackoffice.documents.DocumentSubject;
import org.cabackoffice.documents.DocumentUploads;
import org.cabackoffice.security.CustomerAccount;
import org.cabackoffice.security.CustomerAccounts;
import org.cabackoffice.verification.OrganizationDirectoryEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents an order's identity steps ask for, as the renewal asks an applicant: the
 * employment certificate when the responsible person could not be reached through the main number
 * (guide [4] 在籍証明書), and the supporting documents the calling officer decides are needed (guide
 * [3-1] その他の申請書類). The request, its upload link, reminders and expiry are the documents
 * feature's; this says whom to ask and what an order's officers found.
 *
 * <p>The technical contact of an order is the e-mail of the customer account the officer issued
 * the EAB credential for (EabController): a person the CA registered and bound to the validated
 * organization. The ACME account's own {@code contact} is whatever the key holder sent, never
 * checked, so an upload link, which is the uploader's only credential, does not go there.
 */
@Service
public class AcmeIdentityDocuments {

  private final AcmeOrderRepository orders;
  private final AcmeAccountRepository accounts;
  private final AcmeOrders acmeOrders;
  private final ValidatedOrganizations organizations;
  private final CustomerAccounts customers;
  private final DocumentRequests requests;
  private final DocumentUploads uploads;
  private final String baseUrl;

  public AcmeIdentityDocuments(
      AcmeOrderRepository orders,
      AcmeAccountRepository accounts,
      AcmeOrders acmeOrders,
      ValidatedOrganizations organizations,
      CustomerAccounts customers,
      DocumentRequests requests,
      DocumentUploads uploads,
      @Value("${backoffice.base-url}") String baseUrl) {
    this.orders = orders;
    this.accounts = accounts;
    this.acmeOrders = acmeOrders;
    this.organizations = organizations;
    this.customers = customers;
    this.requests = requests;
    this.uploads = uploads;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** What the order's process waits with: when the link stops working, where officers look. */
  public record Waiting(Instant expiresAt, String officerUrl) {}

  /**
   * Guide [4]: the responsible person could not be reached through the main number, so the
   * organization proves the employment on paper. The words are fixed; the officer's call notes are
   * internal and never go to the customer.
   *
   * @param responsiblePerson whom the officer tried to reach (name, title), as the call recorded
   */
  @Transactional
  public Waiting requestEmploymentCertificate(long orderId, String responsiblePerson) {
    if (responsiblePerson == null || responsiblePerson.isBlank()) {
      throw new IllegalArgumentException("order " + orderId + ": the call names nobody whose employment to certify");
    }
    OrganizationDirectoryEntry organization = organizationOf(orderId);
    String person = responsiblePerson.strip();
    String note =
        person + " 様が " + organization.getNameJa()
            + " に在籍していることを証明する在籍証明書 (発行日から3か月以内、会社印のあるもの)\n"
            + "An employment certificate, issued within the last three months and sealed by the company,"
            + " showing that " + person + " is employed by " + organization.getNameEn();
    return request(orderId, DocumentKind.EMPLOYMENT_CERTIFICATE, note);
  }

  /** Guide [3-1]: the documents the calling officer asked for, in the officer's words. */
  @Transactional
  public Waiting requestDocuments(long orderId, String note) {
    return request(orderId, DocumentKind.SUPPORTING_DOCUMENTS, note);
  }

  @Transactional
  public void remind(long orderId, DocumentKind kind) {
    requests.remind(DocumentSubject.acmeOrder(orderId), kind);
  }

  /** The link stops working; the model then refuses the order. */
  @Transactional
  public void expire(long orderId, DocumentKind kind) {
    requests.expire(DocumentSubject.acmeOrder(orderId), kind);
  }

  /**
   * The reviewing officer's verdict, kept as evidence (BR 5.4.1). A refusal must say why and makes
   * the order invalid with that reason, as a refused call does.
   */
  @Transactional
  public void reviewed(long orderId, DocumentKind kind, boolean accepted, String note, String reviewer) {
    requests.recordReview(DocumentSubject.acmeOrder(orderId), kind, accepted, note, reviewer);
    if (!accepted) {
      acmeOrders.fail(orderId, "the CA's officer did not accept the " + kind.englishName() + ": " + note.strip());
    }
  }

  /** The officers who reviewed the order's documents, whom the four-eyes rule keeps from approving. */
  @Transactional(readOnly = true)
  public List<String> reviewers(long orderId) {
    return uploads.documentsOf(DocumentSubject.acmeOrder(orderId)).stream()
        .map(r -> r.request().getReviewer())
        .filter(r -> r != null)
        .distinct()
        .toList();
  }

  /**
   * What the order's documents showed, one line a request: kind, files, verdict, by whom, when,
   * and the note; for the approver's form and the order's identity basis auditors read.
   */
  @Transactional(readOnly = true)
  public List<String> findings(long orderId) {
    return uploads.documentsOf(DocumentSubject.acmeOrder(orderId)).stream()
        .map(rd -> {
          DocumentRequest r = rd.request();
          String verdict = r.getReviewer() == null
              ? r.getStatus().name().toLowerCase()
              : (r.getStatus() == DocumentRequestStatus.ACCEPTED ? "accepted" : "not accepted") + " by " + r.getReviewer()
                  + " on " + BusinessCalendar.shown(r.getReviewedAt())
                  + Optional.ofNullable(r.getReviewNote()).filter(n -> !n.isBlank()).map(n -> ": " + n).orElse("");
          String files = rd.documents().stream()
              .map(d -> d.originalFilename() + " (sha256 " + d.sha256().substring(0, 12) + "…)")
              .collect(Collectors.joining(", "));
          return r.getKind().englishName() + " #" + r.getId() + " [" + (files.isEmpty() ? "no file" : files) + "] " + verdict;
        })
        .toList();
  }

  private Waiting request(long orderId, DocumentKind kind, String note) {
    DocumentRequest request = requests.request(DocumentSubject.acmeOrder(orderId), kind, note, technicalContact(orderId));
    return new Waiting(request.getExpiresAt(), baseUrl + "/api/acme/orders/" + orderId + "/documents");
  }

  private String technicalContact(long orderId) {
    AcmeAccount account = accounts.findById(orders.findById(orderId).orElseThrow().getAccountId()).orElseThrow();
    return customers.byId(account.getCustomerAccountId()).map(CustomerAccount::getEmail)
        .orElseThrow(() -> new IllegalStateException(
            "order " + orderId + ": customer #" + account.getCustomerAccountId() + " of ACME account " + account.getId()
                + " is gone, so nobody can be asked for documents"));
  }

  private OrganizationDirectoryEntry organizationOf(long orderId) {
    AcmeAccount account = accounts.findById(orders.findById(orderId).orElseThrow().getAccountId()).orElseThrow();
    return organizations.entry(account.getOrganizationEntryId())
        .orElseThrow(() -> new IllegalStateException(
            "order " + orderId + ": organization record #" + account.getOrganizationEntryId() + " is gone"));
  }
}
