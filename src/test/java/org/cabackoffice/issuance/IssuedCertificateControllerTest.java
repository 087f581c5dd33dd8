package org.cabackoffice.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The HTTP mapping of the controllers, standalone (no application context): status codes and
 * reasons for bad input. Roles are the security configuration's to enforce.
 */
class IssuedCertificateControllerTest {

  private static final Clock CLOCK = TestFixtures.clockAt("2026-01-10T03:00:00Z");

  @TempDir Path dir;
  private CertificateAuthority authority;
  private String pem;
  private MockMvc mvc;

  @BeforeEach
  void setUp() throws Exception {
    authority = TestFixtures.authority(dir, CLOCK);
    pem =
        new CertificateIssuer(authority, new PreIssuanceLint(), new TestFixtures.InMemoryCertificates(), new TestFixtures.InMemorySignings(), org.springframework.transaction.support.TransactionOperations.withoutTransaction(), CLOCK)
            .issue(TestFixtures.ovRequest(TestFixtures.ec("secp256r1"), "www.example.jp", List.of()))
            .pem();
    CustomerDirectory customers =
        email -> "tech@example.jp".equals(email) ? Optional.of(7L) : Optional.empty();
    mvc =
        MockMvcBuilders.standaloneSetup(
                new IssuedCertificateController(
                    new IssuedCertificates(new TestFixtures.InMemoryCertificates()),
                    customers,
                    serial -> Optional.empty(),
                    CLOCK),
                new IssuingCaController(authority))
            .build();
  }

  @Test
  void importThenLookUpBySerial() throws Exception {
    String serial = CertificatePem.parse(pem).get(0).getSerialNumber().toString(16);

    mvc.perform(post("/api/certificates/import").param("customer", "tech@example.jp").contentType(MediaType.TEXT_PLAIN).content(pem))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/certificates/" + serial))
        .andExpect(jsonPath("$.imported").value(true))
        .andExpect(jsonPath("$.customerAccountId").value(7));

    mvc.perform(get("/api/certificates/{serial}", serial.toUpperCase()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.serial").value(serial))
        .andExpect(jsonPath("$.status").value("ISSUED"))
        .andExpect(jsonPath("$.commonName").value("www.example.jp"))
        .andExpect(jsonPath("$.dnsNames[0]").value("www.example.jp"))
        .andExpect(jsonPath("$.pem").value(pem));
  }

  @Test
  void duplicateImportIs409() throws Exception {
    mvc.perform(post("/api/certificates/import").param("customer", "tech@example.jp").content(pem))
        .andExpect(status().isCreated());

    mvc.perform(post("/api/certificates/import").param("customer", "tech@example.jp").content(pem))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already recorded")));
  }

  @Test
  void deeplyNestedCertificateIsA400WithTheReason() throws Exception {
    String attack =
        org.cabackoffice.testsupport.NestedDer.pem(
            "CERTIFICATE", org.cabackoffice.testsupport.NestedDer.sequences(6000));

    mvc.perform(post("/api/certificates/import").param("customer", "tech@example.jp").content(attack))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nested")));
    mvc.perform(post("/api/certificates/import").param("customer", "tech@example.jp").content(
            org.cabackoffice.testsupport.NestedDer.pem("CERTIFICATE", org.cabackoffice.testsupport.NestedDer.sequences(3))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception"))));
  }

  @Test
  void badInputIs4xxWithAReason() throws Exception {
    mvc.perform(post("/api/certificates/import").param("customer", "nobody@example.jp").content(pem))
        .andExpect(status().isUnprocessableEntity());
    mvc.perform(post("/api/certificates/import").param("customer", "tech@example.jp").content("not a certificate"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("certificate")));
    mvc.perform(post("/api/certificates/import").param("customer", "tech@example.jp"))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/certificates/{serial}", "zz-not-hex"))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/certificates/{serial}", "0A:1B"))
        .andExpect(status().isNotFound());
  }

  @Test
  void issuingCaCertificateIsServedAsDer() throws Exception {
    byte[] der =
        mvc.perform(get("/ca/issuing-ca.crt"))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/pkix-cert"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();

    assertThat(der).isEqualTo(authority.issuingCertificate().getEncoded());
  }

  @Test
  void rootCaCertificateIsServedAsDerAndAnchorsTheIssuingCa() throws Exception {
    byte[] der =
        mvc.perform(get("/ca/root-ca.crt"))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/pkix-cert"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    byte[] issuingDer = mvc.perform(get("/ca/issuing-ca.crt")).andReturn().getResponse().getContentAsByteArray();

    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    X509Certificate root = (X509Certificate) x509.generateCertificate(new ByteArrayInputStream(der));
    X509Certificate issuing =
        (X509Certificate) x509.generateCertificate(new ByteArrayInputStream(issuingDer));
    // A trust anchor: self-signed, and the key that signed the issuing CA served beside it.
    assertThat(root.getSubjectX500Principal()).isEqualTo(root.getIssuerX500Principal());
    root.verify(root.getPublicKey());
    assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(issuing.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
    issuing.verify(root.getPublicKey());
  }
}
