package org.cabackoffice.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cabackoffice.application.ApplicationStatus;
import org.junit.jupiter.api.Test;

/** Where an application stands, said as the customer would say it (guide [3]). */
class CustomerStepTest {

  @Test
  void theProcessStepsReadAsTheCustomersTerms() {
    assertThat(step("domain-stage", "wait-for-domain-consent")).isEqualTo(CustomerStep.WAITING_FOR_DOMAIN_CONSENT);
    assertThat(step("domain-stage", "dns-recheck-wait")).isEqualTo(CustomerStep.WAITING_FOR_DNS_RECORD);
    assertThat(step("documents-stage", "wait-for-documents")).isEqualTo(CustomerStep.WAITING_FOR_DOCUMENTS);
    assertThat(step("organization-stage", "wait-for-registry-certificate")).isEqualTo(CustomerStep.WAITING_FOR_DOCUMENTS);
    assertThat(step("phone-stage", "wait-for-employment-certificate")).isEqualTo(CustomerStep.WAITING_FOR_DOCUMENTS);
    assertThat(step("payment-stage", "wait-for-payment")).isEqualTo(CustomerStep.WAITING_FOR_PAYMENT);
    assertThat(step("phone-stage", "verify-by-phone")).isEqualTo(CustomerStep.WAITING_FOR_PHONE_CALL);
    assertThat(step("approval-stage", "approve-issuance")).isEqualTo(CustomerStep.WAITING_FOR_APPROVAL);
    assertThat(step("issuance-stage", "sign-certificate")).isEqualTo(CustomerStep.BEING_ISSUED);
    assertThat(step("documents-stage", "review-documents")).isEqualTo(CustomerStep.UNDER_REVIEW);
    assertThat(step()).isEqualTo(CustomerStep.UNDER_REVIEW);
  }

  @Test
  void anEndedApplicationIsIssuedOrNotAcceptedWhateverTheProcessShows() {
    assertThat(CustomerStep.of(ApplicationStatus.ISSUED, List.of())).isEqualTo(CustomerStep.ISSUED);
    assertThat(CustomerStep.of(ApplicationStatus.REJECTED, List.of("wait-for-payment"))).isEqualTo(CustomerStep.REJECTED);
  }

  @Test
  void onlyTheCustomersOwnMovesAskForAction() {
    assertThat(CustomerStep.WAITING_FOR_DOCUMENTS.customersMove()).isTrue();
    assertThat(CustomerStep.WAITING_FOR_PAYMENT.customersMove()).isTrue();
    assertThat(CustomerStep.WAITING_FOR_APPROVAL.customersMove()).isFalse();
  }

  private static CustomerStep step(String... activities) {
    return CustomerStep.of(ApplicationStatus.IN_PROGRESS, List.of(activities));
  }
}
