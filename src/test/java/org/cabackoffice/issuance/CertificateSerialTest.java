package org.cabackoffice.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class CertificateSerialTest {

  @Test
  void randomSerialsArePositiveBelow2To159AndDistinct() {
    SecureRandom random = new SecureRandom();
    BigInteger previous = null;
    for (int i = 0; i < 200; i++) {
      BigInteger serial = CertificateSerial.random(random);
      assertThat(serial.signum()).isPositive();
      assertThat(serial).isLessThan(BigInteger.TWO.pow(159));
      assertThat(serial.bitLength()).isLessThanOrEqualTo(128);
      assertThat(serial).isNotEqualTo(previous);
      previous = serial;
    }
  }

  @Test
  void normalizeAcceptsCaseColonsAndLeadingZeros() {
    assertThat(CertificateSerial.normalize("0A:1B:FF")).isEqualTo("a1bff");
    assertThat(CertificateSerial.normalize("0a1bff")).isEqualTo("a1bff");
    assertThat(CertificateSerial.normalize(" 0A 1B FF ")).isEqualTo("a1bff");
  }

  @Test
  void normalizeRefusesNonHex() {
    assertThatThrownBy(() -> CertificateSerial.normalize("xyz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a hexadecimal serial");
    assertThatThrownBy(() -> CertificateSerial.normalize(""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
