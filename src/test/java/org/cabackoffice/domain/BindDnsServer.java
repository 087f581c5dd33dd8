package org.cabackoffice.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real authoritative DNS server for tests: BIND 9's {@code named} from Debian, started by the
 * test on a free loopback port from a temporary directory (its own named.conf, no root needed, no
 * system service), serving a DNSSEC-signed root of its own and the zones a test declares below it:
 *
 * <ul>
 *   <li>{@link #signed}: signed with a key of its own, its DS in the parent;
 *   <li>{@link #broken}: signed and delegated with a DS like a signed zone, but the signatures of
 *       its TXT and CAA records are corrupted after signing (bogus);
 *   <li>{@link #unsigned}: no keys, no DS in the (signed) parent: an insecure delegation.
 * </ul>
 *
 * Zones are signed at start with {@code dnssec-keygen} and {@code dnssec-signzone} (ECDSA P-256,
 * keys in the temporary directory); {@link #trustAnchor()} is the root's DS, the test's stand-in
 * for IANA's root KSK. Records published later ({@link #publishTxt}) re-sign their zone and
 * reload named (SIGHUP), as a DNS operator would.
 *
 * <p>named tells its clients apart by source address, as remote perspectives are told apart on the
 * internet: a {@link #view} gives the clients at some loopback addresses the same zones, signed
 * by the same keys (so they validate), with records of their own, e.g. a hijacked route or a
 * name server that lags; {@link #blackhole} drops the queries from some addresses unanswered (a
 * resolver that cannot be reached from there). Everyone else sees the records declared on the
 * server itself.
 *
 * <p>When {@code named} is missing, the server installs Debian's {@code bind9} and
 * {@code bind9-utils} if it runs as root with apt-get; otherwise it fails saying what to install.
 */
public final class BindDnsServer implements AutoCloseable {

  private static final Path NAMED = Path.of("/usr/sbin/named");
  private static final Path KEYGEN = Path.of("/usr/bin/dnssec-keygen");
  private static final Path SIGNZONE = Path.of("/usr/bin/dnssec-signzone");
  private static final String ALGORITHM = "ECDSAP256SHA256";
  private static final int TTL = 300;
  private static final DateTimeFormatter SIGNATURE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private enum Kind {
    SIGNED,
    BROKEN,
    UNSIGNED
  }

  private static final class Zone {
    final String origin; // "" for the root, else "example.test"
    final Kind kind;
    final List<String> records = new ArrayList<>();
    Path keyFile; // K<origin>+013+<tag>.key
    DNSKEYRecord key;
    int serial = 1;

    Zone(String origin, Kind kind) {
      this.origin = origin;
      this.kind = kind;
    }

    String fqdn() {
      return origin.isEmpty() ? "." : origin + ".";
    }

    String file() {
      return origin.isEmpty() ? "root.zone" : origin + ".zone";
    }
  }

  /**
   * What the clients at some addresses see (a BIND view with {@code match-clients}): the server's
   * zones, signed by the same keys, with only the records declared on the view.
   */
  public final class View {
    private final String name;
    private final List<String> clients;
    private final Map<String, List<String>> records = new LinkedHashMap<>(); // zone origin → records

    private View(String name, List<String> clients) {
      this.name = name;
      this.clients = clients;
    }

    public View txt(String name, String value) {
      return record(name, "TXT", quoted(value));
    }

    public View caa(String name, int flags, String tag, String value) {
      return record(name, "CAA", flags + " " + tag + " " + quoted(value));
    }

    public View a(String name, String ipv4) {
      return record(name, "A", ipv4);
    }

    /** As {@link BindDnsServer#publishTxt}, seen only by this view's clients. */
    public void publishTxt(String name, String value) {
      txt(name, value);
      republish(zoneOf(name), this, name, value);
    }

    private View record(String name, String type, String rdata) {
      String n = normalize(name);
      records.computeIfAbsent(zoneOf(n).origin, o -> new ArrayList<>()).add(n + ". " + TTL + " IN " + type + " " + rdata);
      return this;
    }

    private List<String> records(Zone zone) {
      return records.getOrDefault(zone.origin, List.of());
    }
  }

  private final Map<String, Zone> zones = new LinkedHashMap<>();
  private final List<View> views = new ArrayList<>();
  private final List<String> blackholed = new ArrayList<>();
  private final Path dir;
  private Process named;
  private int port;

  public BindDnsServer() {
    ensureInstalled();
    try {
      dir = Files.createTempDirectory("bind-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    zones.put("", new Zone("", Kind.SIGNED));
  }

  /** A zone signed with its own key, delegated with a DS from its parent. */
  public BindDnsServer signed(String origin) {
    return zone(origin, Kind.SIGNED);
  }

  /** A zone delegated like a signed one, whose TXT and CAA signatures do not verify. */
  public BindDnsServer broken(String origin) {
    return zone(origin, Kind.BROKEN);
  }

  /** An unsigned zone: its parent (signed) proves there is no DS, an insecure delegation. */
  public BindDnsServer unsigned(String origin) {
    return zone(origin, Kind.UNSIGNED);
  }

  public BindDnsServer txt(String name, String value) {
    return record(name, "TXT", quoted(value));
  }

  public BindDnsServer caa(String name, int flags, String tag, String value) {
    return record(name, "CAA", flags + " " + tag + " " + quoted(value));
  }

  /** An address record, e.g. the host an http-01 or website-file fetch connects to. */
  public BindDnsServer a(String name, String ipv4) {
    return record(name, "A", ipv4);
  }

  public BindDnsServer cname(String name, String target) {
    return record(name, "CNAME", target + ".");
  }

  /**
   * The clients at {@code clients} (loopback addresses other than 127.0.0.1) see the records
   * declared on the returned view instead of the server's; declare them before {@link #start}.
   */
  public View view(String name, String... clients) {
    if (!name.matches("[a-z][a-z0-9-]*") || name.equals("default") || clients.length == 0) {
      throw new IllegalArgumentException("a view needs a lower-case name other than default, and clients");
    }
    View view = new View(name, List.of(clients));
    views.add(view);
    return view;
  }

  /** Queries from these addresses are dropped unanswered (named's {@code blackhole}). */
  public BindDnsServer blackhole(String... clients) {
    blackholed.addAll(List.of(clients));
    return this;
  }

  /** Signs every zone and starts named; returns when it answers. Cleans up when it cannot. */
  public BindDnsServer start() {
    try {
      return startNamed();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private BindDnsServer startNamed() {
    try {
      signAll();
      for (int attempt = 1; ; attempt++) {
        port = freePort();
        Files.writeString(dir.resolve("named.conf"), namedConf(), StandardCharsets.US_ASCII);
        named =
            new ProcessBuilder(NAMED.toString(), "-g", "-4", "-c", dir.resolve("named.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("named.log").toFile())
                .start();
        // A test JVM that ends without close() must not leave named running.
        Process started = named;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "stop-named"));
        if (awaitAnswer(".", Type.SOA, Duration.ofSeconds(15))) {
          return this;
        }
        named.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        if (attempt == 3) {
          throw new IllegalStateException(
              "named did not answer on 127.0.0.1:" + port + "; its log:\n" + log());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Where to ask, as {@code backoffice.dns.resolver} takes it. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  /** The test root's DS record in zone-file format: the trust anchor DNSSEC validates to. */
  public String trustAnchor() {
    Zone root = zones.get("");
    return new DSRecord(Name.root, DClass.IN, TTL, DNSSEC.Digest.SHA256, root.key) + "\n";
  }

  /** {@link #trustAnchor()} in a file, as {@code backoffice.dns.dnssec.trust-anchor} takes it. */
  public String trustAnchorLocation() {
    try {
      Path file = dir.resolve("trust-anchor.txt");
      Files.writeString(file, trustAnchor(), StandardCharsets.US_ASCII);
      return file.toUri().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Publishes a TXT record while named runs, as the customer's DNS operator does: the zone is
   * signed again and reloaded; returns once named serves it.
   */
  public void publishTxt(String name, String value) {
    txt(name, value);
    republish(zoneOf(name), null, name, value);
  }

  /** Signs the zone again for the view (null: the server's own), reloads, waits until it is served. */
  private void republish(Zone zone, View view, String name, String value) {
    zone.serial++;
    try {
      sign(zone, view);
      new ProcessBuilder("kill", "-HUP", Long.toString(named.pid())).start().waitFor(5, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (System.nanoTime() < deadline) {
        if (serves(name, value, view == null ? "127.0.0.1" : view.clients.get(0))) {
          return;
        }
        Thread.sleep(100);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("named did not serve " + name + " TXT after reload:\n" + log());
  }

  @Override
  public void close() {
    if (named != null) {
      named.destroy();
      try {
        if (!named.waitFor(10, TimeUnit.SECONDS)) {
          named.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }

  private BindDnsServer zone(String origin, Kind kind) {
    String o = normalize(origin);
    if (zones.containsKey(o)) {
      throw new IllegalArgumentException("zone " + o + " declared twice");
    }
    zones.put(o, new Zone(o, kind));
    return this;
  }

  private BindDnsServer record(String name, String type, String rdata) {
    String n = normalize(name);
    zoneOf(n).records.add(n + ". " + TTL + " IN " + type + " " + rdata);
    return this;
  }

  /** The deepest declared zone the name is in (the root when no other). */
  private Zone zoneOf(String name) {
    String n = normalize(name);
    for (String candidate = n; ; candidate = parent(candidate)) {
      Zone zone = zones.get(candidate);
      if (zone != null) {
        return zone;
      }
      if (candidate.isEmpty()) {
        throw new IllegalStateException("no root zone");
      }
    }
  }

  private void signAll() throws IOException, InterruptedException {
    for (Zone zone : zones.values()) {
      if (zone.kind != Kind.UNSIGNED) {
        generateKey(zone);
      }
    }
    // Children first: a parent's signed file carries its children's DS records.
    List<Zone> deepestFirst = new ArrayList<>(zones.values());
    deepestFirst.sort(Comparator.comparingInt((Zone z) -> labels(z.origin)).reversed());
    for (Zone zone : deepestFirst) {
      sign(zone, null);
      for (View view : views) {
        sign(zone, view);
      }
    }
  }

  private void generateKey(Zone zone) throws IOException, InterruptedException {
    // One key per zone, flagged KSK and signing everything (signzone -z): fewer processes, and the
    // root's key is the trust anchor.
    String keyName =
        run(KEYGEN.toString(), "-q", "-K", dir.toString(), "-a", ALGORITHM, "-f", "KSK", "-n", "ZONE", zone.fqdn())
            .strip();
    zone.keyFile = dir.resolve(keyName + ".key");
    try (Master master = new Master(zone.keyFile.toString(), null, TTL)) {
      zone.key = (DNSKEYRecord) master.nextRecord();
    }
  }

  /** Writes the zone as {@code view} (null: the server's own view) serves it, signed unless unsigned. */
  private void sign(Zone zone, View view) throws IOException, InterruptedException {
    StringBuilder text = new StringBuilder();
    text.append("$TTL ").append(TTL).append('\n');
    text.append(zone.fqdn())
        .append(" IN SOA ns.test-root. hostmaster.test-root. ")
        .append(zone.serial)
        .append(" 3600 600 86400 60\n");
    text.append(zone.fqdn()).append(" IN NS ns.test-root.\n");
    if (zone.origin.isEmpty()) {
      text.append("ns.test-root. IN A 127.0.0.1\n");
    }
    (view == null ? zone.records : view.records(zone)).forEach(r -> text.append(r).append('\n'));
    for (Zone child : zones.values()) {
      if (!child.origin.isEmpty() && zoneOf(parent(child.origin)) == zone) {
        text.append(child.fqdn()).append(" IN NS ns.test-root.\n");
        if (child.key != null) {
          text.append(new DSRecord(Name.fromString(child.fqdn()), DClass.IN, TTL, DNSSEC.Digest.SHA256, child.key))
              .append('\n');
        }
      }
    }
    String file = fileOf(zone, view);
    Path source = dir.resolve(file + ".src");
    Path served = dir.resolve(file);
    if (zone.kind == Kind.UNSIGNED) {
      Files.writeString(source, text, StandardCharsets.US_ASCII);
      Files.move(source, served, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    text.append(Files.readString(zone.keyFile, StandardCharsets.US_ASCII));
    Files.writeString(source, text, StandardCharsets.US_ASCII);
    Instant now = Instant.now();
    Path signed = dir.resolve(file + ".signed");
    run(
        SIGNZONE.toString(),
        "-q",
        "-z",
        "-O", "full",
        "-K", dir.toString(),
        "-d", dir.toString(),
        "-s", SIGNATURE_TIME.format(now.minus(Duration.ofDays(30))),
        "-e", SIGNATURE_TIME.format(now.plus(Duration.ofDays(400))),
        "-o", zone.fqdn(),
        "-f", signed.toString(),
        source.toString(),
        keyBase(zone));
    if (zone.kind == Kind.BROKEN) {
      Files.writeString(signed, corruptSignatures(Files.readString(signed, StandardCharsets.US_ASCII)));
    }
    Files.move(signed, served, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static String fileOf(Zone zone, View view) {
    return view == null ? zone.file() : "view-" + view.name + "-" + zone.file();
  }

  /** The key's file name without .key, as dnssec-signzone takes it. */
  private static String keyBase(Zone zone) {
    String file = zone.keyFile.toString();
    return file.substring(0, file.length() - ".key".length());
  }

  /** Changes one character of every RRSIG over TXT and CAA: the records stay, the proof breaks. */
  private static String corruptSignatures(String signedZone) {
    StringBuilder out = new StringBuilder();
    for (String line : signedZone.split("\n", -1)) {
      String[] fields = line.split("\\s+");
      boolean target =
          fields.length > 5
              && fields[3].equals("RRSIG")
              && (fields[4].equals("TXT") || fields[4].equals("CAA"));
      if (target) {
        // A character in the middle of the signature's base64: still valid base64 (named loads
        // the zone), no longer the signature.
        String signature = fields[fields.length - 1];
        int at = line.lastIndexOf(signature) + signature.length() / 2;
        char c = line.charAt(at);
        line = line.substring(0, at) + (c == 'A' ? 'B' : 'A') + line.substring(at + 1);
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }

  private String namedConf() {
    StringBuilder conf = new StringBuilder();
    conf.append("options {\n")
        .append("  directory \"").append(dir).append("\";\n")
        .append("  pid-file \"").append(dir.resolve("named.pid")).append("\";\n")
        .append("  session-keyfile \"").append(dir.resolve("session.key")).append("\";\n")
        .append("  managed-keys-directory \"").append(dir).append("\";\n")
        .append("  listen-on port ").append(port).append(" { 127.0.0.1; };\n")
        .append("  listen-on-v6 { none; };\n")
        .append("  recursion no;\n")
        .append("  dnssec-validation no;\n")
        .append("  notify no;\n")
        .append("  minimal-responses no;\n");
    if (!blackholed.isEmpty()) {
      conf.append("  blackhole { ").append(addressList(blackholed)).append(" };\n");
    }
    conf.append("};\n")
        // No rndc: the test reloads with SIGHUP.
        .append("controls { };\n");
    // The first view whose match-clients list the source address answers it.
    for (View view : views) {
      conf.append("view \"").append(view.name).append("\" {\n  match-clients { ")
          .append(addressList(view.clients)).append(" };\n");
      appendZones(conf, view);
      conf.append("};\n");
    }
    conf.append("view \"default\" {\n  match-clients { any; };\n");
    appendZones(conf, null);
    conf.append("};\n");
    return conf.toString();
  }

  private void appendZones(StringBuilder conf, View view) {
    for (Zone zone : zones.values()) {
      conf.append("  zone \"").append(zone.fqdn()).append("\" { type primary; file \"")
          .append(fileOf(zone, view)).append("\"; };\n");
    }
  }

  private static String addressList(List<String> addresses) {
    return String.join(" ", addresses.stream().map(a -> a + ";").toList());
  }

  private boolean awaitAnswer(String name, int type, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!named.isAlive()) {
        return false;
      }
      try {
        Message response = ask(name, type);
        if (response.getRcode() == Rcode.NOERROR) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    return false;
  }

  private boolean serves(String name, String value, String from) {
    try {
      return ask(normalize(name) + ".", Type.TXT, from).getSection(org.xbill.DNS.Section.ANSWER).stream()
          .anyMatch(r -> r.rdataToString().contains(value));
    } catch (IOException e) {
      return false;
    }
  }

  private Message ask(String name, int type) throws IOException {
    return ask(name, type, "127.0.0.1");
  }

  /** Asks from {@code from}, so the view of that address answers. */
  private Message ask(String name, int type, String from) throws IOException {
    SimpleResolver resolver = new SimpleResolver(InetAddress.getLoopbackAddress());
    resolver.setPort(port);
    resolver.setLocalAddress(InetAddress.getByName(from));
    resolver.setTimeout(Duration.ofMillis(500));
    return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("named.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }

  private static int freePort() throws IOException {
    for (int i = 0; i < 20; i++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
          DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
        return tcp.getLocalPort();
      } catch (java.net.BindException e) {
        // the UDP port of that number is taken: try another
      }
    }
    throw new IOException("no free port on 127.0.0.1 for both UDP and TCP");
  }

  /**
   * Debian's BIND is what the tests use; CI runs as root and .ci/run installs it beforehand, this
   * is for a developer's first run.
   */
  private static synchronized void ensureInstalled() {
    if (Files.isExecutable(NAMED) && Files.isExecutable(KEYGEN) && Files.isExecutable(SIGNZONE)) {
      return;
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    boolean apt = Files.isExecutable(Path.of("/usr/bin/apt-get"));
    if (root && apt) {
      try {
        ProcessBuilder install =
            new ProcessBuilder("apt-get", "install", "-y", "--no-install-recommends", "bind9", "bind9-utils")
                .redirectErrorStream(true);
        install.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = install.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() == 0 && Files.isExecutable(NAMED)) {
          return;
        }
        throw new IllegalStateException("apt-get install bind9 bind9-utils failed:\n" + output);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(
        "The DNSSEC tests need BIND 9 (" + NAMED + ", " + KEYGEN + ", " + SIGNZONE + "): run "
            + "'apt-get install -y bind9 bind9-utils' as root (.ci/run does this in CI)");
  }

  private static String normalize(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  private static String parent(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1);
  }

  private static int labels(String origin) {
    return origin.isEmpty() ? 0 : origin.split("\\.").length;
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
