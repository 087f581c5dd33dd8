package org.cabackoffice.domain;

import java.util.List;

/**
 * The registry lookups ({@code registration_evidence} ids) an application's domain decisions
 * rested on, oldest first. A lookup row names a domain, not an application (one answer may serve
 * several applications while it is fresh); the process records which row each decision used, so
 * the process history is where this is answered. The adapter is {@code
 * domain.camunda.CamundaRegistrantLookupsUsed}.
 */
public interface RegistrantLookupsUsed {

  List<Long> evidenceIdsOf(long applicationId);
}
