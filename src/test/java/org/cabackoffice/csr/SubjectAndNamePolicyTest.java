package org.cabackoffice.csr;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.junit.jupiter.api.Test;

/** The subject, name and extension-request findings, each from a request with that one defect. */
class SubjectAndNamePolicyTest {

  private static final String CN = "www.example.co.jp";
  private final CsrCheck csrCheck = new CsrCheck();

  private CsrCheckResult check(TestCsr csr, CsrCheckContext context) {
    return csrCheck.check(csr.der(), context);
  }

  private String[] codes(TestCsr csr) {
    return check(csr, CsrCheckContext.standalone()).findings().stream()
        .map(Finding::code)
        .toArray(String[]::new);
  }

  /** The codes for a request whose CN is fine and whose second SAN is the name under test. */
  private String[] sanCodes(String name) {
    return codes(TestCsr.compliant().dnsNames(CN, name));
  }

  private static Extension extension(ASN1ObjectIdentifier id, boolean critical, org.bouncycastle.asn1.ASN1Encodable value) {
    try {
      return new Extension(id, critical, value.toASN1Primitive().getEncoded());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- how many names ---

  @Test
  void aHundredNamesPassAHundredAndOneAreRefusedBeforeAnyoneWorksTheApplication() {
    java.util.List<String> names = new java.util.ArrayList<>();
    names.add(CN);
    for (int i = 1; names.size() < 100; i++) {
      names.add("host" + i + ".example.co.jp");
    }
    assertThat(codes(TestCsr.compliant().dnsNames(names.toArray(String[]::new)))).isEmpty();

    names.add("host-extra.example.co.jp");
    CsrCheckResult tooMany = check(TestCsr.compliant().dnsNames(names.toArray(String[]::new)), CsrCheckContext.standalone());
    assertThat(tooMany.acceptable()).isFalse();
    assertThat(tooMany.findings()).extracting(Finding::code).containsExactly("names.too-many");
    assertThat(tooMany.findings().get(0).message()).contains("101", "100");
  }

  @Test
  void theLimitIsConfigurable() {
    CsrCheck strict = new CsrCheck(KeyBlocklist.empty(), KeyHistory.none(), 2);
    assertThat(strict.check(TestCsr.compliant().dnsNames(CN, "a.example.co.jp", "b.example.co.jp").der(), CsrCheckContext.standalone())
            .findings())
        .extracting(Finding::code)
        .containsExactly("names.too-many");
  }

  // --- subject ---

  @Test
  void repeatedSubjectAttributeIsRefused() {
    assertThat(codes(TestCsr.compliant().subject("C=JP,ST=Tokyo,L=Chiyoda-ku,O=Example K.K.,O=Other K.K.,CN=" + CN)))
        .containsExactly("subject.attribute.repeated");
  }

  @Test
  void subjectAttributeBeyondItsUpperBoundIsRefused() {
    String organization = "A".repeat(65);
    CsrCheckResult result =
        check(TestCsr.compliant().subject("C=JP,ST=Tokyo,L=Chiyoda-ku,O=" + organization + ",CN=" + CN), CsrCheckContext.standalone());

    assertThat(result.findings()).extracting(Finding::code).containsExactly("subject.attribute.too-long");
    assertThat(result.findings().get(0).message()).contains("organizationName", "65", "64");
    assertThat(codes(TestCsr.compliant().subject("C=JP,ST=Tokyo,L=" + "L".repeat(128) + ",O=Example K.K.,CN=" + CN)))
        .isEmpty();
  }

  @Test
  void theAttributesAnEvSubjectAddsHaveTheirUpperBoundsToo() {
    String base = "C=JP,ST=Tokyo,L=Chiyoda-ku,O=Example K.K.,CN=" + CN;
    assertThat(codes(TestCsr.compliant().subject("SERIALNUMBER=" + "1".repeat(65) + "," + base)))
        .containsExactly("subject.attribute.too-long");
    assertThat(codes(TestCsr.compliant().subject("STREET=" + "S".repeat(129) + "," + base)))
        .containsExactly("subject.attribute.too-long");
    assertThat(codes(TestCsr.compliant().subject("PostalCode=" + "1".repeat(41) + "," + base)))
        .containsExactly("subject.attribute.too-long");
    assertThat(codes(TestCsr.compliant().subject("BusinessCategory=" + "P".repeat(129) + "," + base)))
        .containsExactly("subject.attribute.too-long");
    assertThat(codes(TestCsr.compliant().subject("JurisdictionCountry=JPN," + base)))
        .containsExactly("subject.attribute.too-long");
    // An address may take several streetAddress lines; a serial number appears once.
    assertThat(codes(TestCsr.compliant().subject("STREET=1-2-3 Chiyoda,STREET=Building 4," + base))).isEmpty();
    assertThat(codes(TestCsr.compliant().subject("SERIALNUMBER=0100-01-000001,SERIALNUMBER=2," + base)))
        .containsExactly("subject.attribute.repeated");
    assertThat(codes(TestCsr.compliant().subject(
            "SERIALNUMBER=0100-01-000001,BusinessCategory=Private Organization,JurisdictionCountry=JP,PostalCode=100-0001,"
                + base)))
        .isEmpty();
  }

  @Test
  void countryMustBeAnIso3166Code() {
    assertThat(codes(TestCsr.compliant().subject("C=XX,ST=Tokyo,L=Chiyoda-ku,O=Example K.K.,CN=" + CN)))
        .containsExactly("subject.country.invalid");
    assertThat(codes(TestCsr.compliant().subject("C=JPN,ST=Tokyo,L=Chiyoda-ku,O=Example K.K.,CN=" + CN)))
        .containsExactly("subject.country.invalid");
  }

  @Test
  void organizationValidatedRequestNeedsOrganizationPlaceAndCountry() {
    TestCsr bare = TestCsr.compliant().subject("CN=" + CN);

    assertThat(check(bare, CsrCheckContext.standalone()).findings())
        .extracting(Finding::code)
        .containsExactly(
            "subject.organization.missing", "subject.locality-or-state.missing", "subject.country.missing");
    assertThat(check(bare, new CsrCheckContext(null, false)).findings()).isEmpty();
    assertThat(codes(TestCsr.compliant().subject("C=JP,ST=Tokyo,O=Example K.K.,CN=" + CN))).isEmpty();
    assertThat(codes(TestCsr.compliant().subject("C=JP,L=Chiyoda-ku,O=Example K.K.,CN=" + CN))).isEmpty();
  }

  @Test
  void organizationalUnitIsOnlyAWarning() {
    CsrCheckResult result =
        check(TestCsr.compliant().subject("C=JP,ST=Tokyo,L=Chiyoda-ku,O=Example K.K.,OU=Web,CN=" + CN), CsrCheckContext.standalone());

    assertThat(result.findings()).extracting(Finding::code).containsExactly("subject.ou.not-allowed");
    assertThat(result.findings().get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(result.acceptable()).isTrue();
    assertThat(result.subject().organizationalUnit()).isEqualTo("Web");
  }

  // --- names ---

  @Test
  void ipAddressesAreRefusedInCnAndSans() {
    assertThat(sanCodes("192.0.2.1")).containsExactly("name.ip-address");
    assertThat(sanCodes("2001:db8::1")).containsExactly("name.ip-address");
    assertThat(codes(TestCsr.compliant().subject("C=JP,ST=Tokyo,L=Chiyoda-ku,O=Example K.K.,CN=192.0.2.1").dnsNames()))
        .containsExactly("name.ip-address");
    GeneralNames ip = new GeneralNames(new GeneralName[] {
      new GeneralName(GeneralName.dNSName, CN), new GeneralName(GeneralName.iPAddress, "192.0.2.1")});
    CsrCheckResult result =
        check(TestCsr.compliant().dnsNames().extension(extension(Extension.subjectAlternativeName, false, ip)), CsrCheckContext.standalone());
    assertThat(result.findings()).extracting(Finding::code).containsExactly("name.ip-address");
    assertThat(result.findings().get(0).message()).contains("192.0.2.1");
  }

  @Test
  void namesMustBeLdh() {
    assertThat(sanCodes("exa_mple.co.jp")).containsExactly("name.syntax");
    assertThat(sanCodes("-www.example.co.jp")).containsExactly("name.syntax");
    assertThat(sanCodes("www..example.co.jp")).containsExactly("name.syntax");
    assertThat(sanCodes("www.example.co.jp.")).containsExactly("name.syntax");
    assertThat(sanCodes("www example.co.jp")).containsExactly("name.syntax");
  }

  @Test
  void labelsAndNamesHaveLengthLimits() {
    assertThat(sanCodes("a".repeat(64) + ".example.co.jp")).containsExactly("name.label.too-long");
    assertThat(sanCodes("a".repeat(63) + ".example.co.jp")).isEmpty();
    String label = "b".repeat(63);
    assertThat(sanCodes(label + "." + label + "." + label + "." + label + ".example.co.jp"))
        .containsExactly("name.too-long");
  }

  @Test
  void idnLabelsMustBeValidALabels() {
    assertThat(sanCodes("xn--55qx5d.example.co.jp")).isEmpty();
    assertThat(sanCodes("xn--a.example.co.jp")).containsExactly("name.idn.invalid");
    // A U-label cannot be in a dNSName (an IA5String), but it can be in the CN (a UTF8String).
    CsrCheckResult uLabel =
        check(TestCsr.compliant().subject("C=JP,ST=Tokyo,L=Chiyoda-ku,O=Example K.K.,CN=会社.example.co.jp").dnsNames(), CsrCheckContext.standalone());
    assertThat(uLabel.findings()).extracting(Finding::code).containsExactly("name.idn.invalid");
    assertThat(uLabel.findings().get(0).message()).contains("xn--");
  }

  @Test
  void aLabelsFollowIdna2008NotIdna2003() {
    // Letters IDNA2008 permits, including ß (which IDNA2003 mapped to "ss").
    assertThat(sanCodes("xn--fa-hia.example.co.jp")).isEmpty(); // faß
    assertThat(sanCodes("xn--bcher-kva.example.co.jp")).isEmpty(); // bücher
    assertThat(sanCodes("xn--eckwd4c7c.example.co.jp")).isEmpty(); // ドメイン
    // Symbols IDNA2003 allowed and IDNA2008 does not.
    assertThat(sanCodes("xn--g6h.example.co.jp")).containsExactly("name.idn.invalid"); // ♥
    assertThat(sanCodes("xn--ls8h.example.co.jp")).containsExactly("name.idn.invalid"); // 💩
    // A U-label must be in NFC ("cafe" + U+0301, not "café"); it may not start with a combining mark.
    assertThat(sanCodes("xn--cafe-yvc.example.co.jp")).containsExactly("name.idn.invalid");
    assertThat(sanCodes("xn--ksa.example.co.jp")).containsExactly("name.idn.invalid"); // U+0300 alone
  }

  @Test
  void idna2008DerivesEachCodePointsProperty() {
    assertThat(Idna2008.property('a')).isEqualTo(Idna2008.Property.PVALID);
    assertThat(Idna2008.property('A')).isEqualTo(Idna2008.Property.DISALLOWED); // unstable under case folding
    assertThat(Idna2008.property(0x00DF)).isEqualTo(Idna2008.Property.PVALID); // ß, an exception
    assertThat(Idna2008.property(0x30FB)).isEqualTo(Idna2008.Property.CONTEXTO); // katakana middle dot
    assertThat(Idna2008.property(0x200D)).isEqualTo(Idna2008.Property.CONTEXTJ); // zero width joiner
    assertThat(Idna2008.property(0x2665)).isEqualTo(Idna2008.Property.DISALLOWED); // ♥
    assertThat(Idna2008.property(0x1100)).isEqualTo(Idna2008.Property.DISALLOWED); // old Hangul jamo
    assertThat(Idna2008.property(0xFF21)).isEqualTo(Idna2008.Property.DISALLOWED); // fullwidth A
    assertThat(Idna2008.property(0x0378)).isEqualTo(Idna2008.Property.UNASSIGNED);
    assertThat(Idna2008.property(0x4E00)).isEqualTo(Idna2008.Property.PVALID); // 一
  }

  @Test
  void internalAndReservedNamesAreRefused() {
    for (String name :
        new String[] {"intranet", "server.local", "host.internal", "a.test", "www.example", "x.invalid",
            "localhost", "app.localhost", "abcdefghijklmnop.onion"}) {
      assertThat(sanCodes(name)).as(name).containsExactly("name.internal");
    }
  }

  @Test
  void namesNeedARegistrableDomain() {
    assertThat(sanCodes("co.jp")).containsExactly("name.no-registrable-domain");
    assertThat(sanCodes("www.example.notatld")).containsExactly("name.no-registrable-domain");
    assertThat(sanCodes("example.jp")).isEmpty();
  }

  @Test
  void wildcardOnlyAsWholeLeftmostLabel() {
    assertThat(sanCodes("www.*.example.co.jp")).containsExactly("name.wildcard.misplaced");
    assertThat(sanCodes("w*.example.co.jp")).containsExactly("name.wildcard.misplaced");
    assertThat(sanCodes("*")).containsExactly("name.wildcard.misplaced");
    assertThat(sanCodes("*.example.co.jp")).isEmpty();
  }

  @Test
  void wildcardNeverDirectlyUnderAPublicSuffix() {
    assertThat(sanCodes("*.co.jp")).containsExactly("name.wildcard.public-suffix");
    assertThat(sanCodes("*.jp")).containsExactly("name.wildcard.public-suffix");
    assertThat(sanCodes("*.github.io")).containsExactly("name.wildcard.public-suffix");
    assertThat(sanCodes("*.example.github.io")).isEmpty();
  }

  @Test
  void cnIsCheckedAsAName() {
    assertThat(codes(TestCsr.compliant().subject("C=JP,ST=Tokyo,L=Chiyoda-ku,O=Example K.K.,CN=Example Web Server")))
        .containsExactly("name.syntax");
  }

  @Test
  void aNameGivenAsCnAndSanIsReportedOnce() {
    assertThat(codes(TestCsr.compliant().subject("C=JP,ST=Tokyo,L=Chiyoda-ku,O=Example K.K.,CN=intranet").dnsNames("INTRANET")))
        .containsExactly("name.internal");
  }

  // --- extension request and attributes ---

  @Test
  void sanTypesOtherThanDnsNamesAreRefused() {
    GeneralNames names = new GeneralNames(new GeneralName[] {
      new GeneralName(GeneralName.dNSName, CN), new GeneralName(GeneralName.rfc822Name, "web@example.co.jp")});
    CsrCheckResult result =
        check(TestCsr.compliant().dnsNames().extension(extension(Extension.subjectAlternativeName, false, names)), CsrCheckContext.standalone());

    assertThat(result.findings()).extracting(Finding::code).containsExactly("san.type.unsupported");
    assertThat(result.sans()).containsExactly(CN);
  }

  @Test
  void duplicatedExtensionsAreRefused() {
    GeneralNames names = new GeneralNames(new GeneralName(GeneralName.dNSName, CN));
    assertThat(codes(TestCsr.compliant().extension(extension(Extension.subjectAlternativeName, false, names))))
        .containsExactly("extension.duplicate");

    DERSequence request = new DERSequence(extension(Extension.subjectAlternativeName, false, names));
    assertThat(codes(TestCsr.compliant().dnsNames()
            .attribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, request)
            .attribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, request)))
        .containsExactly("extension.duplicate");
  }

  @Test
  void unknownCriticalExtensionsAreRefused() {
    Extension unknown = extension(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"), true, DERNull.INSTANCE);
    Extension unknownNonCritical = extension(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.2"), false, DERNull.INSTANCE);

    CsrCheckResult result = check(TestCsr.compliant().extension(unknown).extension(unknownNonCritical), CsrCheckContext.standalone());
    assertThat(result.findings()).extracting(Finding::code).containsExactly("extension.critical.unknown");
    assertThat(result.findings().get(0).message()).contains("1.3.6.1.4.1.99999.1");
  }

  @Test
  void caBasicConstraintsAreRefused() {
    assertThat(codes(TestCsr.compliant().extension(extension(Extension.basicConstraints, true, new BasicConstraints(true)))))
        .containsExactly("extension.basic-constraints.ca");
    assertThat(codes(TestCsr.compliant().extension(extension(Extension.basicConstraints, true, new BasicConstraints(false)))))
        .isEmpty();
  }

  @Test
  void malformedExtensionRequestIsReported() {
    assertThat(codes(TestCsr.compliant().extensionRequest(new DERUTF8String("not extensions"))))
        .containsExactly("extension.malformed");
    Extension brokenSan = new Extension(Extension.subjectAlternativeName, false, new DEROctetString(new byte[] {1, 2, 3}));
    assertThat(codes(TestCsr.compliant().dnsNames().extension(brokenSan))).containsExactly("extension.malformed");
  }

  @Test
  void challengePasswordIsIgnoredWithInfo() {
    CsrCheckResult result =
        check(TestCsr.compliant().attribute(PKCSObjectIdentifiers.pkcs_9_at_challengePassword, new DERPrintableString("secret")), CsrCheckContext.standalone());

    assertThat(result.findings()).extracting(Finding::code).containsExactly("attribute.challenge-password.ignored");
    assertThat(result.findings().get(0).severity()).isEqualTo(Severity.INFO);
    assertThat(result.acceptable()).isTrue();
  }

  @Test
  void otherAttributesAreIgnoredWithInfo() {
    CsrCheckResult result =
        check(TestCsr.compliant().attribute(PKCSObjectIdentifiers.pkcs_9_at_unstructuredName, new DERUTF8String("web01")), CsrCheckContext.standalone());

    assertThat(result.findings()).extracting(Finding::code).containsExactly("attribute.ignored");
    assertThat(result.findings().get(0).message()).contains("1.2.840.113549.1.9.2");
  }
}
