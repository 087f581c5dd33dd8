package org.cabackoffice.mail;

/**
 * Everything that leaves the system by mail goes through here. Implementations store the mail in
 * the caller's transaction, so a rolled-back step sends nothing and a committed one is never
 * lost; delivery happens afterwards.
 */
public interface Outbox {

  /** Stores the mail for delivery; a second mail with the same dedup key is ignored. */
  void enqueue(OutgoingMail mail);
}
