package io.releve.gateway.sim.radio;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Where a virtual stick meets its host: a pseudo-terminal or a TCP port. */
interface StickPort extends Closeable {

  /** One open line to the host. */
  record Line(InputStream in, OutputStream out, Closeable closer) implements Closeable {
    @Override
    public void close() throws IOException {
      closer.close();
    }
  }

  /**
   * Waits until the host side is there and returns the stick's end of the line, or null once the
   * port is closed.
   */
  Line await() throws IOException, InterruptedException;

  /** The line goes away, as a stick pulled out of its USB socket. */
  void unplug() throws IOException;

  /** The line comes back at the same place. */
  void replug() throws IOException;

  /** Where the host opens it. */
  String describe();
}
