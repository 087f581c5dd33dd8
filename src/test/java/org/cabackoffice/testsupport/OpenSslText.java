package org.cabackoffice.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The real OpenSSL's reading of a certificate, as an operator or a relying party sees it. */
public final class OpenSslText {

  private OpenSslText() {}

  /** {@code openssl x509 -noout -text} of a PEM certificate; fails the test if OpenSSL refuses it. */
  public static String x509(String pem) throws Exception {
    Path file = Files.createTempFile("openssl-x509", ".pem");
    try {
      Files.writeString(file, pem);
      Process openssl =
          new ProcessBuilder("openssl", "x509", "-noout", "-text", "-in", file.toString()).redirectErrorStream(true).start();
      String out = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(openssl.exitValue()).as(out).isZero();
      return out;
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
