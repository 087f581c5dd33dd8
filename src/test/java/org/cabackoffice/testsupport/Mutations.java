package org.cabackoffice.testsupport;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Fuzzing input near the valid: a well-formed sample (a CSR, a Zengin file, a registry answer)
 * with a few edits a broken client, a truncated transfer or an attacker makes. Random bytes
 * alone rarely get past a parser's first check; these reach its depths.
 */
public final class Mutations {

  /** Bytes a length, tag or text field turns hostile with: lengths of 0, 127, 128, 255. */
  private static final byte[] BOUNDARIES = {0x00, 0x01, 0x7f, (byte) 0x80, (byte) 0x81, (byte) 0x84, (byte) 0xff, '\n', '\r', ','};

  private Mutations() {}

  private record Edit(int kind, int at, int length, byte value) {}

  /** One of the samples with one to eight edits. */
  public static Arbitrary<byte[]> of(List<byte[]> samples) {
    Arbitrary<byte[]> sample = Arbitraries.of(samples);
    Arbitrary<Edit> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(1, 64),
                Arbitraries.oneOf(Arbitraries.of(toObjects(BOUNDARIES)), Arbitraries.bytes()))
            .as(Edit::new);
    return Combinators.combine(sample, edit.list().ofMinSize(1).ofMaxSize(8))
        .as(
            (bytes, edits) -> {
              byte[] out = bytes.clone();
              for (Edit e : edits) {
                out = apply(out, e);
              }
              return out;
            });
  }

  private static byte[] apply(byte[] in, Edit e) {
    if (in.length == 0) {
      return new byte[] {e.value()};
    }
    int at = e.at() % in.length;
    switch (e.kind()) {
      case 0 -> { // flip one bit
        byte[] out = in.clone();
        out[at] ^= (byte) (1 << (e.length() % 8));
        return out;
      }
      case 1 -> { // overwrite one byte
        byte[] out = in.clone();
        out[at] = e.value();
        return out;
      }
      case 2 -> { // cut the rest off (a broken transfer)
        return Arrays.copyOf(in, at);
      }
      case 3 -> { // insert bytes
        byte[] out = new byte[in.length + e.length()];
        System.arraycopy(in, 0, out, 0, at);
        Arrays.fill(out, at, at + e.length(), e.value());
        System.arraycopy(in, at, out, at + e.length(), in.length - at);
        return out;
      }
      case 4 -> { // delete bytes
        int end = Math.min(in.length, at + e.length());
        byte[] out = new byte[in.length - (end - at)];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, end, out, at, in.length - end);
        return out;
      }
      default -> { // repeat a slice (a record or element twice)
        int end = Math.min(in.length, at + e.length());
        byte[] out = new byte[in.length + (end - at)];
        System.arraycopy(in, 0, out, 0, end);
        System.arraycopy(in, at, out, end, in.length - at);
        return out;
      }
    }
  }

  private static Byte[] toObjects(byte[] bytes) {
    Byte[] out = new Byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[i];
    }
    return out;
  }
}
