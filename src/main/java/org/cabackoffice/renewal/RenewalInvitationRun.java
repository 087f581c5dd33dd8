package org.cabackoffice.renewal;

import org.cabackoffice.calendar.BusinessCalendar;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The daily run of {@link RenewalInvitations}; every node may run it (mails are keyed). */
@Component
@ConditionalOnProperty(
    name = "backoffice.renewal-invitations.enabled",
    havingValue = "true",
    matchIfMissing = true)
class RenewalInvitationRun {

  private final RenewalInvitations invitations;

  RenewalInvitationRun(RenewalInvitations invitations) {
    this.invitations = invitations;
  }

  @Scheduled(cron = "${backoffice.renewal-invitations.cron:0 0 9 * * *}", zone = BusinessCalendar.ZONE_ID)
  void run() {
    invitations.inviteDue();
  }
}
