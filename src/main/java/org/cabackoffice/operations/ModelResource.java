package org.cabackoffice.operations;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One file of a model: the BPMN or a Camunda form, by its deployment resource name. */
public record ModelResource(String name, byte[] content) {

  public boolean isModel() {
    return name.endsWith(".bpmn");
  }

  public boolean isForm() {
    return name.endsWith(".form");
  }

  public String sha256() {
    return sha256(content);
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
