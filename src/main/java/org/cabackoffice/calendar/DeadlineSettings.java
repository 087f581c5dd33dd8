package org.cabackoffice.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code backoffice.deadlines.*}: reminder delay in business days, request validity in days. */
@ConfigurationProperties("backoffice.deadlines")
public record DeadlineSettings(
    @DefaultValue("5") int reminderBusinessDays, @DefaultValue("30") int requestValidDays) {}
