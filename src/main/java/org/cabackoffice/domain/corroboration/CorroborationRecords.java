package org.cabackoffice.domain.corroboration;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The corroborations kept for an ACME order (BR 5.4.1 items 7 and 8), each with every remote
 * perspective's attempt as recorded, for the order's record. Read only.
 */
@Service
public class CorroborationRecords {

  /** One corroboration and its perspectives' attempts, in the order they were asked. */
  public record Recorded(Corroboration corroboration, List<PerspectiveAttempt> attempts) {}

  private final CorroborationRepository corroborations;
  private final PerspectiveAttemptRepository attempts;

  public CorroborationRecords(CorroborationRepository corroborations, PerspectiveAttemptRepository attempts) {
    this.corroborations = corroborations;
    this.attempts = attempts;
  }

  /**
   * Oldest first: a CAA job whose quorum failed is retried, each time asking afresh, so an order
   * may have several. Empty for an order kept before V121 linked them, or one that never reached
   * the corroboration (refused by the primary's CAA lookup, CAA checking off).
   */
  @Transactional(readOnly = true)
  public List<Recorded> ofAcmeOrder(long acmeOrderId) {
    return corroborations.findByAcmeOrderIdOrderByIdAsc(acmeOrderId).stream()
        .map(c -> new Recorded(c, attempts.findByCorroborationIdOrderByIdAsc(c.getId())))
        .toList();
  }
}
