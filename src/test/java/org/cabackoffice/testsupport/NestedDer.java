package org.cabackoffice.testsupport;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/** The attack of issue 7, item 3: SEQUENCEs nested thousands deep, as DER and as PEM. */
public final class NestedDer {

  private NestedDer() {}

  public static byte[] sequences(int levels) {
    byte[] der = {0x30, 0x00};
    for (int i = 1; i < levels; i++) {
      der = wrap(0x30, der);
    }
    return der;
  }

  public static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }

  public static byte[] wrap(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else if (length < 0x10000) {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length);
    } else {
      out.write(0x83);
      out.write(length >> 16);
      out.write(length >> 8);
      out.write(length);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
