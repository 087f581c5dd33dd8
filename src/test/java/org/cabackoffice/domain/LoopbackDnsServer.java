package org.cabackoffice.domain;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A recursive resolver's answers on a loopback port, UDP and TCP on the same port number, for
 * unit and integration tests: canned TXT, CAA and CNAME records; a CNAME is followed the way a
 * recursive resolver does (the chain, then the target's records, in one answer); a name without
 * any record (and no names below it) is NXDOMAIN; answers too large for UDP (512 bytes, or the
 * client's EDNS size) are truncated with TC set, so the client retries over TCP (RFC 7766).
 *
 * <pre>{@code
 * try (LoopbackDnsServer dns = new LoopbackDnsServer().start()) {
 *   dns.txt("_pki-validation.sample.co.jp", "value");
 *   dns.caa("sample.co.jp", 0, "issue", "backoffice.example");
 *   ... backoffice.dns.resolver = dns.address() ...
 * }
 * }</pre>
 */
public final class LoopbackDnsServer implements AutoCloseable {

  /** A query as received: transport ("UDP"/"TCP"), name (lower case, no trailing dot), type. */
  public record Query(String transport, String name, String type) {}

  private static final int TTL = 300;
  private static final int MAX_CNAME_HOPS = 8;

  private final Map<String, List<Record>> records = new ConcurrentHashMap<>();
  private final Map<String, Name> cnames = new ConcurrentHashMap<>();
  private final Set<String> failing = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> delaysMillis = new ConcurrentHashMap<>();
  private final List<Query> queries = new CopyOnWriteArrayList<>();
  private final List<String> clientAddresses = new CopyOnWriteArrayList<>();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "loopback-dns");
            t.setDaemon(true);
            return t;
          });
  private ServerSocket tcp;
  private DatagramSocket udp;

  /** Binds UDP and TCP on one free port of 127.0.0.1 and starts answering. */
  public LoopbackDnsServer start() {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (int attempt = 0; attempt < 20 && udp == null; attempt++) {
      try {
        tcp = new ServerSocket(0, 50, loopback);
        udp = new DatagramSocket(new InetSocketAddress(loopback, tcp.getLocalPort()));
      } catch (BindException taken) {
        closeQuietly(tcp); // the UDP port of this number is taken: try another number
        tcp = null;
      } catch (IOException e) {
        throw new IllegalStateException("cannot bind a loopback port", e);
      }
    }
    if (udp == null) {
      throw new IllegalStateException("no loopback port free for both UDP and TCP");
    }
    threads.submit(this::receiveUdp);
    threads.submit(this::acceptTcp);
    return this;
  }

  public int port() {
    return tcp.getLocalPort();
  }

  /** {@code 127.0.0.1:port}, the form of {@code backoffice.dns.resolver}. */
  public String address() {
    return "127.0.0.1:" + port();
  }

  /**
   * Adds one TXT record per value at {@code name}; a value longer than 255 bytes is split into
   * character-strings as a zone file would (RFC 1035 3.3.14), and read back joined.
   */
  public LoopbackDnsServer txt(String name, String... values) {
    for (String value : values) {
      add(new TXTRecord(name(name), DClass.IN, TTL, characterStrings(value)));
    }
    return this;
  }

  /** Adds an A record: {@code name} lives at {@code ipv4}. */
  public LoopbackDnsServer a(String name, String ipv4) {
    try {
      add(new org.xbill.DNS.ARecord(name(name), DClass.IN, TTL, java.net.InetAddress.getByName(ipv4)));
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(ipv4, e);
    }
    return this;
  }

  /** Adds a CAA record (RFC 8659 4.1): flags (128 = critical), tag, value. */
  public LoopbackDnsServer caa(String name, int flags, String tag, String value) {
    add(new CAARecord(name(name), DClass.IN, TTL, flags, tag, value));
    return this;
  }

  /** Makes {@code name} an alias of {@code target}. */
  public LoopbackDnsServer cname(String name, String target) {
    cnames.put(key(name(name)), name(target));
    return this;
  }

  /** Answers SERVFAIL for {@code name} (also when reached through a CNAME). */
  public LoopbackDnsServer servfail(String name) {
    failing.add(key(name(name)));
    return this;
  }

  /** Waits this long before answering a query for {@code name} (timeouts). */
  public LoopbackDnsServer delay(String name, long millis) {
    delaysMillis.put(key(name(name)), millis);
    return this;
  }

  /** Forgets every record, alias, failure and delay of {@code name}. */
  public LoopbackDnsServer remove(String name) {
    String key = key(name(name));
    records.remove(key);
    cnames.remove(key);
    failing.remove(key);
    delaysMillis.remove(key);
    return this;
  }

  /** Forgets everything, for a server shared by several tests. */
  public LoopbackDnsServer clear() {
    records.clear();
    cnames.clear();
    failing.clear();
    delaysMillis.clear();
    queries.clear();
    clientAddresses.clear();
    return this;
  }

  /** The queries received, in order. */
  public List<Query> queries() {
    return List.copyOf(queries);
  }

  /** The source address of each UDP datagram and TCP connection received, in order. */
  public List<String> clientAddresses() {
    return List.copyOf(clientAddresses);
  }

  @Override
  public void close() {
    closeQuietly(tcp);
    if (udp != null) {
      udp.close();
    }
    threads.shutdownNow();
    try {
      threads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void add(Record record) {
    records.computeIfAbsent(key(record.getName()), k -> new CopyOnWriteArrayList<>()).add(record);
  }

  private void receiveUdp() {
    while (!udp.isClosed()) {
      byte[] buffer = new byte[65535];
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
      } catch (IOException closed) {
        return;
      }
      byte[] query = Arrays.copyOf(packet.getData(), packet.getLength());
      InetSocketAddress client = (InetSocketAddress) packet.getSocketAddress();
      clientAddresses.add(client.getAddress().getHostAddress());
      threads.submit(() -> serveUdp(query, client));
    }
  }

  private void serveUdp(byte[] wire, InetSocketAddress client) {
    try {
      Message query = new Message(wire);
      Message response = respond("UDP", query);
      int limit = query.getOPT() == null ? 512 : Math.max(512, query.getOPT().getPayloadSize());
      byte[] out = response.toWire(limit); // sets TC when the answer does not fit
      udp.send(new DatagramPacket(out, out.length, client));
    } catch (IOException | InterruptedException ignored) {
      // a malformed packet, or the server is closing
    }
  }

  private void acceptTcp() {
    while (!tcp.isClosed()) {
      try {
        Socket client = tcp.accept();
        clientAddresses.add(client.getInetAddress().getHostAddress());
        threads.submit(() -> serveTcp(client));
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        if (tcp.isClosed()) {
          return;
        }
      }
    }
  }

  /** RFC 1035 4.2.2: each message is preceded by its length in two bytes. */
  private void serveTcp(Socket client) {
    try (client) {
      client.setSoTimeout(10_000);
      DataInputStream in = new DataInputStream(client.getInputStream());
      DataOutputStream out = new DataOutputStream(client.getOutputStream());
      while (true) {
        int length;
        try {
          length = in.readUnsignedShort();
        } catch (EOFException done) {
          return;
        }
        byte[] wire = new byte[length];
        in.readFully(wire);
        byte[] answer = respond("TCP", new Message(wire)).toWire();
        out.writeShort(answer.length);
        out.write(answer);
        out.flush();
      }
    } catch (IOException | InterruptedException ignored) {
      // the client went away or the server is closing
    }
  }

  private Message respond(String transport, Message query) throws InterruptedException {
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.RA);
    if (query.getHeader().getFlag(Flags.RD)) {
      response.getHeader().setFlag(Flags.RD);
    }
    Record question = query.getQuestion();
    if (question == null) {
      response.getHeader().setRcode(Rcode.FORMERR);
      return response;
    }
    response.addRecord(question, Section.QUESTION);
    String qname = key(question.getName());
    int type = question.getType();
    queries.add(new Query(transport, qname, Type.string(type)));
    Long delay = delaysMillis.get(qname);
    if (delay != null) {
      Thread.sleep(delay);
    }
    List<Record> answer = new ArrayList<>();
    String current = qname;
    for (int hop = 0; ; hop++) {
      if (failing.contains(current) || hop > MAX_CNAME_HOPS) {
        response.getHeader().setRcode(Rcode.SERVFAIL);
        return response;
      }
      Name alias = cnames.get(current);
      if (alias != null && type != Type.CNAME) {
        answer.add(new CNAMERecord(name(current), DClass.IN, TTL, alias));
        current = key(alias);
        continue;
      }
      String owner = current;
      records.getOrDefault(owner, List.of()).stream()
          .filter(r -> r.getType() == type)
          .forEach(answer::add);
      if (alias != null) {
        answer.add(new CNAMERecord(name(current), DClass.IN, TTL, alias));
      }
      if (answer.isEmpty() && !exists(owner)) {
        response.getHeader().setRcode(Rcode.NXDOMAIN);
      }
      break;
    }
    answer.forEach(r -> response.addRecord(r, Section.ANSWER));
    return response;
  }

  /** A name exists when it owns data or has names below it (an empty non-terminal, RFC 8020). */
  private boolean exists(String key) {
    if (records.containsKey(key) || cnames.containsKey(key)) {
      return true;
    }
    String suffix = "." + key;
    return records.keySet().stream().anyMatch(k -> k.endsWith(suffix))
        || cnames.keySet().stream().anyMatch(k -> k.endsWith(suffix));
  }

  private static List<String> characterStrings(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= 255) {
      return List.of(value);
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < value.length(); i += 255) {
      parts.add(value.substring(i, Math.min(value.length(), i + 255)));
    }
    return parts;
  }

  private static Name name(String text) {
    try {
      return Name.fromString(text.endsWith(".") ? text : text + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException("not a DNS name: " + text, e);
    }
  }

  private static String key(Name name) {
    String s = name.toString(true).toLowerCase(Locale.ROOT);
    return s;
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      if (socket != null) {
        socket.close();
      }
    } catch (IOException ignored) {
      // closing a test server: nothing to do
    }
  }
}
