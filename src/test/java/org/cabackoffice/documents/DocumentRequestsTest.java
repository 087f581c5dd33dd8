package org.cabackoffice.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.OutgoingMail;
import org.junit.jupiter.api.Test;

class DocumentRequestsTest {

  static final Instant NOW = Instant.parse("2025-06-02T01:00:00Z");
  /** The server's clock runs in UTC (ClockConfiguration); mails must still show Japanese time. */
  static final ZoneId SERVER_ZONE = ZoneOffset.UTC;

  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final List<OutgoingMail> mails = new ArrayList<>();

  private DocumentRequests at(Instant now) {
    return new DocumentRequests(
        store.requestRepository,
        new DocumentsProperties(null, null),
        new MailTemplates(),
        mails::add,
        Clock.fixed(now, SERVER_ZONE),
        "https://ra.example.jp/");
  }

  private final DocumentRequests requests = at(NOW);

  @Test
  void requestMailsTheUploadLinkValidForThirtyDays() {
    DocumentRequest request =
        requests.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "登記事項証明書 (3 か月以内)", "tech@example.jp");

    assertThat(request.getStatus()).isEqualTo(DocumentRequestStatus.REQUESTED);
    assertThat(request.getRequestedAt()).isEqualTo(NOW);
    assertThat(request.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(UploadTokens.isWellFormed(request.getToken())).isTrue();
    assertThat(mails).singleElement().satisfies(mail -> {
      assertThat(mail.to()).isEqualTo("tech@example.jp");
      assertThat(mail.dedupKey()).isEqualTo("document-request:" + request.getId());
      assertThat(mail.subject()).startsWith("申請書類ご提出のお願い (申請番号 7)");
      assertThat(mail.body())
          .contains("https://ra.example.jp/public/documents/" + request.getToken())
          .contains("登記事項証明書 (3 か月以内)")
          .contains("2025-07-02 10:00 JST");
    });
  }

  @Test
  void employmentCertificateHasItsOwnMail() {
    requests.request(7L, DocumentKind.EMPLOYMENT_CERTIFICATE, "申請責任者の在籍証明書", "tech@example.jp");

    assertThat(mails).singleElement().satisfies(mail -> {
      assertThat(mail.subject()).startsWith("在籍証明書ご提出のお願い (申請番号 7)");
      assertThat(mail.body()).contains("代表電話番号", "employment certificate");
    });
  }

  @Test
  void anAcmeOrdersRequestNamesTheOrderInItsOwnMailsAndIsApartFromTheApplicationOfTheSameNumber() {
    DocumentRequest request = requests.request(
        DocumentSubject.acmeOrder(7L), DocumentKind.EMPLOYMENT_CERTIFICATE, "Tanaka の在籍証明書", "tech@example.jp");
    DocumentRequest application = requests.request(7L, DocumentKind.EMPLOYMENT_CERTIFICATE, "申請責任者の在籍証明書", "tech@example.jp");

    assertThat(request.getAcmeOrderId()).isEqualTo(7L);
    assertThat(request.getApplicationId()).isNull();
    assertThat(application).isNotSameAs(request);
    assertThat(mails.get(0).subject()).startsWith("在籍証明書ご提出のお願い (ACME 注文 7)").contains("(ACME order 7)");
    assertThat(mails.get(0).body()).contains("Tanaka の在籍証明書", "processing", request.getToken());
    assertThat(mails.get(0).applicationId()).isNull();

    assertThat(requests.remind(DocumentSubject.acmeOrder(7L), DocumentKind.EMPLOYMENT_CERTIFICATE)).contains(request);
    assertThat(mails.get(2).subject()).contains("ACME 注文 7");
    assertThat(requests.expire(DocumentSubject.acmeOrder(7L), DocumentKind.EMPLOYMENT_CERTIFICATE).orElseThrow().getStatus())
        .isEqualTo(DocumentRequestStatus.EXPIRED);
    assertThat(application.getStatus()).isEqualTo(DocumentRequestStatus.REQUESTED);
  }

  @Test
  void openRequestIsReturnedAndNotMailedAgain() {
    DocumentRequest first = requests.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "a", "t@example.jp");
    DocumentRequest again = requests.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "b", "t@example.jp");
    DocumentRequest otherKind =
        requests.request(7L, DocumentKind.EMPLOYMENT_CERTIFICATE, "c", "t@example.jp");

    assertThat(again).isSameAs(first);
    assertThat(otherKind).isNotSameAs(first);
    assertThat(mails).hasSize(2);
  }

  @Test
  void requestAfterAReviewOrALapsedLinkIsANewOne() {
    DocumentRequest refused = requests.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "a", "t@example.jp");
    requests.recordReview(7L, DocumentKind.SUPPORTING_DOCUMENTS, false, "古い証明書です", "officer1");

    DocumentRequest second = requests.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "b", "t@example.jp");
    assertThat(second).isNotSameAs(refused);
    assertThat(second.getToken()).isNotEqualTo(refused.getToken());

    DocumentRequest third =
        at(NOW.plus(Duration.ofDays(31)))
            .request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "c", "t@example.jp");
    assertThat(third).isNotSameAs(second);
    assertThat(second.getStatus()).isEqualTo(DocumentRequestStatus.EXPIRED);
    assertThat(mails).hasSize(3);
  }

  @Test
  void remindOncePerDayWhileNothingWasUploaded() {
    DocumentRequest request = requests.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "a", "t@example.jp");
    DocumentRequests laterThatDay = at(NOW.plus(Duration.ofHours(3)));
    DocumentRequests nextDay = at(NOW.plus(Duration.ofDays(1)));

    assertThat(requests.remind(7L, DocumentKind.SUPPORTING_DOCUMENTS)).containsSame(request);
    laterThatDay.remind(7L, DocumentKind.SUPPORTING_DOCUMENTS);
    nextDay.remind(7L, DocumentKind.SUPPORTING_DOCUMENTS);

    List<OutgoingMail> reminders = mails.subList(1, mails.size());
    assertThat(reminders).hasSize(3);
    assertThat(reminders.get(0).subject()).startsWith("【再送】申請書類ご提出のお願い");
    assertThat(reminders.get(0).body()).contains("/public/documents/" + request.getToken());
    // the outbox keeps one mail per dedup key: the same day's reminders are one mail
    assertThat(reminders.get(0).dedupKey())
        .isEqualTo("document-reminder:" + request.getId() + ":2025-06-02")
        .isEqualTo(reminders.get(1).dedupKey())
        .isNotEqualTo(reminders.get(2).dedupKey());
    assertThat(request.getLastRemindedAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
  }

  @Test
  void aReminderAt0308JstCountsAsTheJapaneseDayAndShowsJapaneseTime() {
    // 2026-12-03T18:08Z is 03:08 on the 4th in Tokyo: the reminder belongs to the 4th.
    Instant utcEvening = Instant.parse("2026-12-03T18:08:00Z");
    DocumentRequests atNight = at(utcEvening);
    DocumentRequest request = atNight.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "a", "t@example.jp");

    atNight.remind(7L, DocumentKind.SUPPORTING_DOCUMENTS);

    assertThat(mails.get(1).dedupKey()).isEqualTo("document-reminder:" + request.getId() + ":2026-12-04");
    assertThat(mails.get(0).body()).contains("2027-01-03 03:08 JST").doesNotContain("18:08");
  }

  @Test
  void noReminderForUploadedLapsedOrMissingRequests() {
    assertThat(requests.remind(7L, DocumentKind.SUPPORTING_DOCUMENTS)).isEmpty();
    DocumentRequest request = requests.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "a", "t@example.jp");
    assertThat(at(NOW.plus(Duration.ofDays(30))).remind(7L, DocumentKind.SUPPORTING_DOCUMENTS)).isEmpty();
    request.markUploaded();
    assertThat(requests.remind(7L, DocumentKind.SUPPORTING_DOCUMENTS)).isEmpty();
    assertThat(mails).hasSize(1);
  }

  @Test
  void expireClosesOnlyARequestWithoutUploads() {
    DocumentRequest waiting = requests.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "a", "t@example.jp");
    DocumentRequest uploaded = requests.request(7L, DocumentKind.EMPLOYMENT_CERTIFICATE, "b", "t@example.jp");
    uploaded.markUploaded();

    assertThat(requests.expire(7L, DocumentKind.SUPPORTING_DOCUMENTS)).containsSame(waiting);
    assertThat(waiting.getStatus()).isEqualTo(DocumentRequestStatus.EXPIRED);
    assertThat(requests.expire(7L, DocumentKind.EMPLOYMENT_CERTIFICATE)).containsSame(uploaded);
    assertThat(uploaded.getStatus()).isEqualTo(DocumentRequestStatus.UPLOADED);
    assertThat(requests.expire(8L, DocumentKind.SUPPORTING_DOCUMENTS)).isEmpty();
  }

  @Test
  void reviewRecordsTheVerdictOfTheOpenRequest() {
    DocumentRequest request = requests.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "a", "t@example.jp");
    request.markUploaded();

    DocumentRequest reviewed =
        requests.recordReview(7L, DocumentKind.SUPPORTING_DOCUMENTS, true, null, "officer1");

    assertThat(reviewed.getStatus()).isEqualTo(DocumentRequestStatus.ACCEPTED);
    assertThat(reviewed.getReviewer()).isEqualTo("officer1");
    assertThat(reviewed.getReviewedAt()).isEqualTo(NOW);
    assertThat(requests.latest(7L, DocumentKind.SUPPORTING_DOCUMENTS)).containsSame(request);
  }

  @Test
  void reviewRefusesAClosedRequestAndAReasonlessRefusal() {
    requests.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "a", "t@example.jp");

    assertThatThrownBy(
            () -> requests.recordReview(7L, DocumentKind.SUPPORTING_DOCUMENTS, false, " ", "officer1"))
        .isInstanceOfSatisfying(
            DocumentRefused.class,
            e -> assertThat(e.reason()).isEqualTo(DocumentRefused.Reason.INVALID_INPUT));
    requests.expire(7L, DocumentKind.SUPPORTING_DOCUMENTS);
    assertThatThrownBy(
            () -> requests.recordReview(7L, DocumentKind.SUPPORTING_DOCUMENTS, true, null, "officer1"))
        .isInstanceOfSatisfying(
            DocumentRefused.class,
            e -> assertThat(DocumentRefusalStatus.of(e.reason()).value()).isEqualTo(409));
    assertThatThrownBy(
            () -> requests.recordReview(9L, DocumentKind.EMPLOYMENT_CERTIFICATE, true, null, "officer1"))
        .isInstanceOf(DocumentRefused.class);
  }

  @Test
  void requestWithoutNoteOrAddresseeIsRefused() {
    assertThatThrownBy(() -> requests.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, " ", "t@example.jp"))
        .isInstanceOf(DocumentRefused.class);
    assertThatThrownBy(() -> requests.request(7L, DocumentKind.SUPPORTING_DOCUMENTS, "a", null))
        .isInstanceOf(DocumentRefused.class);
    assertThat(store.requests).isEmpty();
    assertThat(mails).isEmpty();
  }
}
