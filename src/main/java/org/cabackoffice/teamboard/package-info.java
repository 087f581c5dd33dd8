/**
 * The officers' team board under {@code /team/board} (issue 11): the application tasks of the
 * officer's groups, each entry telling its application apart (id, common name, organization,
 * product, stage, the step and what it asks, due date, how long it has waited, who holds it), with
 * filters and paging; and the applications that wait for a customer, since when, and the next
 * reminder. Like the auditors' pages it reads what other features own and nothing imports it; the
 * engine stays behind {@link org.cabackoffice.teamboard.BoardTasks}.
 */
package org.cabackoffice.teamboard;
