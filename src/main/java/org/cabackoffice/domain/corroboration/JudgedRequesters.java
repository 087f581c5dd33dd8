package org.cabackoffice.domain.corroboration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.cabackoffice.domain.CaaRequester;

/**
 * What a CAA corroboration judged: each name with the account URI and validation method of its
 * requester, since RFC 8657's {@code accounturi} and {@code validationmethods} make CAA's answer
 * depend on them (BR 4.2.2.1.2): a record with {@code validationmethods=dns-01} permits a dns-01
 * request and refuses an http-01 one. Kept in a stable form, one line a name, sorted:
 * {@code NAME accounturi=URI method=METHOD} ({@code -} for none), so that equal requests read the
 * same whatever the order they were asked in.
 */
final class JudgedRequesters {

  private static final String NONE = "-";

  private JudgedRequesters() {}

  /**
   * @param requesters one per name, in the same order
   * @throws IllegalArgumentException when they do not pair up: evidence must say what it judged
   */
  static String canonical(List<String> dnsNames, List<CaaRequester> requesters) {
    if (requesters == null || requesters.size() != dnsNames.size()) {
      throw new IllegalArgumentException(
          "one CAA requester per name: " + dnsNames.size() + " names, "
              + (requesters == null ? 0 : requesters.size()) + " requesters");
    }
    TreeSet<String> lines = new TreeSet<>();
    for (int i = 0; i < dnsNames.size(); i++) {
      lines.add(dnsNames.get(i).strip().toLowerCase(Locale.ROOT) + request(requesters.get(i)));
    }
    return String.join("\n", lines);
  }

  /** The part of a line after the name: what RFC 8657 lets CAA tell apart. */
  private static String request(CaaRequester r) {
    return " accounturi=" + orNone(r == null ? null : r.accountUri()) + " method=" + orNone(r == null ? null : r.method());
  }

  private static String orNone(String s) {
    return s == null || s.isBlank() ? NONE : s.strip();
  }

  /**
   * Why {@code recorded} evidence does not cover the request, or empty when every asked name is
   * an earlier name or below one ("the same domain or its subdomains", BR 3.2.2.9) judged for the
   * same account URI and validation method.
   *
   * @param recorded the evidence's {@link #canonical} form, null when it was recorded before
   *     requesters were
   */
  static Optional<String> whyNotCovered(String recorded, List<String> dnsNames, List<CaaRequester> requesters) {
    if (recorded == null) {
      return Optional.of("it records no requesters (kept before RFC 8657's parameters were), so it cannot be"
          + " shown to have judged the same account and validation method");
    }
    List<String[]> judged = new ArrayList<>();
    for (String line : recorded.split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0) {
        judged.add(new String[] {line.substring(0, space), line.substring(space)});
      }
    }
    List<String> differing = new ArrayList<>();
    for (int i = 0; i < dnsNames.size(); i++) {
      String name = dnsNames.get(i);
      String asked = request(i < requesters.size() ? requesters.get(i) : null);
      // The most specific judged name speaks for the asked one: evidence that judged www for one
      // method and its parent for another judged www only for the first.
      List<String[]> covering =
          judged.stream()
              .filter(j -> covers(j[0], name))
              .sorted(java.util.Comparator.comparingInt((String[] j) -> j[0].length()).reversed())
              .toList();
      if (covering.isEmpty() || !covering.get(0)[1].equals(asked)) {
        differing.add(
            dnsNames.get(i) + " is asked" + asked.replace(" accounturi=", " for accounturi=")
                + (covering.isEmpty()
                    ? ", a name it did not judge"
                    : ", it judged" + covering.get(0)[1].replace(" accounturi=", " for accounturi=")));
      }
    }
    return differing.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", differing));
  }

  /**
   * Whether evidence judged for {@code judged} stands for {@code asked}: the same domain or one of
   * its subdomains (BR 3.2.2.9), and a wildcard only for a wildcard. CAA answers a wildcard by its
   * {@code issuewild} property and any other name by {@code issue} (RFC 8659 4.2, 4.3), so a quorum
   * on {@code example.jp} says nothing of {@code *.example.jp}, nor the reverse.
   */
  static boolean covers(String judged, String asked) {
    String j = judged.strip().toLowerCase(Locale.ROOT);
    String a = asked.strip().toLowerCase(Locale.ROOT);
    boolean wildcard = a.startsWith("*.");
    if (wildcard != j.startsWith("*.")) {
      return false;
    }
    String judgedBase = wildcard ? j.substring(2) : j;
    String askedBase = wildcard ? a.substring(2) : a;
    return askedBase.equals(judgedBase) || askedBase.endsWith("." + judgedBase);
  }
}
