/**
 * The auditors' pages under {@code /audit/} (issue 11): search, one application's record with
 * the path its process took, and the exports, the evidence bundle signed by the audit key among
 * them. Like the registration authority it gathers what several features own (documents,
 * payment, issuance, the timeline) to read it, and nothing imports it; the {@code audit} package
 * below it keeps to the engine's history and the timeline.
 */
package org.cabackoffice.auditors;
