package org.cabackoffice.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.domain.corroboration.Corroboration;
import org.cabackoffice.domain.corroboration.CorroborationRecords;
import org.cabackoffice.domain.corroboration.PerspectiveAttempt;
import org.cabackoffice.domain.corroboration.PerspectiveResult;
import org.cabackoffice.domain.corroboration.RirRegion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The order's CAA corroboration in what auditors read of it (BR 3.2.2.9, BR 5.4.1 items 7 and 8):
 * as kept with each perspective's result, and nothing at all for an order kept before the link.
 */
class AcmeOrderRecordsTest {

  private static final Instant AT = Instant.parse("2026-12-07T01:00:00Z");

  final AcmeOrderRepository orders = mock(AcmeOrderRepository.class);
  final AcmeAccountRepository accounts = mock(AcmeAccountRepository.class);
  final CorroborationRecords corroborations = mock(CorroborationRecords.class);
  final AcmeOrderRecords records =
      new AcmeOrderRecords(
          orders, accounts, mock(AcmeAuthorizationRepository.class), mock(AcmeChallengeRepository.class),
          mock(AcmeIdentityConfirmationRepository.class), mock(ValidatedOrganizations.class), corroborations);

  @BeforeEach
  void anOrder() {
    AcmeOrder order = new AcmeOrder(3, List.of("www.sample-acme.jp"), AT, AT.plusSeconds(86400));
    ReflectionTestUtils.setField(order, "id", 41L);
    when(orders.findById(41L)).thenReturn(Optional.of(order));
    AcmeAccount account = mock(AcmeAccount.class);
    when(account.getId()).thenReturn(3L);
    when(account.getCustomerAccountId()).thenReturn(7L);
    when(accounts.findById(any())).thenReturn(Optional.of(account));
  }

  @Test
  void anOrderWithoutALinkedCorroborationHasNoneRatherThanFailing() {
    when(corroborations.ofAcmeOrder(41L)).thenReturn(List.of());

    assertThat(records.record(41L).orElseThrow().caaCorroborations()).isEmpty();
  }

  @Test
  void theOrdersCaaCorroborationIsReadWithEachPerspectivesResultAsRecorded() {
    Corroboration caa = mock(Corroboration.class);
    when(caa.getId()).thenReturn(12L);
    when(caa.getSubject()).thenReturn(Corroboration.Subject.CAA);
    when(caa.getCheckedAt()).thenReturn(AT);
    when(caa.getDnsNames()).thenReturn(List.of("www.sample-acme.jp"));
    when(caa.getQuorum()).thenReturn("4/5");
    when(caa.isMet()).thenReturn(true);
    when(caa.outcome()).thenReturn("quorum 4/5 met (at least 5 perspectives required)");
    when(caa.getSummary()).thenReturn("CAA permission corroborated 4/5 by remote perspectives: quorum met");
    when(caa.getCaaRequesters()).thenReturn("www.sample-acme.jp accounturi=https://ca.example/acme/acct/3 method=http-01");
    PerspectiveAttempt tokyo = mock(PerspectiveAttempt.class);
    when(tokyo.getPerspectiveId()).thenReturn("tokyo-1");
    when(tokyo.getRegion()).thenReturn(RirRegion.APNIC);
    when(tokyo.getVerdict()).thenReturn(PerspectiveResult.Verdict.CORROBORATED);
    when(tokyo.getDetail()).thenReturn("permitted (127.0.0.1:53)");
    when(corroborations.ofAcmeOrder(41L)).thenReturn(List.of(new CorroborationRecords.Recorded(caa, List.of(tokyo))));

    AcmeOrderRecords.CaaCorroboration read = records.record(41L).orElseThrow().caaCorroborations().get(0);

    assertThat(read.id()).isEqualTo(12L);
    assertThat(read.checkedAt()).isEqualTo(AT);
    assertThat(read.met()).isTrue();
    assertThat(read.outcome()).isEqualTo("quorum 4/5 met (at least 5 perspectives required)");
    assertThat(read.requesters()).contains("method=http-01");
    assertThat(read.perspectives())
        .containsExactly(new AcmeOrderRecords.PerspectiveRecord("tokyo-1", "APNIC", "CORROBORATED", "permitted (127.0.0.1:53)", null));
  }
}
