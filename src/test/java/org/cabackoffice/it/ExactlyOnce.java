package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a crash must never do to the applications it cut off (issue 13), read from the database
 * and the mail server after they all completed: one certificate per application, no serial twice,
 * every serial the log names on record, no signing left open, every payment kept, every queued
 * mail sent, and one certificate mail per application (copies of one mail, should a relay get it
 * twice, carry one Message-ID).
 */
final class ExactlyOnce {

  private static final Pattern LOGGED_SERIAL =
      Pattern.compile(
          "(?:Lint finding for serial|Issued [A-Z]{2} certificate serial|Storing certificate serial|Signing of serial"
              + "|Certificate serial|already has certificate serial) ([0-9a-f]{16,40})");

  /** The relay the nodes deliver to: outside them, so what it received survives their death. */
  static GreenMail relay() {
    ServerSetup smtp = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    smtp.setServerStartupTimeout(10_000);
    GreenMail relay = new GreenMail(smtp).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    relay.start();
    return relay;
  }

  /** What was found; every count but {@code completed} must be 0. */
  record Findings(int completed, int duplicateCertificates, int duplicateSerials, int duplicateMails, int mailCopies) {
    int duplicates() {
      return duplicateCertificates + duplicateSerials + duplicateMails;
    }
  }

  /**
   * @param domains each application's domain (its certificate is for www.{domain})
   * @param logs what the nodes wrote, every start of each
   */
  static Findings check(NodeDatabase db, GreenMail relay, Map<Long, String> domains, String logs) throws Exception {
    String ids = domains.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));

    Map<Long, Long> certificates = counts(db, "select application_id, count(*) from issued_certificate where application_id in (" + ids + ") group by application_id");
    assertThat(certificates).as("certificates per application").hasSize(domains.size());
    int duplicateCertificates = (int) certificates.values().stream().filter(n -> n > 1).count();
    assertThat(certificates.values()).as("one certificate per application").containsOnly(1L);

    int duplicateSerials = db.rows("select serial from issued_certificate group by serial having count(*) > 1").size();
    assertThat(duplicateSerials).as("no serial twice").isZero();
    assertThat(db.rows("select serial, application_id from certificate_signing where state = 'STARTED'"))
        .as("no signing left open once every application completed")
        .isEmpty();
    assertThat(db.rows("select s.serial from certificate_signing s left join issued_certificate c on c.serial = s.serial"
            + " where s.state = 'ISSUED' and c.id is null"))
        .as("every signing recorded as issued has its certificate")
        .isEmpty();
    Set<String> recorded = new HashSet<>();
    db.rows("select serial from certificate_signing").forEach(r -> recorded.add(r.get(0)));
    Set<String> logged = new HashSet<>();
    Matcher serial = LOGGED_SERIAL.matcher(logs);
    while (serial.find()) {
      logged.add(serial.group(1));
    }
    assertThat(recorded).as("every serial the nodes logged is on record").containsAll(logged);

    // Guide [3-2]: each transfer recorded once, for the invoice's amount, none lost to the crash.
    for (List<String> invoice :
        db.rows("select i.application_id, i.total_yen, count(p.id), coalesce(sum(p.amount_yen), 0) from invoice i"
            + " left join payment p on p.invoice_id = i.id where i.application_id in (" + ids + ")"
            + " group by i.application_id, i.total_yen")) {
      assertThat(invoice.get(2)).as("payments of application " + invoice.get(0)).isEqualTo("1");
      assertThat(invoice.get(3)).as("amount paid for application " + invoice.get(0)).isEqualTo(invoice.get(1));
    }

    assertThat(db.rows("select id, dedup_key, status, last_error from outbox_mail where status <> 'SENT'"))
        .as("every queued mail went out")
        .isEmpty();
    Map<Long, Long> certificateMails =
        counts(db, "select application_id, count(*) from outbox_mail where dedup_key like 'certificate-issued/%'"
            + " and application_id in (" + ids + ") group by application_id");
    assertThat(certificateMails.values()).as("one certificate mail queued per application").hasSize(domains.size()).containsOnly(1L);

    // What the relay received: one Message-ID per outbox row; copies of one id are one mail.
    Map<String, Integer> copies = new HashMap<>();
    Map<String, Set<String>> certificateMailIdsByName = new TreeMap<>();
    for (MimeMessage message : relay.getReceivedMessages()) {
      String id = message.getMessageID();
      copies.merge(id, 1, Integer::sum);
      if (message.getSubject() != null && message.getSubject().startsWith("サーバ ID 発行のお知らせ")) {
        Matcher name = Pattern.compile("コモンネーム : (\\S+)").matcher(text(message));
        if (name.find()) {
          certificateMailIdsByName.computeIfAbsent(name.group(1), n -> new HashSet<>()).add(id);
        }
      }
    }
    long sentRows = db.count("select count(*) from outbox_mail where status = 'SENT'");
    assertThat(copies).as("the relay received each sent outbox mail").hasSize((int) sentRows);
    int mailCopies = copies.values().stream().mapToInt(n -> n - 1).sum();
    int duplicateMails =
        (int) domains.values().stream().filter(d -> certificateMailIdsByName.getOrDefault("www." + d, Set.of()).size() > 1).count();
    for (String domain : domains.values()) {
      assertThat(certificateMailIdsByName.getOrDefault("www." + domain, Set.of()))
          .as("certificate mails (Message-IDs) for www." + domain)
          .hasSize(1);
    }
    return new Findings(certificates.size(), duplicateCertificates, duplicateSerials, duplicateMails, mailCopies);
  }

  private static String text(MimeMessage message) {
    try {
      Object content = message.getContent();
      if (content instanceof String text) {
        return text;
      }
      if (content instanceof jakarta.mail.Multipart multipart) {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
          Object part = multipart.getBodyPart(i).getContent();
          if (part instanceof String text) {
            all.append(text);
          } else if (part instanceof jakarta.mail.Multipart inner) {
            for (int j = 0; j < inner.getCount(); j++) {
              if (inner.getBodyPart(j).getContent() instanceof String text) {
                all.append(text);
              }
            }
          }
        }
        return all.toString();
      }
      return "";
    } catch (Exception e) {
      throw new IllegalStateException("cannot read a received mail", e);
    }
  }

  private static Map<Long, Long> counts(NodeDatabase db, String sql) throws SQLException {
    Map<Long, Long> counts = new TreeMap<>();
    db.rows(sql).forEach(r -> counts.put(Long.parseLong(r.get(0)), Long.parseLong(r.get(1))));
    return counts;
  }
}
