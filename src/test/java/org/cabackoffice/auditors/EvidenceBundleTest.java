package org.cabackoffice.auditors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.cabackoffice.audit.ApplicationTimeline;
import org.cabackoffice.auditlog.AuditKey;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle's manifest covers every file but itself, and the audit key's signature covers it. */
class EvidenceBundleTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T01:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void theManifestListsEveryFilesHashAndItsSignatureVerifies() throws Exception {
    AuditKey key = AuditKey.open(dir.resolve("audit-key.p12"), "changeit", true, "CN=Test audit key", CLOCK);
    EvidenceBundle bundles = new EvidenceBundle(key, new ObjectMapper().registerModule(new JavaTimeModule()));
    ApplicationTimeline timeline =
        new ApplicationTimeline(
            7, List.of(new TimelineEntry(CLOCK.instant(), TimelineKind.APPLICATION_SUBMITTED, "customer", "Submitted", "application:7")));
    ApplicationFile file =
        new ApplicationFile(null, timeline, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    Map<String, byte[]> files = unzip(bundles.of(file));

    assertThat(files.keySet())
        .containsExactly("timeline.json", "evidence.json", "documents.json", "manifest.txt", "manifest.txt.p7s", "audit-key.pem");
    String manifest = new String(files.get("manifest.txt"), StandardCharsets.US_ASCII);
    assertThat(manifest.lines())
        .containsExactly(
            EvidenceBundle.sha256(files.get("timeline.json")) + "  timeline.json",
            EvidenceBundle.sha256(files.get("evidence.json")) + "  evidence.json",
            EvidenceBundle.sha256(files.get("documents.json")) + "  documents.json");
    assertThat(new String(files.get("evidence.json"), StandardCharsets.UTF_8)).contains("\"reference\" : \"application:7\"");

    CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(files.get("manifest.txt")), files.get("manifest.txt.p7s"));
    SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
    @SuppressWarnings("unchecked")
    X509CertificateHolder certificate =
        (X509CertificateHolder) signed.getCertificates().getMatches(signer.getSID()).iterator().next();
    assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))).isTrue();

    CMSSignedData tampered =
        new CMSSignedData(new CMSProcessableByteArray((manifest + "x").getBytes(StandardCharsets.US_ASCII)), files.get("manifest.txt.p7s"));
    SignerInformation tamperedSigner = tampered.getSignerInfos().getSigners().iterator().next();
    assertThat(verifies(tamperedSigner, certificate)).isFalse();
  }

  @Test
  void aPeriodsBundleKeepsEachApplicationInItsFolderUnderOneSignedManifest() throws Exception {
    AuditKey key = AuditKey.open(dir.resolve("audit-key.p12"), "changeit", true, "CN=Test audit key", CLOCK);
    EvidenceBundle bundles = new EvidenceBundle(key, new ObjectMapper().registerModule(new JavaTimeModule()));

    Map<String, byte[]> files = unzip(bundles.ofPeriod(List.of(file(7), file(9))));

    assertThat(files.keySet())
        .containsExactly(
            "application-7/timeline.json", "application-7/evidence.json", "application-7/documents.json",
            "application-9/timeline.json", "application-9/evidence.json", "application-9/documents.json",
            "manifest.txt", "manifest.txt.p7s", "audit-key.pem");
    String manifest = new String(files.get("manifest.txt"), StandardCharsets.US_ASCII);
    assertThat(manifest.lines()).hasSize(6).contains(
        EvidenceBundle.sha256(files.get("application-9/evidence.json")) + "  application-9/evidence.json");
    assertThat(new String(files.get("application-9/evidence.json"), StandardCharsets.UTF_8)).contains("\"reference\" : \"application:9\"");
    CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(files.get("manifest.txt")), files.get("manifest.txt.p7s"));
    SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
    @SuppressWarnings("unchecked")
    X509CertificateHolder certificate =
        (X509CertificateHolder) signed.getCertificates().getMatches(signer.getSID()).iterator().next();
    assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))).isTrue();
  }

  private static ApplicationFile file(long id) {
    ApplicationTimeline timeline =
        new ApplicationTimeline(
            id, List.of(new TimelineEntry(CLOCK.instant(), TimelineKind.APPLICATION_SUBMITTED, "customer", "Submitted", "application:" + id)));
    return new ApplicationFile(null, timeline, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static boolean verifies(SignerInformation signer, X509CertificateHolder certificate) {
    try {
      return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
    } catch (Exception e) {
      return false;
    }
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), in.readAllBytes());
      }
    }
    return files;
  }

}
