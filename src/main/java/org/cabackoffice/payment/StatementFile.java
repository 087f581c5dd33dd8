package org.cabackoffice.payment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A posted statement file as the import reads it: more than once (its checks run over the whole
 * file before anything is stored, then it is imported a chunk at a time), and never held in memory
 * whole (issue 12: a day's file of a million lines is some 60 MB). The upload lies on disk, as
 * the multipart part Tomcat wrote or the raw body the endpoint spooled.
 */
interface StatementFile {

  long size();

  /** A new stream over the whole file, from its first byte. */
  InputStream open() throws IOException;

  /** The file's SHA-256 in lower-case hex, read through once. */
  default String sha256() {
    try (InputStream in = new DigestInputStream(open(), sha256Digest())) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("the statement file could not be read again", e);
    }
  }

  static StatementFile of(byte[] content) {
    byte[] bytes = content == null ? new byte[0] : content;
    return new StatementFile() {
      @Override
      public long size() {
        return bytes.length;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(bytes);
      }
    };
  }

  static StatementFile at(Path path) {
    return new StatementFile() {
      @Override
      public long size() {
        try {
          return Files.size(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(path);
      }
    };
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must implement SHA-256 (MessageDigest's specification).
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }
}
