package org.cabackoffice.issuance;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.cabackoffice.issuance.LintFinding.Severity;

/**
 * What RFC 6962 adds to the profile lint for a precertificate (BR 7.1.2.9: otherwise the
 * certificate's profile, which {@link PreIssuanceLint} checks): the poison extension present
 * exactly once, critical, with value NULL (RFC 6962 3.1), no SCT list in the precertificate; and,
 * for the final certificate, that it is the precertificate's TBS without the poison plus the SCT
 * list (RFC 6962 3.2), so every embedded SCT verifies. Its errors are the CA's own doing, not the
 * applicant's, so they stop issuance as a retryable incident rather than refuse the application.
 */
final class PrecertificateLint {

  private PrecertificateLint() {}

  /** RFC 6962 3.1 checks of a precertificate (signed with the throwaway key or the CA's). */
  static List<LintFinding> checkPrecertificate(X509Certificate precertificate) {
    List<LintFinding> findings = new ArrayList<>();
    List<ASN1Sequence> poisons = extensions(precertificate, Precertificates.POISON);
    if (poisons.isEmpty()) {
      error(findings, "e_precert_poison_missing", "RFC 6962 3.1", "the precertificate has no poison extension");
    } else if (poisons.size() > 1) {
      error(findings, "e_precert_poison_duplicate", "RFC 6962 3.1, RFC 5280 4.2",
          "the poison extension appears " + poisons.size() + " times");
    }
    for (ASN1Sequence poison : poisons) {
      if (!critical(poison)) {
        error(findings, "e_precert_poison_not_critical", "RFC 6962 3.1", "the poison extension is not critical");
      }
      if (!DERNull.INSTANCE.equals(value(poison))) {
        error(findings, "e_precert_poison_not_null", "RFC 6962 3.1", "the poison extension's value is not ASN.1 NULL");
      }
    }
    if (!extensions(precertificate, Precertificates.SCT_LIST).isEmpty()) {
      error(findings, "e_precert_with_sct_list", "RFC 6962 3.3", "a precertificate carries an SCT list");
    }
    return findings;
  }

  /**
   * RFC 6962 3.1 and 3.2: the final certificate carries no poison, carries the SCT list the logs
   * returned, and without it is byte for byte the precertificate's TBS without the poison.
   */
  static List<LintFinding> checkFinalAgainstPrecertificate(
      X509Certificate finalCertificate, X509Certificate precertificate, byte[] sctList) {
    List<LintFinding> findings = new ArrayList<>();
    if (!extensions(finalCertificate, Precertificates.POISON).isEmpty()) {
      error(findings, "e_final_with_poison", "RFC 6962 3.1", "the final certificate carries the poison extension");
    }
    List<ASN1Sequence> scts = extensions(finalCertificate, Precertificates.SCT_LIST);
    if (scts.size() != 1
        || !(value(scts.get(0)) instanceof ASN1OctetString list)
        || !Arrays.equals(list.getOctets(), sctList)) {
      error(findings, "e_final_sct_list_not_the_logs", "RFC 6962 3.3",
          "the final certificate does not carry exactly the SCT list the logs returned");
    }
    if (!Arrays.equals(
        Precertificates.tbsWithout(finalCertificate, Precertificates.SCT_LIST),
        Precertificates.tbsWithout(precertificate, Precertificates.POISON))) {
      error(findings, "e_final_tbs_differs_from_precert", "RFC 6962 3.2",
          "without the SCT list the final TBS is not the precertificate's TBS without the poison");
    }
    return findings;
  }

  /**
   * Every occurrence of the extension, read from the DER (a parser that keeps one per OID, as
   * the JDK's does, would hide a duplicate).
   */
  private static List<ASN1Sequence> extensions(X509Certificate certificate, ASN1ObjectIdentifier oid) {
    List<ASN1Sequence> found = new ArrayList<>();
    ASN1Sequence tbs;
    try {
      tbs = ASN1Sequence.getInstance(certificate.getTBSCertificate());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("the TBS certificate does not encode", e);
    }
    for (ASN1Encodable field : tbs) {
      if (field instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 3) {
        for (ASN1Encodable extension : ASN1Sequence.getInstance(tagged.getExplicitBaseObject())) {
          ASN1Sequence sequence = ASN1Sequence.getInstance(extension);
          if (oid.equals(sequence.getObjectAt(0))) {
            found.add(sequence);
          }
        }
      }
    }
    return found;
  }

  private static boolean critical(ASN1Sequence extension) {
    return extension.size() == 3 && ASN1Boolean.getInstance(extension.getObjectAt(1)).isTrue();
  }

  /** The extension's value as the ASN.1 its OCTET STRING wraps. */
  private static ASN1Primitive value(ASN1Sequence extension) {
    ASN1OctetString octets = ASN1OctetString.getInstance(extension.getObjectAt(extension.size() - 1));
    try {
      return ASN1Primitive.fromByteArray(octets.getOctets());
    } catch (java.io.IOException e) {
      return null;
    }
  }

  static void error(List<LintFinding> findings, String code, String citation, String message) {
    findings.add(new LintFinding(code, Severity.ERROR, citation, message));
  }
}
