package org.cabackoffice.audit;

import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineCsvTest {

  @Test
  void plainFieldsAreNotQuoted() {
    assertThat(TimelineCsv.field("officer")).isEqualTo("officer");
    assertThat(TimelineCsv.field("")).isEmpty();
    assertThat(TimelineCsv.field(null)).isEmpty();
  }

  @Test
  void commasQuotesAndLineBreaksAreQuotedAndQuotesDoubled() {
    assertThat(TimelineCsv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(TimelineCsv.field("say \"yes\"")).isEqualTo("\"say \"\"yes\"\"\"");
    assertThat(TimelineCsv.field("line\nbreak")).isEqualTo("\"line\nbreak\"");
    assertThat(TimelineCsv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
    assertThat(TimelineCsv.field("\"")).isEqualTo("\"\"\"\"");
  }

  @Test
  void fieldsASpreadsheetWouldRunAsFormulasAreDefused() {
    assertThat(TimelineCsv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(TimelineCsv.field("+81-3-5555")).isEqualTo("'+81-3-5555");
    assertThat(TimelineCsv.field("-1")).isEqualTo("'-1");
    assertThat(TimelineCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(TimelineCsv.field("a=b")).isEqualTo("a=b");
  }

  @Test
  void aTimelineIsAHeaderAndOneCrlfTerminatedRecordPerEntry() {
    Instant at = Instant.parse("2026-11-20T01:02:03.456Z");
    List<TimelineEntry> entries =
        List.of(
            new TimelineEntry(at, TimelineKind.PHONE_VERIFICATION, "officer", "Phone verification CONFIRMED: called 03-5555-0100, spoke with \"Yamada\"", "phone_verification:3"),
            new TimelineEntry(at.plusSeconds(1), TimelineKind.MAIL_SENT, null, "Mail 'サーバ ID 発行のお知らせ' to @sample.co.jp accepted", "outbox_mail:9"));

    String csv = TimelineCsv.of(entries);

    assertThat(csv)
        .isEqualTo(
            "at,kind,actor,summary,reference\r\n"
                + "2026-11-20T01:02:03.456Z,PHONE_VERIFICATION,officer,\"Phone verification CONFIRMED: called 03-5555-0100, spoke with \"\"Yamada\"\"\",phone_verification:3\r\n"
                + "2026-11-20T01:02:04.456Z,MAIL_SENT,system,Mail 'サーバ ID 発行のお知らせ' to @sample.co.jp accepted,outbox_mail:9\r\n");
  }

  @Test
  void anEmptyTimelineIsTheHeaderAlone() {
    assertThat(TimelineCsv.of(List.of())).isEqualTo("at,kind,actor,summary,reference\r\n");
  }
}
