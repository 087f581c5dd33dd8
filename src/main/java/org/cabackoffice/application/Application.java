package org.cabackoffice.application;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import org.cabackoffice.issuance.CertificateSerial;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A certificate application as submitted on the storefront (guide [2-1]). The process holds only
 * its id; everything an officer or auditor reads about the application is here.
 */
@Entity
@Table(name = "application")
public class Application {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "customer_account_id", nullable = false)
  private long customerAccountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Product product;

  @Enumerated(EnumType.STRING)
  @Column(name = "application_type", nullable = false)
  private ApplicationType applicationType;

  @Column(nullable = false)
  private boolean express;

  @Enumerated(EnumType.STRING)
  @Column(name = "payment_method", nullable = false)
  private PaymentMethod paymentMethod;

  /** ライセンス数: servers the certificate may be installed on; the invoice counts each. */
  @Column(nullable = false)
  private int licences = 1;

  /** Decides how the certificate is delivered: IIS takes the chain as one PKCS#7 (guide [5-2]). */
  @Enumerated(EnumType.STRING)
  @Column(name = "server_software", nullable = false)
  private ServerSoftware serverSoftware = ServerSoftware.OTHER;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ApplicationStatus status;

  @Column(name = "csr_pem", nullable = false, length = 65536)
  private String csrPem;

  @Column(name = "common_name")
  private String commonName;

  @Column(name = "organization_name_en", nullable = false)
  private String organizationNameEn;

  @Column(name = "organization_name_ja", nullable = false)
  private String organizationNameJa;

  @Column(name = "organization_unit")
  private String organizationUnit;

  private String locality;

  @Column(name = "state_or_province")
  private String stateOrProvince;

  @Column(nullable = false)
  private String country;

  /** 法人番号 as the applicant gave it; the directory is searched by it first (issue 16). */
  @Column(name = "corporate_number")
  private String corporateNumber;

  @Column(name = "responsible_name", nullable = false)
  private String responsibleName;

  @Column(name = "responsible_title")
  private String responsibleTitle;

  @Column(name = "responsible_email", nullable = false)
  private String responsibleEmail;

  @Column(name = "responsible_phone")
  private String responsiblePhone;

  @Column(name = "technical_company", nullable = false)
  private String technicalCompany;

  @Column(name = "technical_name", nullable = false)
  private String technicalName;

  @Column(name = "technical_email", nullable = false)
  private String technicalEmail;

  @Column(name = "technical_phone")
  private String technicalPhone;

  @Column(name = "renewed_certificate_serial")
  private String renewedCertificateSerial;

  @Column(name = "rejection_code")
  private String rejectionCode;

  @Column(name = "rejection_reason", length = 2000)
  private String rejectionReason;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "service_level_missed_at")
  private Instant serviceLevelMissedAt;

  /** Every DNS name the CSR asks for (CN and SANs), lower case: what staff search by domain. */
  @ElementCollection
  @CollectionTable(name = "application_dns_name", joinColumns = @JoinColumn(name = "application_id"))
  @Column(name = "dns_name", nullable = false)
  private Set<String> dnsNames = new HashSet<>();

  @Column(name = "dns_names_recorded", nullable = false)
  private boolean dnsNamesRecorded;

  @Version private long version;

  protected Application() {}

  Application(long customerAccountId, ApplicationForm form, String commonName, Instant submittedAt) {
    this.customerAccountId = customerAccountId;
    this.product = form.product();
    this.applicationType = form.applicationType();
    this.express = Boolean.TRUE.equals(form.express());
    this.paymentMethod = form.paymentMethod();
    this.licences = form.licenceCount();
    this.serverSoftware = form.serverSoftware() == null ? ServerSoftware.OTHER : form.serverSoftware();
    this.status = ApplicationStatus.IN_PROGRESS;
    this.csrPem = form.csr();
    this.commonName = commonName;
    ApplicationForm.Organization org = form.organization();
    this.organizationNameEn = org.nameEn().trim();
    this.organizationNameJa = org.nameJa().trim();
    this.organizationUnit = org.unit();
    this.locality = org.locality();
    this.stateOrProvince = org.stateOrProvince();
    this.country = org.country();
    this.corporateNumber =
        org.corporateNumber() == null || org.corporateNumber().isBlank() ? null : org.corporateNumber().strip();
    ApplicationForm.ResponsiblePerson rp = form.responsiblePerson();
    this.responsibleName = rp.name();
    this.responsibleTitle = rp.title();
    this.responsibleEmail = rp.email();
    this.responsiblePhone = rp.phone();
    ApplicationForm.TechnicalContact tc = form.technicalContact();
    this.technicalCompany = tc.company();
    this.technicalName = tc.name();
    this.technicalEmail = tc.email();
    this.technicalPhone = tc.phone();
    // Stored as serials are everywhere (lower-case hex, no colons), so renewals can be found by
    // the certificate they renew; intake refused any text that is not a serial.
    this.renewedCertificateSerial =
        form.renewedCertificateSerial() == null || form.renewedCertificateSerial().isBlank()
            ? null
            : CertificateSerial.normalize(form.renewedCertificateSerial());
    this.submittedAt = submittedAt;
  }

  void reject(RejectionReason reason, String detail, Instant at) {
    if (status != ApplicationStatus.IN_PROGRESS) {
      throw new IllegalStateException("application " + id + " is " + status + " already");
    }
    status = ApplicationStatus.REJECTED;
    rejectionCode = reason.name();
    String text = reason.messageJa() + " / " + reason.messageEn();
    if (detail != null && !detail.isBlank()) {
      text = text + ": " + detail;
    }
    rejectionReason = text.length() > 2000 ? text.substring(0, 2000) : text;
    decidedAt = at;
  }

  void markIssued(Instant at) {
    if (status != ApplicationStatus.IN_PROGRESS) {
      throw new IllegalStateException("application " + id + " is " + status + " already");
    }
    status = ApplicationStatus.ISSUED;
    decidedAt = at;
  }

  /** The CSR's names, kept for the staff list's domain filter (issue 8 item 6). */
  void recordDnsNames(Collection<String> names) {
    for (String name : names) {
      if (name != null && !name.isBlank()) {
        dnsNames.add(name.trim().toLowerCase(Locale.ROOT));
      }
    }
    dnsNamesRecorded = true;
  }

  boolean isDnsNamesRecorded() {
    return dnsNamesRecorded;
  }

  public Set<String> getDnsNames() {
    return Set.copyOf(dnsNames);
  }

  /** Records the first time a stage ran past the service-level deadline; later ones keep it. */
  void flagServiceLevelMissed(Instant at) {
    if (serviceLevelMissedAt == null) {
      serviceLevelMissedAt = at;
    }
  }

  public Instant getServiceLevelMissedAt() {
    return serviceLevelMissedAt;
  }

  public Long getId() {
    return id;
  }

  public long getCustomerAccountId() {
    return customerAccountId;
  }

  public Product getProduct() {
    return product;
  }

  public ApplicationType getApplicationType() {
    return applicationType;
  }

  public boolean isExpress() {
    return express;
  }

  public int getLicences() {
    return licences;
  }

  public ServerSoftware getServerSoftware() {
    return serverSoftware;
  }

  public PaymentMethod getPaymentMethod() {
    return paymentMethod;
  }

  public ApplicationStatus getStatus() {
    return status;
  }

  public String getCsrPem() {
    return csrPem;
  }

  public String getCommonName() {
    return commonName;
  }

  public String getOrganizationNameEn() {
    return organizationNameEn;
  }

  public String getOrganizationNameJa() {
    return organizationNameJa;
  }

  public String getOrganizationUnit() {
    return organizationUnit;
  }

  public String getLocality() {
    return locality;
  }

  public String getStateOrProvince() {
    return stateOrProvince;
  }

  public String getCorporateNumber() {
    return corporateNumber;
  }

  public String getCountry() {
    return country;
  }

  public String getResponsibleName() {
    return responsibleName;
  }

  public String getResponsibleTitle() {
    return responsibleTitle;
  }

  public String getResponsibleEmail() {
    return responsibleEmail;
  }

  public String getResponsiblePhone() {
    return responsiblePhone;
  }

  public String getTechnicalCompany() {
    return technicalCompany;
  }

  public String getTechnicalName() {
    return technicalName;
  }

  public String getTechnicalEmail() {
    return technicalEmail;
  }

  public String getTechnicalPhone() {
    return technicalPhone;
  }

  public String getRenewedCertificateSerial() {
    return renewedCertificateSerial;
  }

  public String getRejectionCode() {
    return rejectionCode;
  }

  public String getRejectionReason() {
    return rejectionReason;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }
}
