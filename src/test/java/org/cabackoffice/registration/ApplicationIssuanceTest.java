package org.cabackoffice.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.Applications;
import org.cabackoffice.application.CsrRecheck;
import org.cabackoffice.application.Product;
import org.cabackoffice.application.RejectionReason;
import org.cabackoffice.csr.CsrCheck;
import org.cabackoffice.csr.CsrCheckResult;
import org.cabackoffice.domain.CaaBeforeIssuance;
import org.cabackoffice.domain.DomainControl;
import org.cabackoffice.issuance.CertificateDelivery;
import org.cabackoffice.issuance.CertificateIssuer;
import org.cabackoffice.issuance.CertificateProfile;
import org.cabackoffice.issuance.IssuanceRequest;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.issuance.LintFailedException;
import org.cabackoffice.issuance.LintFinding;
import org.cabackoffice.payment.Invoice;
import org.cabackoffice.payment.InvoiceStatus;
import org.cabackoffice.payment.Invoices;
import org.cabackoffice.verification.BusinessCategory;
import org.cabackoffice.verification.IssuanceApprovals;
import org.cabackoffice.verification.OrganizationDirectory;
import org.cabackoffice.verification.OrganizationDirectoryEntry;
import org.cabackoffice.verification.OrganizationValidation;
import org.cabackoffice.verification.OrganizationVerification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/**
 * Every guard of signing on its own: each one, failing, leaves the CA key unused and the
 * application not issued, whatever the process's variables said (EV Guidelines 5.2.4, guide
 * [3-2], BR 4.2.1, BR 3.2.2.8, BR 6.1.1.3, BR 7.1). Starts from an application every guard lets
 * through and breaks one guard per test.
 */
class ApplicationIssuanceTest {

  static final long ID = 42;
  static final byte[] SPKI = {0x30, 0x03, 0x01, 0x02, 0x03};

  final Applications applications = mock(Applications.class);
  final CsrCheck csrCheck = mock(CsrCheck.class);
  final CertificateIssuer issuer = mock(CertificateIssuer.class);
  final IssuedCertificates certificates = mock(IssuedCertificates.class);
  final CertificateDelivery delivery = mock(CertificateDelivery.class);
  final OrganizationDirectory directory = mock(OrganizationDirectory.class);
  final CsrRecheck csrRecheck = mock(CsrRecheck.class);
  final IssuanceApprovals approvals = mock(IssuanceApprovals.class);
  final DomainControl domainControl = mock(DomainControl.class);
  final CaaBeforeIssuance caa = mock(CaaBeforeIssuance.class);
  final Invoices invoices = mock(Invoices.class);
  final OrganizationValidation organizationValidation = mock(OrganizationValidation.class);

  final ApplicationIssuance issuance =
      new ApplicationIssuance(
          applications,
          csrCheck,
          issuer,
          certificates,
          delivery,
          directory,
          csrRecheck,
          approvals,
          domainControl,
          caa,
          invoices,
          organizationValidation);

  final Application application = mock(Application.class);
  final OrganizationDirectoryEntry listed = mock(OrganizationDirectoryEntry.class);

  @BeforeEach
  void everyGuardPasses() {
    when(approvals.approved(ID)).thenReturn(true);
    Invoice paid = invoice(InvoiceStatus.PAID, false);
    when(invoices.find(ID)).thenReturn(Optional.of(paid));
    when(domainControl.stillEstablished(ID)).thenReturn(true);
    when(caa.check(ID)).thenReturn(new CaaBeforeIssuance.Outcome(true, "permitted"));
    when(csrRecheck.recheck(ID)).thenReturn(new CsrRecheck.Outcome(true, ""));

    when(application.getId()).thenReturn(ID);
    when(application.getCustomerAccountId()).thenReturn(7L);
    when(application.getProduct()).thenReturn(Product.SECURE_SERVER_ID);
    when(application.getCsrPem()).thenReturn("-----BEGIN CERTIFICATE REQUEST-----");
    when(application.getCommonName()).thenReturn("WWW.Example.co.jp");
    // What the applicant typed; the directory's listing is what the CA verified and wins.
    when(application.getOrganizationNameEn()).thenReturn("Example KK");
    when(application.getOrganizationNameJa()).thenReturn("株式会社例");
    when(application.getLocality()).thenReturn("Shibuya");
    when(application.getStateOrProvince()).thenReturn("Tokyo-to");
    when(application.getCountry()).thenReturn("JP");
    when(applications.get(ID)).thenReturn(application);

    // The CSR's own subject says something else entirely; only its names and key are taken.
    when(csrCheck.check(any(), any()))
        .thenReturn(
            new CsrCheckResult(
                true, List.of(), null, null, List.of("www.example.co.jp", "Shop.Example.co.jp"), SPKI));

    when(listed.getNameEn()).thenReturn("Example K.K.");
    when(listed.getLocality()).thenReturn("Chiyoda-ku");
    when(listed.getStateOrProvince()).thenReturn("Tokyo");
    when(listed.getCountry()).thenReturn("JP");
    // The record the organization-validation stage confirmed, not whatever an exact-name lookup
    // finds (issue 16): another listing under the applicant's name is never the certificate's.
    when(organizationValidation.verifiedRecord(ID)).thenReturn(Optional.of(listed));
    when(organizationValidation.of(ID)).thenReturn(List.of(mock(OrganizationVerification.class)));
    // O as the stage verified it: the registered English name (or a verified trade name).
    when(organizationValidation.statedOrganization(ID, listed)).thenReturn("Example K.K.");
    OrganizationDirectoryEntry sameName = mock(OrganizationDirectoryEntry.class);
    when(sameName.getNameEn()).thenReturn("Example KK (another listing)");
    when(sameName.getCorporateNumber()).thenReturn("9999999999999");
    when(directory.find("Example KK", "株式会社例")).thenReturn(Optional.of(sameName));

    IssuedCertificate certificate = mock(IssuedCertificate.class);
    when(certificate.serial()).thenReturn("1a2b3c");
    when(issuer.issue(any())).thenReturn(certificate);
  }

  @Test
  void aValidatedPaidApprovedApplicationIsSignedWithTheCsrsNamesAndTheVerifiedOrganization() {
    ApplicationIssuance.Signing signing = issuance.sign(ID);

    assertThat(signing.refused()).isFalse();
    assertThat(signing.serial()).isEqualTo("1a2b3c");
    IssuanceRequest request = issued();
    assertThat(request.applicationId()).isEqualTo(ID);
    assertThat(request.customerAccountId()).isEqualTo(7L);
    assertThat(request.profile()).isEqualTo(CertificateProfile.OV);
    assertThat(request.commonName()).isEqualTo("WWW.Example.co.jp");
    // The CN first, lower-cased, then the CSR's SANs, each once.
    assertThat(request.dnsNames()).containsExactly("www.example.co.jp", "shop.example.co.jp");
    assertThat(request.organization()).isEqualTo("Example K.K.");
    assertThat(request.locality()).isEqualTo("Chiyoda-ku");
    assertThat(request.stateOrProvince()).isEqualTo("Tokyo");
    assertThat(request.country()).isEqualTo("JP");
    assertThat(request.subjectPublicKeyInfo()).isEqualTo(SPKI);
    assertThat(request.ev()).isNull();
    verify(applications).markIssued(ID);
  }

  @Test
  void anApplicationFromBeforeTheOrganizationStageWithoutAListingKeepsItsOwnVerifiedData() {
    when(organizationValidation.verifiedRecord(ID)).thenReturn(Optional.empty());
    when(organizationValidation.of(ID)).thenReturn(List.of());
    when(directory.find(any(), any())).thenReturn(Optional.empty());

    issuance.sign(ID);

    IssuanceRequest request = issued();
    assertThat(request.organization()).isEqualTo("Example KK");
    assertThat(request.locality()).isEqualTo("Shibuya");
    assertThat(request.stateOrProvince()).isEqualTo("Tokyo-to");
    assertThat(request.country()).isEqualTo("JP");
  }

  @Test
  void anEvCertificateCarriesTheListedCorporateNumberAndBusinessCategory() {
    when(application.getProduct()).thenReturn(Product.EV);
    when(listed.getCorporateNumber()).thenReturn("1234567890123");
    when(listed.getBusinessCategory()).thenReturn(BusinessCategory.PRIVATE_ORGANIZATION);

    issuance.sign(ID);

    IssuanceRequest request = issued();
    assertThat(request.profile()).isEqualTo(CertificateProfile.EV);
    assertThat(request.ev())
        .isEqualTo(
            new IssuanceRequest.EvSubject("Private Organization", "JP", null, null, "1234567890123"));
  }

  @Test
  void theGuardsAreAskedInOrderBeforeTheKeyIsUsed() {
    issuance.sign(ID);

    InOrder order = inOrder(approvals, invoices, domainControl, caa, csrRecheck, issuer, applications);
    order.verify(approvals).approved(ID);
    order.verify(invoices).find(ID);
    order.verify(domainControl).stillEstablished(ID);
    order.verify(caa).check(ID);
    order.verify(csrRecheck).recheck(ID);
    order.verify(issuer).issue(any());
    order.verify(applications).markIssued(ID);
  }

  // EV Guidelines 5.2.4

  @Test
  void withoutAStandingApprovalNothingIsSignedAndNothingElseIsAsked() {
    when(approvals.approved(ID)).thenReturn(false);

    assertThatThrownBy(() -> issuance.sign(ID))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("application 42")
        .hasMessageContaining("no standing approval")
        .hasMessageContaining("nothing signed");
    nothingSigned();
    verifyNoInteractions(invoices, domainControl, caa, csrRecheck);
  }

  // Guide [3-2]: paid before issuance, unless the renewal was granted deferred payment.

  @Test
  void anOpenInvoiceStopsSigningBeforeDomainControlOrCaaAreLookedAt() {
    Invoice open = invoice(InvoiceStatus.OPEN, false);
    when(invoices.find(ID)).thenReturn(Optional.of(open));

    assertThatThrownBy(() -> issuance.sign(ID))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("application 42")
        .hasMessageContaining("the invoice is OPEN, not paid")
        .hasMessageContaining("nothing signed");
    nothingSigned();
    verifyNoInteractions(domainControl, caa, csrRecheck);
  }

  @Test
  void withoutAnInvoiceNothingIsSigned() {
    when(invoices.find(ID)).thenReturn(Optional.empty());

    assertThatThrownBy(() -> issuance.sign(ID))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("application 42")
        .hasMessageContaining("no invoice");
    nothingSigned();
    verifyNoInteractions(caa);
  }

  @Test
  void aCancelledInvoiceIsNotSettledEvenWhenPaymentWasDeferred() {
    Invoice cancelled = invoice(InvoiceStatus.CANCELLED, true);
    when(invoices.find(ID)).thenReturn(Optional.of(cancelled));

    assertThatThrownBy(() -> issuance.sign(ID))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the invoice is CANCELLED");
    nothingSigned();
  }

  @Test
  void aRenewalGrantedDeferredPaymentIsSignedWhileItsInvoiceIsOpen() {
    Invoice deferred = invoice(InvoiceStatus.OPEN, true);
    when(invoices.find(ID)).thenReturn(Optional.of(deferred));

    assertThat(issuance.sign(ID).serial()).isEqualTo("1a2b3c");
    verify(applications).markIssued(ID);
  }

  // BR 4.2.1: a reused domain validation may pass its reuse period while the application waits.

  @Test
  void aLapsedDomainValidationRefusesSigning() {
    when(domainControl.stillEstablished(ID)).thenReturn(false);
    when(domainControl.registrantEvidenceCountsAsControl()).thenReturn(false);

    ApplicationIssuance.Signing signing = issuance.sign(ID);

    assertThat(signing.refused()).isTrue();
    assertThat(signing.refusal()).isEqualTo(RejectionReason.DOMAIN_CONTROL_LAPSED);
    assertThat(signing.detail()).contains("BR 4.2.1");
    assertThat(signing.serial()).isNull();
    nothingSigned();
    verifyNoInteractions(caa, csrRecheck);
  }

  // Private CA: the guide's [3-1] registrant evidence is control, and must be on record.

  @Test
  void withoutRegistrantEvidenceOnRecordAPrivateCaSignsNothing() {
    when(domainControl.stillEstablished(ID)).thenReturn(false);
    when(domainControl.registrantEvidenceCountsAsControl()).thenReturn(true);

    assertThatThrownBy(() -> issuance.sign(ID))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("application 42")
        .hasMessageContaining("no registrant match")
        .hasMessageContaining("nothing signed");
    nothingSigned();
    verifyNoInteractions(caa, csrRecheck);
  }

  // BR 3.2.2.8: CAA right before issuance.

  @Test
  void caaThatForbidsThisCaRefusesSigningWithTheRecordsReason() {
    when(caa.check(ID))
        .thenReturn(new CaaBeforeIssuance.Outcome(false, "example.co.jp: issue \"other-ca.example\""));

    ApplicationIssuance.Signing signing = issuance.sign(ID);

    assertThat(signing.refusal()).isEqualTo(RejectionReason.CAA_FORBIDS);
    assertThat(signing.detail()).isEqualTo("example.co.jp: issue \"other-ca.example\"");
    assertThat(signing.serial()).isNull();
    nothingSigned();
    verifyNoInteractions(csrRecheck);
  }

  @Test
  void aCaaLookupThatFailsIsAnIncidentNotARefusal() {
    when(caa.check(ID))
        .thenThrow(
            new CaaBeforeIssuance.CaaLookupFailedException(
                "application 42: CAA could not be looked up, nothing signed: SERVFAIL"));

    assertThatThrownBy(() -> issuance.sign(ID))
        .isInstanceOf(CaaBeforeIssuance.CaaLookupFailedException.class)
        .hasMessageContaining("application 42");
    nothingSigned();
  }

  // BR 6.1.1.3: the key may have been blocklisted or reused since the CSR step.

  @Test
  void aCsrTheRecheckRefusesIsNotSigned() {
    when(csrRecheck.recheck(ID))
        .thenReturn(new CsrRecheck.Outcome(false, "KEY_BLOCKLISTED: the key is known to be compromised"));

    ApplicationIssuance.Signing signing = issuance.sign(ID);

    assertThat(signing.refusal()).isEqualTo(RejectionReason.CSR_REFUSED);
    assertThat(signing.detail()).isEqualTo("KEY_BLOCKLISTED: the key is known to be compromised");
    assertThat(signing.serial()).isNull();
    nothingSigned();
  }

  // BR 7.1 via the pre-issuance lint: the issuer refuses before the CA key signs.

  @Test
  void aCertificateTheLintRefusesIsRefusedWithTheFindingsAndTheApplicationIsNotIssued() {
    when(issuer.issue(any()))
        .thenThrow(
            new LintFailedException(
                List.of(
                    new LintFinding(
                        "e_ev_registration_number_missing",
                        LintFinding.Severity.ERROR,
                        "EVG 7.1.4.2.5",
                        "no serialNumber"))));

    ApplicationIssuance.Signing signing = issuance.sign(ID);

    assertThat(signing.refused()).isTrue();
    assertThat(signing.refusal()).isEqualTo(RejectionReason.ISSUANCE_RULES_NOT_MET);
    assertThat(signing.detail())
        .contains("pre-issuance lint refused")
        .contains("e_ev_registration_number_missing");
    assertThat(signing.serial()).isNull();
    verify(applications, never()).markIssued(anyLong());
  }

  private Invoice invoice(InvoiceStatus status, boolean deferred) {
    Invoice invoice = mock(Invoice.class);
    when(invoice.getStatus()).thenReturn(status);
    when(invoice.isDeferred()).thenReturn(deferred);
    return invoice;
  }

  private IssuanceRequest issued() {
    ArgumentCaptor<IssuanceRequest> request = ArgumentCaptor.forClass(IssuanceRequest.class);
    verify(issuer).issue(request.capture());
    return request.getValue();
  }

  private void nothingSigned() {
    verifyNoInteractions(issuer);
    verify(applications, never()).markIssued(anyLong());
  }
}
