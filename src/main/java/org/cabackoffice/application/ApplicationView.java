package org.cabackoffice.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/applications/{id}} answers: status and the stage the process is in, and
 * once issued the certificate's serial (DESIGN.md, contracts). Staff reading one application also
 * see the other applications for its common name (guide [1-2] FAQ); customers and lists do not
 * ({@code sameCommonName} left out): another customer's application is not theirs to see.
 */
public record ApplicationView(
    long id,
    ApplicationStatus status,
    List<String> stage,
    Product product,
    ApplicationType applicationType,
    boolean express,
    int licences,
    ServerSoftware serverSoftware,
    PaymentMethod paymentMethod,
    String commonName,
    String organizationNameEn,
    String organizationNameJa,
    String technicalContactEmail,
    String renewedCertificateSerial,
    Instant submittedAt,
    Instant decidedAt,
    Rejection rejection,
    String serial,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<SameCommonName.OtherApplication> sameCommonName) {

  public record Rejection(String code, String reason) {}

  static ApplicationView of(
      Application a,
      List<String> stage,
      String serial,
      List<SameCommonName.OtherApplication> sameCommonName) {
    return new ApplicationView(
        a.getId(),
        a.getStatus(),
        stage,
        a.getProduct(),
        a.getApplicationType(),
        a.isExpress(),
        a.getLicences(),
        a.getServerSoftware(),
        a.getPaymentMethod(),
        a.getCommonName(),
        a.getOrganizationNameEn(),
        a.getOrganizationNameJa(),
        a.getTechnicalEmail(),
        a.getRenewedCertificateSerial(),
        a.getSubmittedAt(),
        a.getDecidedAt(),
        a.getRejectionCode() == null
            ? null
            : new Rejection(a.getRejectionCode(), a.getRejectionReason()),
        serial,
        sameCommonName);
  }
}
