package org.cabackoffice.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.documents.DocumentFixtures;
import org.cabackoffice.documents.DocumentKind;
import org.cabackoffice.documents.DocumentRequest;
import org.cabackoffice.documents.DocumentRequests;
import org.cabackoffice.documents.DocumentSubject;
import org.cabackoffice.documents.DocumentUploads;
import org.cabackoffice.security.CustomerAccount;
import org.cabackoffice.security.CustomerAccounts;
import org.cabackoffice.verification.OrganizationDirectoryEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Whom an order's identity steps ask for documents and in which words: the customer the officer
 * issued the EAB credential for, an employment certificate naming the person the call could not
 * reach (guide [4]); and that a refused document makes the order invalid with the reason.
 */
class AcmeIdentityDocumentsTest {

  static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

  final AcmeOrderRepository orders = mock(AcmeOrderRepository.class);
  final AcmeAccountRepository accounts = mock(AcmeAccountRepository.class);
  final AcmeOrders acmeOrders = mock(AcmeOrders.class);
  final ValidatedOrganizations organizations = mock(ValidatedOrganizations.class);
  final CustomerAccounts customers = mock(CustomerAccounts.class);
  final DocumentRequests requests = mock(DocumentRequests.class);
  final DocumentUploads uploads = mock(DocumentUploads.class);
  final AcmeIdentityDocuments documents = new AcmeIdentityDocuments(
      orders, accounts, acmeOrders, organizations, customers, requests, uploads, "https://ca.example/");

  @BeforeEach
  void order() {
    AcmeOrder order = new AcmeOrder(3L, List.of("www.example.co.jp"), NOW, NOW.plus(Duration.ofDays(7)));
    when(orders.findById(7L)).thenReturn(Optional.of(order));
    AcmeAccount account = mock(AcmeAccount.class);
    when(account.getOrganizationEntryId()).thenReturn(42L);
    when(account.getCustomerAccountId()).thenReturn(5L);
    when(account.getContact()).thenReturn("mailto:whoever-holds-the-key@example.net");
    when(accounts.findById(3L)).thenReturn(Optional.of(account));
    when(customers.byId(5L)).thenReturn(Optional.of(
        new CustomerAccount("it-admin@example.co.jp", "Example KK", "IT admin", "{noop}x", NOW)));
    when(organizations.entry(42L)).thenReturn(Optional.of(new OrganizationDirectoryEntry(
        "Example KK", "株式会社エグザンプル", "1234567890123", "03-5555-0100", "Chiyoda-ku", "Tokyo", "JP", "TDB",
        LocalDate.of(2025, 1, 1))));
    DocumentRequest request = DocumentFixtures.request(1L, DocumentKind.EMPLOYMENT_CERTIFICATE, "x", NOW, NOW.plus(Duration.ofDays(30)));
    when(requests.request(any(DocumentSubject.class), any(), anyString(), anyString())).thenReturn(request);
  }

  @Test
  void theEmploymentCertificateIsAskedOfTheEabCustomerForThePersonTheCallCouldNotReach() {
    AcmeIdentityDocuments.Waiting waiting = documents.requestEmploymentCertificate(7L, " Tanaka, general manager ");

    ArgumentCaptor<String> note = ArgumentCaptor.forClass(String.class);
    verify(requests).request(eq(DocumentSubject.acmeOrder(7L)), eq(DocumentKind.EMPLOYMENT_CERTIFICATE), note.capture(),
        eq("it-admin@example.co.jp"));
    assertThat(note.getValue())
        .contains("Tanaka, general manager 様が 株式会社エグザンプル に在籍")
        .contains("showing that Tanaka, general manager is employed by Example KK");
    assertThat(waiting.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(waiting.officerUrl()).isEqualTo("https://ca.example/api/acme/orders/7/documents");
  }

  @Test
  void withoutThePersonsNameNothingIsAskedFor() {
    assertThatThrownBy(() -> documents.requestEmploymentCertificate(7L, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names nobody");
    verify(requests, never()).request(any(DocumentSubject.class), any(), anyString(), anyString());
  }

  @Test
  void aRefusedDocumentMakesTheOrderInvalidWithTheOfficersReasonAndAnAcceptedOneDoesNot() {
    documents.reviewed(7L, DocumentKind.SUPPORTING_DOCUMENTS, true, "current", "officer2");
    verify(acmeOrders, never()).fail(eq(7L), anyString());

    documents.reviewed(7L, DocumentKind.EMPLOYMENT_CERTIFICATE, false, " no company seal ", "officer2");
    verify(requests).recordReview(DocumentSubject.acmeOrder(7L), DocumentKind.EMPLOYMENT_CERTIFICATE, false, " no company seal ", "officer2");
    verify(acmeOrders).fail(7L, "the CA's officer did not accept the employment certificate: no company seal");
  }
}
