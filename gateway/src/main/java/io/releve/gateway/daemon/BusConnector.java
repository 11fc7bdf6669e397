package io.releve.gateway.daemon;

import io.releve.gateway.config.BusConfig;
import io.releve.gateway.link.LinkSettings;
import io.releve.gateway.link.MBusMaster;
import io.releve.gateway.transport.ByteStream;
import io.releve.gateway.transport.SerialByteStream;
import io.releve.gateway.transport.TcpByteStream;
import java.io.IOException;
import java.time.Duration;

/** Opens a bus's port or connection and puts our link layer on it. */
@FunctionalInterface
public interface BusConnector {

  /** How long a TCP connection to a serial server may take to open. */
  Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** The real thing: jSerialComm for serial buses, a socket for serial servers. */
  BusConnector REAL = BusConnector::open;

  /**
   * Opens {@code bus}.
   *
   * @throws IOException when the port cannot be opened or the server cannot be reached; the message
   *     names the port or {@code host:port}
   */
  MBusMaster connect(BusConfig bus) throws IOException;

  private static MBusMaster open(BusConfig bus) throws IOException {
    ByteStream stream =
        switch (bus.transport()) {
          case SERIAL -> new SerialByteStream(bus.device().toString(), bus.baud());
          case TCP -> TcpByteStream.open(bus.host(), bus.port(), bus.baud(), CONNECT_TIMEOUT);
        };
    return new MBusMaster(stream, settings(bus));
  }

  /** The link-layer settings of a configured bus. */
  static LinkSettings settings(BusConfig bus) {
    return new LinkSettings(bus.retries(), bus.maxTelegrams(), true);
  }
}
