package org.cabackoffice.audit;

import org.cabackoffice.timeline.TimelineEntry;

import java.util.List;

/**
 * A timeline as RFC 4180 CSV: a header row, CRLF after every record, a field quoted when it holds
 * a comma, a double quote, CR or LF, and a double quote inside doubled. (Apache Commons CSV is not
 * on the classpath; these rules are all this export needs.)
 */
public final class TimelineCsv {

  public static final String HEADER = "at,kind,actor,summary,reference";
  private static final String CRLF = "\r\n";

  private TimelineCsv() {}

  public static String of(List<TimelineEntry> entries) {
    StringBuilder csv = new StringBuilder(HEADER).append(CRLF);
    for (TimelineEntry e : entries) {
      csv.append(field(e.at().toString()))
          .append(',')
          .append(field(e.kind().name()))
          .append(',')
          .append(field(e.actor()))
          .append(',')
          .append(field(e.summary()))
          .append(',')
          .append(field(e.reference()))
          .append(CRLF);
    }
    return csv.toString();
  }

  /**
   * One field. Actors and summaries carry text from outside (WHOIS addresses, file names, notes);
   * a spreadsheet would run a field that starts with =, +, -, @ or a tab as a formula, so such a
   * field gets a leading apostrophe (OWASP's advice for CSV export) before quoting.
   */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0;
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }
}
