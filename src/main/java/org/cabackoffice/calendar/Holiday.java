package org.cabackoffice.calendar;

import java.time.LocalDate;

/** A public holiday in Japan with its name as the law gives it (e.g. 「振替休日」). */
public record Holiday(LocalDate date, String name) {}
