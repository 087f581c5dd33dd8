package org.cabackoffice.workflow;

import java.util.Map;

/**
 * Starts the revocation process of a request, in the caller's transaction: the request and its
 * process are stored together or not at all. Implemented by the engine adapter.
 */
public interface RevocationProcessStart {

  void start(long requestId, Map<String, Object> variables);
}
