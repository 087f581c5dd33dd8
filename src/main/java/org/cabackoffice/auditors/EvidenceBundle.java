package org.cabackoffice.auditors;

import org.cabackoffice.auditlog.AuditKey;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cabackoffice.documents.DocumentUploads.RequestDocuments;
import org.cabackoffice.documents.UploadedDocumentSummary;
import org.cabackoffice.timeline.TimelineEntry;
import org.springframework.stereotype.Component;

/**
 * The evidence bundle of one application, or of a period's applications (issue 11): a ZIP an auditor takes away and checks
 * without the back office. {@code manifest.txt} lists every other file's SHA-256 in
 * {@code sha256sum} format, so {@code sha256sum -c manifest.txt} finds a changed file;
 * {@code manifest.txt.p7s} is the audit key's detached CMS signature over the manifest, and
 * {@code audit-key.pem} the certificate that verifies it:
 *
 * <pre>openssl cms -verify -binary -inform DER -in manifest.txt.p7s -content manifest.txt \
 *     -CAfile audit-key.pem -out /dev/null</pre>
 *
 * The documents themselves stay in the back office (they hold personal data); their hashes are
 * here, so a copy produced later can be matched.
 */
@Component
public class EvidenceBundle {

  static final String MANIFEST = "manifest.txt";
  static final String SIGNATURE = "manifest.txt.p7s";
  static final String SIGNER = "audit-key.pem";

  private final AuditKey auditKey;
  private final ObjectMapper json;

  public EvidenceBundle(AuditKey auditKey, ObjectMapper json) {
    this.auditKey = auditKey;
    this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
  }

  public byte[] of(ApplicationFile file) {
    return signed(contents(file, ""));
  }

  /**
   * The bundle of a period: each application's files under {@code application-ID/}, one manifest
   * over all of them (paths relative to the bundle, so {@code sha256sum -c} still works) and one
   * signature.
   */
  public byte[] ofPeriod(List<ApplicationFile> period) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (ApplicationFile file : period) {
      files.putAll(contents(file, "application-" + file.timeline().applicationId() + "/"));
    }
    return signed(files);
  }

  private Map<String, byte[]> contents(ApplicationFile file, String prefix) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(prefix + "timeline.json", write(file.timeline().entries()));
    files.put(prefix + "evidence.json", write(evidence(file.timeline().entries())));
    files.put(prefix + "documents.json", write(documents(file.documents())));
    file.certificate().ifPresent(c -> files.put(prefix + "certificate.pem", c.pem().getBytes(StandardCharsets.US_ASCII)));
    return files;
  }

  private byte[] signed(Map<String, byte[]> files) {
    StringBuilder manifest = new StringBuilder();
    for (Map.Entry<String, byte[]> entry : files.entrySet()) {
      manifest.append(sha256(entry.getValue())).append("  ").append(entry.getKey()).append('\n');
    }
    byte[] manifestBytes = manifest.toString().getBytes(StandardCharsets.US_ASCII);
    files.put(MANIFEST, manifestBytes);
    files.put(SIGNATURE, auditKey.signDetached(manifestBytes));
    files.put(SIGNER, auditKey.certificatePem().getBytes(StandardCharsets.US_ASCII));
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      for (Map.Entry<String, byte[]> entry : files.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the evidence bundle", e);
    }
    return zip.toByteArray();
  }

  /** Where each piece of evidence is kept ({@code table:id}), with what it recorded. */
  private static List<Map<String, Object>> evidence(List<TimelineEntry> entries) {
    List<Map<String, Object>> references = new ArrayList<>();
    for (TimelineEntry e : entries) {
      if (e.reference() != null) {
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("reference", e.reference());
        reference.put("kind", e.kind());
        reference.put("at", e.at());
        references.add(reference);
      }
    }
    return references;
  }

  private static List<Map<String, Object>> documents(List<RequestDocuments> requests) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (RequestDocuments request : requests) {
      for (UploadedDocumentSummary d : request.documents()) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", d.id());
        document.put("requestId", d.requestId());
        document.put("kind", request.request().getKind());
        document.put("filename", d.originalFilename());
        document.put("contentType", d.contentType());
        document.put("sizeBytes", d.sizeBytes());
        document.put("sha256", d.sha256());
        document.put("arrivedAt", d.uploadedAt());
        document.put("arrivedBy", d.arrivedBy());
        document.put("attachedBy", d.attachedBy());
        documents.add(document);
      }
    }
    return documents;
  }

  private byte[] write(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
