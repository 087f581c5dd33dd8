package org.cabackoffice.application;

import java.util.List;

/** One page of {@code GET /api/applications}; {@code page} counts from 0. */
public record ApplicationPage(
    List<ApplicationView> items, int page, int size, long totalItems, int totalPages) {}
