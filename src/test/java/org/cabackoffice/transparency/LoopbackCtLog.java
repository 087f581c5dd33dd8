package org.cabackoffice.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;

/**
 * A Certificate Transparency log on a loopback port, written from RFC 6962 apart from the code
 * under test: add-pre-chain (4.1) checks what it receives (the precertificate carries the critical
 * NULL poison, each certificate is signed by the next, the chain ends in a root it accepts) and
 * answers an SCT signed with its own P-256 key; get-sth (4.3) answers a signed tree head over the
 * entries so far. It can be made to answer HTTP 500 or not at all.
 */
public final class LoopbackCtLog implements AutoCloseable {

  static final ASN1ObjectIdentifier POISON = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.3");

  private final String name;
  private final String operator;
  private final KeyPair key;
  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final List<byte[]> leaves = new CopyOnWriteArrayList<>();
  private final List<String> refusals = new CopyOnWriteArrayList<>();
  private volatile X509Certificate acceptedRoot;
  private volatile int failWithStatus;
  private volatile long delayMillis;

  public LoopbackCtLog(String name, String operator) {
    this.name = name;
    this.operator = operator;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      this.key = generator.generateKeyPair();
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/ct/v1/add-pre-chain", this::addPreChain);
    server.createContext("/ct/v1/get-sth", this::getSth);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  public String name() {
    return name;
  }

  public String operator() {
    return operator;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
  }

  /** RFC 6962 3.2: the log id, SHA-256 of the log's public key. */
  public byte[] logId() {
    return sha256(key.getPublic().getEncoded());
  }

  public CtProperties.Log configuration() {
    return new CtProperties.Log(name, url(), operator, publicKeyBase64());
  }

  /** Only chains ending in this root are logged (RFC 6962 4.1: the log's accepted roots). */
  public void accept(X509Certificate root) {
    acceptedRoot = root;
  }

  public void failWith(int status) {
    failWithStatus = status;
  }

  public void answerAfter(long millis) {
    delayMillis = millis;
  }

  public void recover() {
    failWithStatus = 0;
    delayMillis = 0;
  }

  public int entries() {
    return leaves.size();
  }

  public List<String> refusals() {
    return List.copyOf(refusals);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void addPreChain(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (delayMillis > 0) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (failWithStatus != 0) {
        answer(exchange, failWithStatus, "{\"error\":\"log unavailable\"}");
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405, "{}");
        return;
      }
      List<X509Certificate> chain = new ArrayList<>();
      try {
        JsonNode body = json.readTree(exchange.getRequestBody());
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (JsonNode entry : body.path("chain")) {
          chain.add((X509Certificate) factory.generateCertificate(
              new ByteArrayInputStream(Base64.getDecoder().decode(entry.asText()))));
        }
      } catch (Exception e) {
        refuse(exchange, "chain does not parse: " + e.getMessage());
        return;
      }
      String problem = problemWith(chain);
      if (problem != null) {
        refuse(exchange, problem);
        return;
      }
      long timestamp = System.currentTimeMillis();
      byte[] entry = precertEntry(chain.get(0), chain.get(1));
      // MerkleTreeLeaf (RFC 6962 3.4): version v1, timestamped_entry, then the TimestampedEntry.
      ByteArrayOutputStream leaf = new ByteArrayOutputStream();
      leaf.write(0);
      leaf.write(0);
      uint(leaf, timestamp, 8);
      leaf.writeBytes(entry);
      uint(leaf, 0, 2);
      leaves.add(leaf.toByteArray());

      // digitally-signed struct of RFC 6962 3.2 for a precert_entry.
      ByteArrayOutputStream signed = new ByteArrayOutputStream();
      signed.write(0); // v1
      signed.write(0); // certificate_timestamp
      uint(signed, timestamp, 8);
      signed.writeBytes(entry);
      uint(signed, 0, 2); // no extensions
      answer(
          exchange,
          200,
          json.writeValueAsString(
              Map.of(
                  "sct_version", 0,
                  "id", Base64.getEncoder().encodeToString(logId()),
                  "timestamp", timestamp,
                  "extensions", "",
                  "signature", Base64.getEncoder().encodeToString(digitallySigned(signed.toByteArray())))));
    }
  }

  private String problemWith(List<X509Certificate> chain) {
    if (chain.size() < 2) {
      return "a precertificate chain needs the precertificate and its issuer";
    }
    X509Certificate precertificate = chain.get(0);
    if (!precertificate.getCriticalExtensionOIDs().contains(POISON.getId())) {
      return "the first certificate carries no critical poison extension (RFC 6962 3.1)";
    }
    try {
      byte[] value = precertificate.getExtensionValue(POISON.getId());
      if (!(ASN1Null.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(value).getOctets()) != null)) {
        return "the poison is not ASN.1 NULL";
      }
    } catch (RuntimeException e) {
      return "the poison is not ASN.1 NULL";
    }
    for (int i = 0; i + 1 < chain.size(); i++) {
      try {
        chain.get(i).verify(chain.get(i + 1).getPublicKey());
      } catch (Exception e) {
        return "certificate " + i + " is not signed by certificate " + (i + 1) + ": " + e.getMessage();
      }
    }
    if (chain.get(1).getBasicConstraints() < 0) {
      return "the precertificate's issuer is no CA (a precertificate is signed by the issuing CA itself)";
    }
    X509Certificate root = acceptedRoot;
    if (root != null && !chain.get(chain.size() - 1).equals(root)) {
      return "the chain does not end in a root this log accepts";
    }
    return null;
  }

  /** PreCert entry: entry type precert_entry, issuer key hash, TBS without the poison (3.2). */
  private static byte[] precertEntry(X509Certificate precertificate, X509Certificate issuer) {
    try {
      TBSCertificate tbs = TBSCertificate.getInstance(precertificate.getTBSCertificate());
      List<Extension> kept = new ArrayList<>();
      for (ASN1ObjectIdentifier oid : tbs.getExtensions().getExtensionOIDs()) {
        if (!oid.equals(POISON)) {
          kept.add(tbs.getExtensions().getExtension(oid));
        }
      }
      V3TBSCertificateGenerator generator = new V3TBSCertificateGenerator();
      generator.setSerialNumber(tbs.getSerialNumber());
      generator.setSignature(tbs.getSignature());
      generator.setIssuer(tbs.getIssuer());
      generator.setStartDate(tbs.getStartDate());
      generator.setEndDate(tbs.getEndDate());
      generator.setSubject(tbs.getSubject());
      generator.setSubjectPublicKeyInfo(tbs.getSubjectPublicKeyInfo());
      generator.setExtensions(new Extensions(kept.toArray(Extension[]::new)));
      byte[] withoutPoison = generator.generateTBSCertificate().getEncoded("DER");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      uint(out, 1, 2);
      out.writeBytes(sha256(issuer.getPublicKey().getEncoded()));
      uint(out, withoutPoison.length, 3);
      out.writeBytes(withoutPoison);
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void getSth(HttpExchange exchange) throws IOException {
    try (exchange) {
      long timestamp = System.currentTimeMillis();
      List<byte[]> snapshot = List.copyOf(leaves);
      byte[] root = merkleTreeHash(snapshot);
      // TreeHeadSignature (RFC 6962 3.5): v1, tree_hash, timestamp, tree_size, root hash.
      ByteArrayOutputStream signed = new ByteArrayOutputStream();
      signed.write(0);
      signed.write(1);
      uint(signed, timestamp, 8);
      uint(signed, snapshot.size(), 8);
      signed.writeBytes(root);
      answer(
          exchange,
          200,
          json.writeValueAsString(
              Map.of(
                  "tree_size", snapshot.size(),
                  "timestamp", timestamp,
                  "sha256_root_hash", Base64.getEncoder().encodeToString(root),
                  "tree_head_signature", Base64.getEncoder().encodeToString(digitallySigned(signed.toByteArray())))));
    }
  }

  /** RFC 6962 2.1: MTH({}) = SHA-256(), leaves 0x00-prefixed, nodes 0x01-prefixed, split at 2^k. */
  static byte[] merkleTreeHash(List<byte[]> leaves) {
    if (leaves.isEmpty()) {
      return sha256(new byte[0]);
    }
    if (leaves.size() == 1) {
      return sha256(concat(new byte[] {0}, leaves.get(0)));
    }
    int split = Integer.highestOneBit(leaves.size() - 1);
    return sha256(
        concat(
            new byte[] {1},
            concat(merkleTreeHash(leaves.subList(0, split)), merkleTreeHash(leaves.subList(split, leaves.size())))));
  }

  private byte[] digitallySigned(byte[] data) {
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(key.getPrivate());
      signer.update(data);
      byte[] signature = signer.sign();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(4); // sha256
      out.write(3); // ecdsa
      uint(out, signature.length, 2);
      out.writeBytes(signature);
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void refuse(HttpExchange exchange, String problem) throws IOException {
    refusals.add(problem);
    answer(exchange, 400, json.writeValueAsString(Map.of("error", problem)));
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void uint(ByteArrayOutputStream out, long value, int bytes) {
    for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
      out.write((int) (value >>> shift) & 0xFF);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
