package org.cabackoffice.csr;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * The attributes of the request (RFC 2986 4.1), chiefly the PKCS#9 extensionRequest (RFC 2985
 * 5.4.2) that carries the subjectAltNames the customer asks for.
 */
final class ExtensionRequestPolicy {

  /** Checks the attributes and returns the dNSName SANs in their order. */
  List<String> check(Attribute[] attributes, Findings findings) {
    List<String> sans = new ArrayList<>();
    for (Attribute attribute : attributes) {
      if (PKCSObjectIdentifiers.pkcs_9_at_extensionRequest.equals(attribute.getAttrType())) {
        for (ASN1Encodable value : attribute.getAttrValues()) {
          extensions(value, sans, findings);
        }
      }
    }
    return sans;
  }

  private void extensions(ASN1Encodable value, List<String> sans, Findings findings) {
    ASN1Sequence sequence;
    try {
      sequence = ASN1Sequence.getInstance(value);
    } catch (RuntimeException e) {
      findings.add(CsrRule.EXTENSION_MALFORMED, "it is not a SEQUENCE of extensions");
      return;
    }
    for (ASN1Encodable element : sequence) {
      Extension extension;
      try {
        extension = Extension.getInstance(element);
      } catch (RuntimeException e) {
        findings.add(CsrRule.EXTENSION_MALFORMED, "an element is not an Extension");
        continue;
      }
      if (Extension.subjectAlternativeName.equals(extension.getExtnId())) {
        subjectAltNames(extension, sans, findings);
      }
    }
  }

  private void subjectAltNames(Extension extension, List<String> sans, Findings findings) {
    GeneralNames names;
    try {
      names = GeneralNames.getInstance(extension.getParsedValue());
    } catch (RuntimeException e) {
      findings.add(CsrRule.EXTENSION_MALFORMED, "the subjectAltName is not a list of GeneralNames");
      return;
    }
    for (GeneralName name : names.getNames()) {
      if (name.getTagNo() == GeneralName.dNSName) {
        sans.add(((ASN1String) name.getName()).getString());
      }
    }
  }
}
