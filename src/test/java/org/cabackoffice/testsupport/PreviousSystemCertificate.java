package org.cabackoffice.testsupport;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A certificate as the CA's previous system issued it, for an admin to import before renewal. */
public final class PreviousSystemCertificate {

  private PreviousSystemCertificate() {}

  public record Issued(String serialHex, String pem) {}

  public static Issued issue(String commonName, Instant notBefore, Instant notAfter) throws Exception {
    return issue(commonName, notBefore, notAfter, CsrFactory.p256());
  }

  /** For the subscriber's key {@code subject}, so a test can reuse that key in a later CSR. */
  public static Issued issue(String commonName, Instant notBefore, Instant notAfter, KeyPair subject)
      throws Exception {
    KeyPair ca = CsrFactory.p256();
    BigInteger serial = new BigInteger(120, new SecureRandom()).setBit(119);
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=Previous System OV CA, O=Old CA Inc., C=JP"),
            serial,
            Date.from(notBefore),
            Date.from(notAfter),
            new X500Name("CN=" + commonName + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP"),
            subject.getPublic());
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.dNSName, commonName)));
    X509CertificateHolder holder =
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate()));
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(holder);
    }
    return new Issued(serial.toString(16), out.toString());
  }
}
