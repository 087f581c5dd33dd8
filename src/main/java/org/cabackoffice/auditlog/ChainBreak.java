package org.cabackoffice.auditlog;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * What a verification saw at the first break, with the rows it names: said in English in the API's
 * and the offline command's {@code detail}, and by the auditors' page in the reader's language
 * (message {@code auditLog.break.}{@link #key()}, the rows as its arguments).
 */
public enum ChainBreak {
  BEYOND_HEAD("beyondHead", "row {0,number,#} lies beyond the chain head ({1,number,#})"),
  MISSING("missing", "rows {0,number,#} to {1,number,#} are missing"),
  TWICE("twice", "row {0,number,#} appears twice"),
  SHIFTED("shifted", "row {0,number,#} was row {1,number,#}: a row was inserted before it"),
  CONTENT_CHANGED("contentChanged", "row {0,number,#}''s content no longer matches its hash"),
  REHASHED("rehashed", "row {0,number,#} was rewritten with a new hash; row {1,number,#} still names the old one"),
  HEAD_DIFFERS("headDiffers", "row {0,number,#}''s hash differs from the chain head''s"),
  CHECKPOINT_SIGNATURE("checkpointSignature", "the checkpoint at row {0,number,#} has no valid signature"),
  CHECKPOINT_ROW_MISSING("checkpointRowMissing", "row {0,number,#}, signed in a checkpoint, is missing"),
  CHECKPOINT_DIFFERS(
      "checkpointDiffers", "row {0,number,#} differs from its signed checkpoint: rows up to it were rewritten and rehashed");

  private final String key;
  private final String english;

  ChainBreak(String key, String english) {
    this.key = key;
    this.english = english;
  }

  /** The page's message is {@code auditLog.break.} followed by this. */
  public String key() {
    return key;
  }

  /** The English the API and the offline command give as {@code detail}. */
  public String english(List<Long> rows) {
    return new MessageFormat(english, Locale.ROOT).format(rows.toArray());
  }
}
