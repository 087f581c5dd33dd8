package org.cabackoffice.csr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** The subject rules: what the guide asks of the CSR subject, tightened where the BR overrule it. */
final class SubjectPolicy {

  CsrSubject check(X500Name name, CsrCheckContext context, Findings findings) {
    List<String> commonNames = values(name, BCStyle.CN);
    CsrSubject subject =
        new CsrSubject(
            distinguishedName(name),
            first(commonNames),
            first(values(name, BCStyle.O)),
            first(values(name, BCStyle.OU)),
            first(values(name, BCStyle.L)),
            first(values(name, BCStyle.ST)),
            first(values(name, BCStyle.C)));

    if (subject.commonName() == null || subject.commonName().isBlank()) {
      // The guide [1-2] asks for the FQDN as CN; the CA fills its certificates' CN from it.
      findings.add(CsrRule.SUBJECT_CN_MISSING);
    } else if (context.requiredCommonName() != null
        && !sameCommonName(subject.commonName(), context.requiredCommonName())) {
      findings.add(CsrRule.SUBJECT_CN_MISMATCH, subject.commonName(), context.requiredCommonName());
    }
    return subject;
  }

  /**
   * On renewal the CN must be the renewed certificate's (guide [1-2]). DNS names compare without
   * regard to case (RFC 4343), other strings exactly.
   */
  static boolean sameCommonName(String actual, String required) {
    if (looksLikeDnsName(actual) && looksLikeDnsName(required)) {
      return actual.toLowerCase(Locale.ROOT).equals(required.toLowerCase(Locale.ROOT));
    }
    return actual.equals(required);
  }

  private static boolean looksLikeDnsName(String value) {
    return value.matches("[A-Za-z0-9*_.-]+");
  }

  static List<String> values(X500Name name, ASN1ObjectIdentifier type) {
    List<String> values = new ArrayList<>();
    for (RDN rdn : name.getRDNs()) {
      for (AttributeTypeAndValue typeAndValue : rdn.getTypesAndValues()) {
        if (typeAndValue.getType().equals(type)) {
          values.add(text(typeAndValue.getValue()));
        }
      }
    }
    return values;
  }

  private static String text(ASN1Encodable value) {
    if (value instanceof ASN1String string) {
      return string.getString();
    }
    return IETFUtils.valueToString(value);
  }

  private static String distinguishedName(X500Name name) {
    try {
      return name.toString();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String first(List<String> values) {
    return values.isEmpty() ? null : values.get(0);
  }
}
