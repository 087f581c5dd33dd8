package org.cabackoffice.domain.corroboration;

/**
 * The five Regional Internet Registries' service regions. From 2026-03-15 the remote network
 * perspectives that corroborate must fall within at least two of them (BR 3.2.2.9).
 */
public enum RirRegion {
  AFRINIC,
  APNIC,
  ARIN,
  LACNIC,
  RIPE_NCC
}
