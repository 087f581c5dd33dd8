package org.cabackoffice.csr;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * The attributes of the request (RFC 2986 4.1), chiefly the PKCS#9 extensionRequest (RFC 2985
 * 5.4.2) that carries the subjectAltNames the customer asks for.
 */
final class ExtensionRequestPolicy {

  /**
   * The extensions the CA understands in a request. The certificate's extensions come from the
   * CA's profile; a critical extension outside this set is one the customer says must not be
   * ignored, which the CA cannot promise (RFC 5280 4.2).
   */
  private static final Set<ASN1ObjectIdentifier> UNDERSTOOD =
      Set.of(
          Extension.subjectAlternativeName,
          Extension.basicConstraints,
          Extension.keyUsage,
          Extension.extendedKeyUsage,
          Extension.subjectKeyIdentifier);

  private static final Map<Integer, String> GENERAL_NAME_TYPES =
      Map.of(
          GeneralName.otherName, "otherName",
          GeneralName.rfc822Name, "e-mail address (rfc822Name)",
          GeneralName.x400Address, "x400Address",
          GeneralName.directoryName, "directoryName",
          GeneralName.ediPartyName, "ediPartyName",
          GeneralName.uniformResourceIdentifier, "URI",
          GeneralName.registeredID, "registeredID");

  /** Checks the attributes and returns the dNSName SANs in their order. */
  List<String> check(Attribute[] attributes, Findings findings) {
    List<String> sans = new ArrayList<>();
    boolean extensionRequestSeen = false;
    for (Attribute attribute : attributes) {
      ASN1ObjectIdentifier type = attribute.getAttrType();
      if (PKCSObjectIdentifiers.pkcs_9_at_extensionRequest.equals(type)) {
        for (ASN1Encodable value : attribute.getAttrValues()) {
          if (extensionRequestSeen) {
            findings.add(CsrRule.EXTENSION_DUPLICATE, "the extensionRequest attribute");
            continue;
          }
          extensionRequestSeen = true;
          extensions(value, sans, findings);
        }
      } else if (PKCSObjectIdentifiers.pkcs_9_at_challengePassword.equals(type)) {
        // RFC 2985 5.4.1: meant for revocation requests by some CAs; ours authenticates the
        // customer through the storefront instead.
        findings.add(CsrRule.ATTRIBUTE_CHALLENGE_PASSWORD_IGNORED);
      } else {
        findings.add(CsrRule.ATTRIBUTE_IGNORED, type.getId());
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
    Set<ASN1ObjectIdentifier> seen = new HashSet<>();
    for (ASN1Encodable element : sequence) {
      Extension extension;
      try {
        extension = Extension.getInstance(element);
      } catch (RuntimeException e) {
        findings.add(CsrRule.EXTENSION_MALFORMED, "an element is not an Extension");
        continue;
      }
      ASN1ObjectIdentifier id = extension.getExtnId();
      if (!seen.add(id)) {
        findings.add(CsrRule.EXTENSION_DUPLICATE, "the extension " + id.getId());
        continue;
      }
      if (extension.isCritical() && !UNDERSTOOD.contains(id)) {
        findings.add(CsrRule.EXTENSION_CRITICAL_UNKNOWN, id.getId());
      }
      if (Extension.subjectAlternativeName.equals(id)) {
        subjectAltNames(extension, sans, findings);
      } else if (Extension.basicConstraints.equals(id)) {
        basicConstraints(extension, findings);
      }
    }
  }

  private void basicConstraints(Extension extension, Findings findings) {
    BasicConstraints constraints;
    try {
      constraints = BasicConstraints.getInstance(extension.getParsedValue());
    } catch (RuntimeException e) {
      findings.add(CsrRule.EXTENSION_MALFORMED, "the basicConstraints cannot be decoded");
      return;
    }
    if (constraints.isCA()) {
      findings.add(CsrRule.EXTENSION_BASIC_CONSTRAINTS_CA);
    }
  }

  private void subjectAltNames(Extension extension, List<String> sans, Findings findings) {
    GeneralName[] names;
    try {
      names = GeneralNames.getInstance(extension.getParsedValue()).getNames();
    } catch (RuntimeException e) {
      findings.add(CsrRule.EXTENSION_MALFORMED, "the subjectAltName is not a list of GeneralNames");
      return;
    }
    for (GeneralName name : names) {
      if (name.getTagNo() == GeneralName.dNSName && name.getName() instanceof ASN1String dns) {
        sans.add(dns.getString());
      } else if (name.getTagNo() == GeneralName.iPAddress) {
        // BR 7.1.2.7.12 allows IP addresses, but this CA validates domain names only.
        findings.add(CsrRule.NAME_IP_ADDRESS, ipAddress(name));
      } else {
        findings.add(
            CsrRule.SAN_TYPE_UNSUPPORTED,
            GENERAL_NAME_TYPES.getOrDefault(name.getTagNo(), "name of tag " + name.getTagNo()));
      }
    }
  }

  private static String ipAddress(GeneralName name) {
    byte[] octets = ASN1OctetString.getInstance(name.getName()).getOctets();
    try {
      return InetAddress.getByAddress(octets).getHostAddress();
    } catch (UnknownHostException e) {
      return "an IP address of " + octets.length + " bytes";
    }
  }
}
