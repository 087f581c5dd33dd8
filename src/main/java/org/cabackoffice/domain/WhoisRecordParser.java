package org.cabackoffice.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the WHOIS answer formats we meet (RFC 3912 fixes none):
 *
 * <ul>
 *   <li>JPRS general-use and geographic .jp, Japanese and English ({@code /e}) forms: {@code
 *       [Domain Name]}, {@code [登録者名]}, {@code [Registrant]}, contact {@code [Email]};
 *   <li>JPRS organization-type domains (.co.jp, .or.jp …): {@code a. [Domain Name]}, {@code f.
 *       [組織名]}, {@code g. [Organization]}; their contacts are JP handles, whose addresses
 *       JPRS's contact records give ({@link #contactHandles}, {@link #contactRecordEmails});
 *   <li>gTLD registries and registrars (ICANN RDDS): {@code Registrant Organization:}, {@code
 *       Registrant Email:}, {@code Admin Email:}, {@code Tech Email:}, and a thin registry's
 *       {@code Registrar WHOIS Server:} referral.
 * </ul>
 *
 * "No match" answers mean the domain is not registered; throttling answers and answers in no
 * known shape raise {@link RegistryUnavailableException}, because neither says anything about
 * the domain.
 */
final class WhoisRecordParser {

  /** {@code [Key]   value}, optionally lettered ({@code a. [Domain Name]}), as JPRS writes. */
  private static final Pattern BRACKETED =
      Pattern.compile("^\\s*(?:[a-z]\\.\\s*)?\\[([^\\]]{1,40})]\\s*(.*?)\\s*$");

  /** {@code Key: value} as the RDDS format writes (key starts a line, without brackets). */
  private static final Pattern COLON =
      Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9 /()._-]{0,60}?)\\s*:\\s*(.*?)\\s*$");

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

  private static final Set<String> DOMAIN_KEYS = Set.of("domain name", "domain", "ドメイン名");

  /** Registrant organization: RDDS, JPRS general-use (ja, en), JPRS organization-type (ja, en). */
  private static final Set<String> REGISTRANT_KEYS =
      Set.of(
          "registrant organization",
          "registrant organisation",
          "registrant",
          "登録者名",
          "組織名",
          "organization");

  /** Contact addresses: RDDS registrant/admin/tech, JPRS public contact. */
  private static final Set<String> EMAIL_KEYS =
      Set.of(
          "registrant email",
          "admin email",
          "tech email",
          "email",
          "e-mail",
          "電子メール",
          "電子メールアドレス",
          "電子メイル");

  /**
   * Organization-type .jp records name their contacts by JP handle only: {@code m. [登録担当者]}
   * / {@code [Administrative Contact]} and {@code n. [技術連絡担当者]} / {@code [Technical
   * Contact]}. Their addresses are in JPRS's contact records ({@code CONTACT <handle>}).
   */
  private static final Set<String> CONTACT_HANDLE_KEYS =
      Set.of("登録担当者", "administrative contact", "技術連絡担当者", "technical contact");

  /** A JP handle (formerly JPNIC handle): initials, a number, JP; or a group handle JP12345678. */
  private static final Pattern JP_HANDLE =
      Pattern.compile("[A-Z]{1,4}[0-9]{1,8}JP|JP[0-9]{8}");

  private static final Set<String> REFERRAL_KEYS = Set.of("registrar whois server");

  /**
   * The registration's expiry: JPRS general-use ({@code [有効期限]}, {@code [Expires on]}), JPRS
   * organization-type ({@code [状態] Connected (2026/03/31)}, {@code [State]}: valid until the end
   * of that month's last day), RDDS registry and registrar.
   */
  private static final Set<String> EXPIRY_KEYS =
      Set.of(
          "有効期限",
          "expires on",
          "状態",
          "state",
          "registry expiry date",
          "registrar registration expiration date",
          "expiration date",
          "expiry date");

  /** A date as JPRS (2026/03/31) or RDDS (2026-03-01T02:00:00Z) writes it. */
  private static final Pattern DATE = Pattern.compile("(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})");

  /** Registries' answers for an unknown name (Verisign, JPRS, PIR, Afilias, DENIC style). */
  private static final List<Pattern> NO_MATCH =
      List.of(
          Pattern.compile("^\\s*no match\\b", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE),
          Pattern.compile("^\\s*not found\\b", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE),
          Pattern.compile("^\\s*no data found\\b", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE),
          Pattern.compile("^\\s*no entries found\\b", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE),
          Pattern.compile("^\\s*domain not found\\b", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE),
          Pattern.compile("^\\s*status:\\s*free\\b", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE));

  /** Quota and rate-limit answers: nothing about the domain, try later. */
  private static final List<String> THROTTLED =
      List.of(
          "query rate limit exceeded",
          "exceeded the maximum allowable number",
          "limit exceeded",
          "too many queries",
          "too many requests",
          "quota exceeded",
          "access denied");

  /**
   * Values a record shows instead of a withheld registrant: GDPR redaction phrases and the names
   * privacy and proxy services register under. Phrases, not single words: "Privacy Tech K.K." is
   * a company that may well hold its own domain.
   */
  private static final Pattern REDACTION =
      Pattern.compile(
          "\\bredacted\\b|^data protected|withheld for privacy|not disclosed|non-public data"
              + "|gdpr masked|statutory masking|by proxy\\b|privacy (?:service|protect)"
              + "|privacyprotect|whois ?privacy|domain privacy|contact privacy|privacy guardian"
              + "|perfect privacy|whoisguard|identity protect|protected by|registration private",
          Pattern.CASE_INSENSITIVE);

  /** IANA's referral to a TLD's WHOIS server: {@code refer:        whois.example}. */
  private static final Pattern IANA_REFER =
      Pattern.compile("^refer:\\s*(\\S+)\\s*$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  private WhoisRecordParser() {}

  /**
   * The server named by IANA's answer to a TLD query, or null when IANA names none (a TLD
   * without WHOIS, or "This query returned 0 objects" for an unknown TLD).
   */
  static String ianaReferral(String text) {
    Matcher m = IANA_REFER.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  static RegistrationRecord parse(String text) {
    List<String> names = new ArrayList<>();
    Set<String> emailsSeen = new LinkedHashSet<>();
    List<String> emails = new ArrayList<>();
    boolean registered = false;
    boolean redacted = false;
    String referral = null;
    LocalDate expiresOn = null;

    for (String line : text.split("\r?\n|\r")) {
      Matcher m = BRACKETED.matcher(line);
      if (!m.matches()) {
        m = COLON.matcher(line);
        if (!m.matches()) {
          continue;
        }
      }
      String key = m.group(1).strip().toLowerCase(Locale.ROOT);
      String value = m.group(2).strip();
      if (DOMAIN_KEYS.contains(key) && !value.isEmpty()) {
        registered = true;
      } else if (REGISTRANT_KEYS.contains(key)) {
        if (isRedacted(value)) {
          redacted = true;
        } else if (!value.isEmpty() && !names.contains(value)) {
          names.add(value);
        }
      } else if (EMAIL_KEYS.contains(key)) {
        // RDDS puts a sentence or a web-form URL here when the address is withheld: skip it.
        if (EMAIL.matcher(value).matches() && emailsSeen.add(value.toLowerCase(Locale.ROOT))) {
          emails.add(value);
        }
      } else if (REFERRAL_KEYS.contains(key) && !value.isEmpty() && referral == null) {
        referral = value;
      } else if (EXPIRY_KEYS.contains(key) && expiresOn == null) {
        expiresOn = date(value);
      }
    }

    if (!registered) {
      // A "no match" line is definitive; a throttling phrase elsewhere (terms of use) is not.
      for (Pattern p : NO_MATCH) {
        if (p.matcher(text).find()) {
          return RegistrationRecord.notRegistered();
        }
      }
      String lower = text.toLowerCase(Locale.ROOT);
      for (String marker : THROTTLED) {
        if (lower.contains(marker)) {
          throw new RegistryUnavailableException(
              "the WHOIS server refused the query (rate limit): " + firstLineWith(text, marker));
        }
      }
      throw new RegistryUnavailableException(
          "the WHOIS answer has no domain record and no 'no match' statement: unrecognised format");
    }
    return new RegistrationRecord(true, names, emails, redacted && names.isEmpty(), referral, expiresOn);
  }

  /** The first date in a value, or null: an unreadable date is no expiry, not an error. */
  static LocalDate date(String value) {
    Matcher m = DATE.matcher(value);
    if (!m.find()) {
      return null;
    }
    try {
      return LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * The contact handles an organization-type .jp record names (administrative, technical), distinct,
   * in record order; empty for every other format.
   */
  static List<String> contactHandles(String text) {
    Set<String> handles = new LinkedHashSet<>();
    for (String line : text.split("\r?\n|\r")) {
      Matcher m = BRACKETED.matcher(line);
      if (m.matches() && CONTACT_HANDLE_KEYS.contains(m.group(1).strip().toLowerCase(Locale.ROOT))) {
        String value = m.group(2).strip().toUpperCase(Locale.ROOT);
        if (JP_HANDLE.matcher(value).matches()) {
          handles.add(value);
        }
      }
    }
    return List.copyOf(handles);
  }

  /**
   * The e-mail address of a JPRS contact record ({@code d. [電子メイル]} / {@code d. [E-Mail]}).
   * Empty when the handle is unknown ("No match") or the record shows no address; a throttling
   * answer raises {@link RegistryUnavailableException}, since it says nothing about the contact.
   */
  static List<String> contactRecordEmails(String text) {
    List<String> emails = new ArrayList<>();
    for (String line : text.split("\r?\n|\r")) {
      Matcher m = BRACKETED.matcher(line);
      if (m.matches() && EMAIL_KEYS.contains(m.group(1).strip().toLowerCase(Locale.ROOT))) {
        String value = m.group(2).strip();
        if (EMAIL.matcher(value).matches() && !emails.contains(value)) {
          emails.add(value);
        }
      }
    }
    if (emails.isEmpty()) {
      String lower = text.toLowerCase(Locale.ROOT);
      boolean noMatch = NO_MATCH.stream().anyMatch(p -> p.matcher(text).find());
      if (!noMatch) {
        for (String marker : THROTTLED) {
          if (lower.contains(marker)) {
            throw new RegistryUnavailableException(
                "the WHOIS server refused the contact query (rate limit): "
                    + firstLineWith(text, marker));
          }
        }
      }
    }
    return emails;
  }

  static boolean isRedacted(String value) {
    return REDACTION.matcher(value.strip()).find();
  }

  private static String firstLineWith(String text, String marker) {
    for (String line : text.split("\r?\n|\r")) {
      if (line.toLowerCase(Locale.ROOT).contains(marker)) {
        String l = line.strip();
        return l.length() > 200 ? l.substring(0, 200) : l;
      }
    }
    return marker;
  }
}
