package org.cabackoffice.renewal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code backoffice.renewal-invitations.*}.
 *
 * @param leadTimes how long before expiry the invitations go, for a 398-day certificate (shorter
 *     lifetimes get proportionally shorter lead times, {@link InvitationSchedule}); default 60, 30
 *     and 14 days
 * @param cron when the daily run starts, Asia/Tokyo; default 09:00, office hours for the customer
 */
@ConfigurationProperties("backoffice.renewal-invitations")
public record RenewalInvitationProperties(List<Duration> leadTimes, String cron) {

  public RenewalInvitationProperties {
    leadTimes =
        leadTimes == null || leadTimes.isEmpty()
            ? List.of(Duration.ofDays(60), Duration.ofDays(30), Duration.ofDays(14))
            : List.copyOf(leadTimes);
    cron = cron == null || cron.isBlank() ? "0 0 9 * * *" : cron;
  }
}
