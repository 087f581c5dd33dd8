package org.cabackoffice.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The recorded-style answers under src/test/resources/whois, as bytes as the registries send them. */
final class WhoisAnswers {

  private WhoisAnswers() {}

  static byte[] bytes(String name) {
    try (InputStream in = WhoisAnswers.class.getResourceAsStream("/whois/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource whois/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An ASCII/UTF-8 answer as text, e.g. to fill in a referral's loopback port. */
  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }
}
