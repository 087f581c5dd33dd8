package org.cabackoffice.input;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cabackoffice.testsupport.NestedDer.wrap;

import java.io.ByteArrayOutputStream;
import org.cabackoffice.testsupport.NestedDer;
import org.junit.jupiter.api.Test;

class DerNestingTest {

  @Test
  void sixThousandNestedSequencesAreRefusedWithoutRecursion() {
    byte[] attack = NestedDer.sequences(6000);

    assertThatThrownBy(() -> DerNesting.check(attack))
        .isInstanceOf(DerRefused.class)
        .hasMessageContaining("nested more than 32 levels");
  }

  @Test
  void thirtyTwoLevelsPassAndThirtyThreeDoNot() {
    assertThatCode(() -> DerNesting.check(NestedDer.sequences(32))).doesNotThrowAnyException();
    assertThatThrownBy(() -> DerNesting.check(NestedDer.sequences(33))).isInstanceOf(DerRefused.class);
  }

  @Test
  void depthHiddenInsideAnOctetStringCounts() {
    // An extension's value is an OCTET STRING that Bouncy Castle parses later, recursively.
    byte[] extension = wrap(0x30, wrap(0x04, NestedDer.sequences(40)));

    assertThatThrownBy(() -> DerNesting.check(extension))
        .isInstanceOf(DerRefused.class)
        .hasMessageContaining("nested");
  }

  @Test
  void indefiniteLengthNestingCountsToo() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < 100; i++) {
      out.write(0x30);
      out.write(0x80);
    }
    for (int i = 0; i < 100; i++) {
      out.write(0);
      out.write(0);
    }

    assertThatThrownBy(() -> DerNesting.check(out.toByteArray()))
        .isInstanceOf(DerRefused.class)
        .hasMessageContaining("nested");
  }

  @Test
  void opaqueOctetStringsAndTruncatedHeaders() {
    assertThatCode(() -> DerNesting.check(wrap(0x30, wrap(0x04, new byte[] {0x30, 0x7f, 1}))))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> DerNesting.check(new byte[] {0x30, 0x05, 0x02, 0x01}))
        .isInstanceOf(DerRefused.class)
        .hasMessageContaining("malformed");
    assertThatThrownBy(() -> DerNesting.check(new byte[] {0x30, (byte) 0x84, 0x7f}))
        .isInstanceOf(DerRefused.class);
    assertThatThrownBy(() -> DerNesting.check(new byte[0])).isInstanceOf(DerRefused.class);
  }
}
