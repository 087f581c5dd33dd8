package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cabackoffice.crl.CrlPublication;
import org.cabackoffice.crl.PublishedCrl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The staff page of the CRLs (issue 9): officers, auditors and operations see each shard's current
 * CRL with its number and validity, the ARL, and what was signed recently, and download a CRL as
 * it was signed; customers do not.
 */
class CrlPageIT extends BackOfficeIT {

  @Autowired CrlPublication publication;

  @Test
  void staffSeeTheCrlsAndDownloadOneAsSigned() throws Exception {
    PublishedCrl signed = publication.publishShard(0);

    ResponseEntity<String> page = as("officer", "officer").getForEntity("/team/crls?lang=en", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(page.getBody())
        .contains("Published CRLs")
        .contains("Issuing CA shard 0")
        .contains("href=\"/crl/issuing-ca/0.crl\"")
        .contains("Recently signed")
        .contains("href=\"/team/crls/" + signed.id() + ".crl\"")
        .contains(">" + signed.crlNumber() + "<")
        .contains("JST");
    assertThat(as("officer", "officer").getForObject("/team/crls", String.class)).contains("公開中の CRL");

    ResponseEntity<byte[]> download = as("auditor", "auditor").getForEntity("/team/crls/" + signed.id() + ".crl", byte[].class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getHeaders().getContentType().toString()).isEqualTo("application/pkix-crl");
    assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("issuing-ca-0-" + signed.crlNumber() + ".crl");
    X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(download.getBody()));
    assertThat(crl.getEncoded()).isEqualTo(signed.der());
    assertThat(crl.getSigAlgName()).doesNotContainIgnoringCase("SHA1");

    assertThat(as("operator", "operator").getForEntity("/team/crls", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(customer().getForEntity("/team/crls", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("officer", "officer").getForEntity("/team/crls/999999999.crl", byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(as("officer", "officer").getForEntity("/team/crls/x1.crl", byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }
}
