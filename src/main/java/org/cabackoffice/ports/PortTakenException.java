package org.cabackoffice.ports;

/**
 * An embedded server could not listen on its port because another program holds it. The message
 * is the whole story on one line: which server, which address and port, which property moves it.
 */
public class PortTakenException extends IllegalStateException {

  private final String property;

  public PortTakenException(String server, String host, int port, String property, Throwable cause) {
    super(
        server + " cannot listen on " + host + ":" + port + ", another program holds that port;"
            + " set " + property + " to a free port (0: any free port)",
        cause);
    this.property = property;
  }

  /** The property that chooses the port. */
  public String property() {
    return property;
  }
}
