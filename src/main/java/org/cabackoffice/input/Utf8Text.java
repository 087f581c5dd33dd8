package org.cabackoffice.input;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Uploaded files that come as UTF-8 or in a Japanese legacy encoding (bank exports, directory
 * data): a file is taken as UTF-8 only if every byte decodes, so Shift_JIS is never misread as
 * UTF-8 with replacement characters.
 */
public final class Utf8Text {

  private Utf8Text() {}

  /** The text without its byte order mark, or empty when the bytes are not well-formed UTF-8. */
  public static Optional<String> strict(byte[] content) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
      return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException notUtf8) {
      return Optional.empty();
    }
  }
}
