package org.cabackoffice.timeline;

/**
 * The order of the contributors ({@code @Order} values), which is the guide's order of stages.
 * The timeline sorts by time; entries of the same millisecond keep the order of their sources
 * ({@code ApplicationTimeline.of}), and within one activity a stage's evidence is written before
 * what follows from it: the registry answer before the refusal it causes, the certificate before
 * the mail that delivers it.
 */
public final class TimelineOrder {

  public static final int SUBMISSION = 100;
  public static final int DOMAIN = 200;
  public static final int DOCUMENTS = 300;
  public static final int PAYMENT = 400;
  public static final int VERIFICATION = 500;
  public static final int ISSUANCE = 600;
  /** The refusal and a missed service level, after the stage that caused them. */
  public static final int OUTCOME = 700;
  public static final int REFUSED_ATTEMPTS = 800;
  /** Mails last: each is queued by the step it reports. */
  public static final int MAIL = 900;

  private TimelineOrder() {}
}
