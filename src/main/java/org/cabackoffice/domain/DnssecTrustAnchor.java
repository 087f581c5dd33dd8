package org.cabackoffice.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.Record;

/**
 * The trust anchor DNSSEC validation starts from ({@code backoffice.dns.dnssec.trust-anchor}): DS
 * or DNSKEY records in zone-file format. BR 3.2.2.4 and 3.2.2.8.1 validate "back to the IANA
 * DNSSEC root trust anchor", so the default is IANA's root KSKs shipped in the jar
 * ({@code classpath:dnssec/root-anchors.txt}, provenance in the README beside it); tests point it
 * at their own signed root.
 *
 * @param location where the records were read from
 * @param text the records as read, handed to the validating resolver
 * @param description the anchors as the evidence names them, e.g. ". DS 20326, 38696"
 */
record DnssecTrustAnchor(String location, String text, String description) {

  static final String IANA_ROOT = "classpath:dnssec/root-anchors.txt";

  /**
   * @throws IllegalStateException when nothing can be read there or it holds no DS or DNSKEY
   *     record: validating against no anchor would call every answer insecure
   */
  static DnssecTrustAnchor load(String location) {
    Resource resource = new DefaultResourceLoader().getResource(location);
    byte[] text;
    try (InputStream in = resource.getInputStream()) {
      text = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(
          "backoffice.dns.dnssec.trust-anchor: cannot read " + location + ": " + e.getMessage(), e);
    }
    List<String> anchors = new ArrayList<>();
    try (Master zone = new Master(new ByteArrayInputStream(text))) {
      for (Record r = zone.nextRecord(); r != null; r = zone.nextRecord()) {
        if (r instanceof DSRecord ds) {
          anchors.add(ds.getName() + " DS " + ds.getFootprint());
        } else if (r instanceof DNSKEYRecord key) {
          anchors.add(key.getName() + " DNSKEY " + key.getFootprint());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "backoffice.dns.dnssec.trust-anchor: " + location + " is not in zone-file format: "
              + e.getMessage(),
          e);
    }
    if (anchors.isEmpty()) {
      throw new IllegalStateException(
          "backoffice.dns.dnssec.trust-anchor: " + location + " holds no DS or DNSKEY record");
    }
    return new DnssecTrustAnchor(
        location, new String(text, StandardCharsets.US_ASCII), String.join(", ", anchors));
  }

  InputStream open() {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return description + " (" + location + ")";
  }
}
