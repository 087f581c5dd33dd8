package org.cabackoffice.csr;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cabackoffice.input.DerNesting;
import org.cabackoffice.input.DerRefused;

/**
 * Turns what a customer pastes or uploads into the DER of one PKCS#10 request: PEM with the RFC
 * 7468 label {@code CERTIFICATE REQUEST} or the older {@code NEW CERTIFICATE REQUEST} that
 * Microsoft tools still write, possibly inside surrounding text (a mail body), or raw DER.
 */
final class CsrInput {

  /** A PKCS#10 request is a few KiB even with an 8192-bit key; more is not a request. */
  static final int MAX_BYTES = 64 * 1024;

  private static final Pattern PEM_REQUEST =
      Pattern.compile(
          "-----BEGIN (NEW )?CERTIFICATE REQUEST-----([^-]*)-----END (NEW )?CERTIFICATE REQUEST-----");
  private static final Pattern PEM_ANY = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
  private static final byte DER_SEQUENCE = 0x30;

  private CsrInput() {}

  static byte[] toDer(byte[] input) {
    if (input == null || input.length == 0) {
      throw new NotACsrException("The input is empty: paste the CSR in PEM, or send its DER.");
    }
    if (input.length > MAX_BYTES) {
      throw new NotACsrException(
          "The input is " + input.length + " bytes; a CSR is at most " + MAX_BYTES + " bytes.");
    }
    // PEM is ASCII; ISO-8859-1 maps every byte to one char, so no decoding error can occur here.
    String text = new String(input, StandardCharsets.ISO_8859_1);
    // DER starts with a SEQUENCE tag, 0x30, which is also the digit "0": text around a PEM block
    // may begin with a phone number or a date, so PEM armour wins wherever it appears.
    if (input[0] == DER_SEQUENCE && !text.contains("-----BEGIN")) {
      return shallow(input);
    }
    Matcher request = PEM_REQUEST.matcher(text);
    if (!request.find()) {
      throw new NotACsrException(describeNonRequest(text));
    }
    if (request.group(1) != null ? request.group(3) == null : request.group(3) != null) {
      throw new NotACsrException("The PEM BEGIN and END lines of the CSR do not match.");
    }
    String body = request.group(2);
    if (request.find()) {
      throw new NotACsrException(
          "The input holds more than one CSR; send one certificate request at a time.");
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(body.replaceAll("[ \\t\\r\\n]", ""));
    } catch (IllegalArgumentException e) {
      throw new NotACsrException(
          "The body of the PEM CSR is not valid Base64 (A-Z, a-z, 0-9, +, / and = only).", e);
    }
    if (der.length == 0) {
      throw new NotACsrException("The PEM CSR is empty between its BEGIN and END lines.");
    }
    return shallow(der);
  }

  /** Bouncy Castle recurses per nesting level; a request nested deeper would overflow the stack. */
  private static byte[] shallow(byte[] der) {
    try {
      DerNesting.check(der);
    } catch (DerRefused e) {
      throw new NotACsrException("The input is not a PKCS#10 certificate request: " + e.getMessage() + ".");
    }
    return der;
  }

  private static String describeNonRequest(String text) {
    Matcher other = PEM_ANY.matcher(text);
    if (other.find()) {
      String label = other.group(1);
      if (label.contains("PRIVATE KEY")) {
        // A private key sent to the CA is no longer private (BR 6.1.1.3: the CA rejects a key it
        // knows to be compromised), so say so rather than only "wrong format".
        return "The input is a private key (" + label + "), not a CSR. Never send a private key:"
            + " treat this key as compromised, create a new key and a CSR from it.";
      }
      if (label.contains("REQUEST")) {
        return "The PEM block \"" + label + "\" is incomplete: the CSR needs both its"
            + " -----BEGIN CERTIFICATE REQUEST----- and -----END CERTIFICATE REQUEST----- lines.";
      }
      return "The input is a PEM \"" + label + "\", not a certificate request (expected"
          + " -----BEGIN CERTIFICATE REQUEST-----).";
    }
    return "The input is neither a PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----)"
        + " nor a DER-encoded PKCS#10 request.";
  }
}
