package io.releve.gateway.bench;

import io.releve.gateway.link.LinkSettings;
import io.releve.gateway.link.MBusMaster;
import io.releve.gateway.sim.BusTiming;
import io.releve.gateway.sim.PtySlave;
import io.releve.gateway.sim.SimulatedBus;
import io.releve.gateway.sim.TcpSlaveServer;
import io.releve.gateway.transport.ByteStream;
import io.releve.gateway.transport.SerialByteStream;
import io.releve.gateway.transport.TcpByteStream;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * How the benchmark's master reaches the simulated bus: our real transports, each against the
 * simulator's matching slave side.
 */
public enum BenchLine {
  /** {@link TcpByteStream} to a {@link TcpSlaveServer} on 127.0.0.1, as a serial server. */
  TCP {
    @Override
    Connection open(SimulatedBus bus, BusTiming timing) throws IOException {
      TcpSlaveServer server = TcpSlaveServer.start(bus, timing);
      try {
        return connect(
            server::close,
            TcpByteStream.open(server.host(), server.port(), timing.baud(), CONNECT));
      } catch (IOException | RuntimeException e) {
        closeAfterFailure(server::close, e);
        throw e;
      }
    }
  },

  /** {@link SerialByteStream} (jSerialComm) on a pseudo-terminal served by {@link PtySlave}. */
  PTY {
    @Override
    Connection open(SimulatedBus bus, BusTiming timing) throws IOException {
      PtySlave pty = PtySlave.start(bus, timing);
      try {
        return connect(pty::close, new SerialByteStream(pty.gatewaySide(), timing.baud()));
      } catch (IOException | RuntimeException e) {
        closeAfterFailure(pty::close, e);
        throw e;
      }
    }
  };

  /** The daemon's defaults: two retries, 16 telegrams, echo suppression on. */
  static final LinkSettings SETTINGS = LinkSettings.DEFAULTS;

  private static final Duration CONNECT = Duration.ofSeconds(5);

  /**
   * A master connected to the simulated bus, and the slave side serving it. Closing closes the
   * master, then the slave side.
   */
  record Connection(MBusMaster master, Closeable slaveSide) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      try {
        master.close();
      } finally {
        slaveSide.close();
      }
    }
  }

  /**
   * Serves {@code bus} at {@code timing} and connects a master to it.
   *
   * @throws IOException when the slave side cannot start (socat missing for {@link #PTY}) or the
   *     master cannot open it; nothing is left open then
   */
  abstract Connection open(SimulatedBus bus, BusTiming timing) throws IOException;

  /** The name the command line and the report use: {@code tcp}, {@code pty}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static Connection connect(Closeable slaveSide, ByteStream stream) {
    return new Connection(new MBusMaster(stream, SETTINGS), slaveSide);
  }

  private static void closeAfterFailure(Closeable slaveSide, Exception failure) {
    try {
      slaveSide.close();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }
}
