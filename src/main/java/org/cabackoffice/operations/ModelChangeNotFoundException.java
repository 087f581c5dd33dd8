package org.cabackoffice.operations;

/** No model change with that id. */
public class ModelChangeNotFoundException extends RuntimeException {
  public ModelChangeNotFoundException(long id) {
    super("no model change " + id);
  }
}
