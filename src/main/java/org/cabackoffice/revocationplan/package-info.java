/**
 * Revocation plans (BR 5.7.1.2, ballot SC-089; issue 15): a set of certificates an officer plans
 * to revoke at a stated time, by serials or by a criterion (issued between two instants, optionally
 * of one organization), approved by a second officer (four eyes, held here on the server). An
 * approved plan is an automation point of the mass revocation plan: ACME Renewal Information
 * (RFC 9773) suggests the plan's certificates a renewal window that ends before the planned
 * revocation, and links the plan's public page as {@code explanationURL}.
 *
 * <p>The plan does not revoke: at the planned time officers revoke through the one revocation
 * path ({@code revocation} package), which keeps its own four eyes and records.
 */
package org.cabackoffice.revocationplan;
