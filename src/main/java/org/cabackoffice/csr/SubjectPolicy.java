package org.cabackoffice.csr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

  /**
   * The X.520 upper bounds of RFC 5280 Appendix A (and of X.520 itself for the attributes EV
   * subjects add, EV Guidelines 9.2), in characters.
   */
  private static final Map<ASN1ObjectIdentifier, Integer> UPPER_BOUNDS = new LinkedHashMap<>();
  private static final Map<ASN1ObjectIdentifier, String> NAMES = new LinkedHashMap<>();

  static {
    bound(BCStyle.CN, "commonName (CN)", 64);
    bound(BCStyle.O, "organizationName (O)", 64);
    bound(BCStyle.OU, "organizationalUnitName (OU)", 64);
    bound(BCStyle.L, "localityName (L)", 128);
    bound(BCStyle.ST, "stateOrProvinceName (ST)", 128);
    bound(BCStyle.C, "countryName (C)", 2);
    bound(BCStyle.SERIALNUMBER, "serialNumber", 64);
    bound(BCStyle.STREET, "streetAddress", 128);
    bound(BCStyle.POSTAL_CODE, "postalCode", 40);
    bound(BCStyle.BUSINESS_CATEGORY, "businessCategory", 128);
    bound(BCStyle.JURISDICTION_C, "jurisdictionCountryName", 2);
    bound(BCStyle.JURISDICTION_ST, "jurisdictionStateOrProvinceName", 128);
    bound(BCStyle.JURISDICTION_L, "jurisdictionLocalityName", 128);
    bound(BCStyle.T, "title", 64);
  }

  /** BR 7.1.4.2.2 lets an address span several streetAddress values; the rest appear once. */
  private static final Set<ASN1ObjectIdentifier> REPEATABLE = Set.of(BCStyle.STREET);

  private static void bound(ASN1ObjectIdentifier type, String name, int upperBound) {
    UPPER_BOUNDS.put(type, upperBound);
    NAMES.put(type, name);
  }

  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

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
    for (Map.Entry<ASN1ObjectIdentifier, Integer> bound : UPPER_BOUNDS.entrySet()) {
      List<String> values = values(name, bound.getKey());
      if (values.size() > 1 && !REPEATABLE.contains(bound.getKey())) {
        findings.add(CsrRule.SUBJECT_ATTRIBUTE_REPEATED, NAMES.get(bound.getKey()));
      }
      if (bound.getKey().equals(BCStyle.C)) {
        continue; // a country of the wrong length is reported as not an ISO 3166 code below
      }
      for (String value : values) {
        int length = value.codePointCount(0, value.length());
        if (length > bound.getValue()) {
          findings.add(
              CsrRule.SUBJECT_ATTRIBUTE_TOO_LONG, NAMES.get(bound.getKey()), length, bound.getValue());
        }
      }
    }
    if (present(subject.country()) && !ISO_COUNTRIES.contains(subject.country())) {
      // BR 7.1.4.2.2: the two-letter ISO 3166-1 country code, in upper case as ISO writes it.
      findings.add(CsrRule.SUBJECT_COUNTRY_INVALID, subject.country());
    }
    if (context.organizationValidated()) {
      // BR 7.1.2.7.4 (OV) and EV Guidelines 9.2: organization, country, and locality or state.
      if (!present(subject.organization())) {
        findings.add(CsrRule.SUBJECT_ORGANIZATION_MISSING);
      }
      if (!present(subject.locality()) && !present(subject.stateOrProvince())) {
        findings.add(CsrRule.SUBJECT_LOCALITY_OR_STATE_MISSING);
      }
      if (!present(subject.country())) {
        findings.add(CsrRule.SUBJECT_COUNTRY_MISSING);
      }
    }
    if (present(subject.organizationalUnit())) {
      // The guide lets OU be given; BR 7.1.2.7.4 (ballot SC-47v2) forbids it since 2022-09-01.
      findings.add(CsrRule.SUBJECT_OU_NOT_ALLOWED, subject.organizationalUnit());
    }
    return subject;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
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
