package org.cabackoffice.calendar;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code backoffice.calendar.*}.
 *
 * @param closures days the CA is closed every year besides weekends and public holidays, as
 *     month-day {@code MM-dd} (or ISO {@code --MM-dd}); by default the year-end closure 12-29 to
 *     01-03. Setting the list replaces the default.
 */
@ConfigurationProperties("backoffice.calendar")
public record CalendarProperties(
    @DefaultValue({"12-29", "12-30", "12-31", "01-01", "01-02", "01-03"}) List<String> closures) {}
