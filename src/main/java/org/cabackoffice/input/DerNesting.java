package org.cabackoffice.input;

/**
 * A cheap, iterative-per-level walk over BER/DER tag-length-value headers that refuses structures
 * nested deeper than a bound, before Bouncy Castle or the JDK parse them.
 *
 * <p>Those parsers recurse once per nesting level, so 6,000 nested SEQUENCEs (32 KB) exhaust the
 * thread's stack (issue 7, item 3). Real PKIX objects are shallow: a certificate or a CSR with
 * extensions is about 10 levels deep, counting the DER inside OCTET and BIT STRINGs
 * (extnValue, subjectPublicKey, signature), which this walk also enters because the parsers
 * decode those later. Our own recursion is bounded by the same limit.
 */
public final class DerNesting {

  /** Three times what a PKIX request or certificate needs. */
  public static final int MAX_DEPTH = 32;

  private static final int CONSTRUCTED = 0x20;
  private static final int BIT_STRING = 0x03;
  private static final int OCTET_STRING = 0x04;

  private DerNesting() {}

  /**
   * Refuses {@code der} when its structure is nested deeper than {@link #MAX_DEPTH} or its
   * headers do not add up.
   *
   * @throws DerRefused with a reason for the sender
   */
  public static void check(byte[] der) {
    check(der, MAX_DEPTH);
  }

  static void check(byte[] der, int maxDepth) {
    if (der == null || der.length == 0) {
      throw new DerRefused("the DER encoding is empty");
    }
    try {
      int end = new Walk(der, maxDepth).items(0, der.length, 0, false);
      if (end != der.length) {
        throw new Malformed();
      }
    } catch (Malformed e) {
      throw new DerRefused(
          "the DER encoding is malformed: a length runs past the end of the data or a header is"
              + " incomplete");
    }
  }

  /** Thrown inside the walk; cheap, as a stack trace is of no use here. */
  private static final class Malformed extends Exception {
    Malformed() {
      super(null, null, false, false);
    }
  }

  private static final class Walk {
    private final byte[] data;
    private final int maxDepth;

    Walk(byte[] data, int maxDepth) {
      this.data = data;
      this.maxDepth = maxDepth;
    }

    /**
     * Walks the items in {@code [from, to)} at {@code depth}; with {@code untilEndOfContents},
     * stops after the 00 00 that ends an indefinite length. Returns the offset after the last item.
     */
    int items(int from, int to, int depth, boolean untilEndOfContents) throws Malformed {
      int at = from;
      while (at < to) {
        if (untilEndOfContents && at + 1 < to && data[at] == 0 && data[at + 1] == 0) {
          return at + 2;
        }
        at = item(at, to, depth);
      }
      if (untilEndOfContents) {
        throw new Malformed();
      }
      return at;
    }

    private int item(int at, int to, int depth) throws Malformed {
      if (depth >= maxDepth) {
        throw new DerRefused(
            "the DER structure is nested more than " + maxDepth
                + " levels deep; no certificate, request or key is");
      }
      int tag = data[at++] & 0xff;
      if ((tag & 0x1f) == 0x1f) {
        // High tag number form (X.690 8.1.2.4): base-128 digits, the last without bit 8.
        int digits = 0;
        do {
          if (at >= to || ++digits > 4) {
            throw new Malformed();
          }
        } while ((data[at++] & 0x80) != 0);
      }
      if (at >= to) {
        throw new Malformed();
      }
      int first = data[at++] & 0xff;
      boolean constructed = (tag & CONSTRUCTED) != 0;
      if (first == 0x80) {
        // Indefinite length (BER only): the contents end with 00 00.
        if (!constructed) {
          throw new Malformed();
        }
        return items(at, to, depth + 1, true);
      }
      long length;
      if (first < 0x80) {
        length = first;
      } else {
        int octets = first & 0x7f;
        if (octets > 4 || at + octets > to) {
          throw new Malformed();
        }
        length = 0;
        for (int i = 0; i < octets; i++) {
          length = (length << 8) | (data[at++] & 0xff);
        }
      }
      if (length > to - at) {
        throw new Malformed();
      }
      int end = at + (int) length;
      if (constructed) {
        items(at, end, depth + 1, false);
      } else if (tag == OCTET_STRING || tag == BIT_STRING) {
        int contents = tag == BIT_STRING ? at + 1 : at;
        if (contents < end) {
          encapsulated(contents, end, depth + 1);
        }
      }
      return end;
    }

    /**
     * OCTET and BIT STRINGs may carry DER that is parsed later (an extension's value, a public
     * key, an ECDSA signature); when they do, it counts towards the depth. When they do not, they
     * are opaque bytes and not this walk's concern.
     */
    private void encapsulated(int from, int to, int depth) {
      try {
        items(from, to, depth, false);
      } catch (Malformed notDer) {
        // opaque content
      }
    }
  }
}
