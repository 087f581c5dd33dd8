/**
 * The vocabulary of an application's timeline, shared by every feature that records evidence: a
 * leaf package, so features contribute entries ({@link
 * org.cabackoffice.timeline.TimelineContributor}) without depending on the audit view that
 * collects them.
 */
package org.cabackoffice.timeline;
