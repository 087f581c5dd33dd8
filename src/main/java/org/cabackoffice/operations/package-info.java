/**
 * Governed model changes (issue 11, Operations): an operator proposes a changed process model and
 * its forms, the back office checks them before anyone can deploy ({@link
 * org.cabackoffice.operations.ProcessModels#review}), a second person approves, and only then is
 * the change deployed to the engine every node shares. The proposal, the decision and the
 * deployment stay on record ({@link org.cabackoffice.operations.ModelChange}), which the audit log
 * takes in. A rollback is a proposal of an earlier version's files, through the same path.
 *
 * <p>The engine stays behind {@link org.cabackoffice.operations.ProcessModels} (the {@code camunda}
 * sub-package), so the rules of the path (four eyes, a base that must still be current) are tested
 * without one.
 */
package org.cabackoffice.operations;
