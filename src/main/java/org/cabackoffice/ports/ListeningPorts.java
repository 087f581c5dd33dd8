package org.cabackoffice.ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether a TCP port can be listened on, asked the way the servers themselves bind. */
public final class ListeningPorts {

  private ListeningPorts() {}

  /** True when nothing else listens on the port at that address (or on every address). */
  public static boolean free(InetAddress address, int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(address, port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  /**
   * Opens a socket on a port the system chooses; the caller closes it once every port it needs
   * is chosen, so two choices made together never fall on the same port.
   */
  static ServerSocket reserve(InetAddress address) {
    try {
      ServerSocket socket = new ServerSocket();
      socket.bind(new InetSocketAddress(address, 0));
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + address.getHostAddress(), e);
    }
  }

  static void release(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
