package io.releve.gateway.radio;

import com.fazecast.jSerialComm.SerialPort;
import io.releve.gateway.transport.SerialPorts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A radio stick's USB serial port through jSerialComm: 8 data bits, no parity, one stop bit, no
 * flow control, at the stick's speed (iM871A 57600 bit/s, Amber AMB8465 9600 bit/s). The path is
 * resolved at each open, so a {@code /dev/serial/by-id/…} link finds the stick again after it was
 * unplugged and came back under another {@code /dev/ttyUSBn}.
 */
public final class SerialStickLine implements StickLine {

  /** Longest a write may block: a 260-byte message at 9600 bit/s takes 0.3 s. In milliseconds. */
  private static final int WRITE_TIMEOUT_MILLIS = 2_000;

  private final SerialPorts port;
  private final String path;

  private SerialStickLine(SerialPorts port, String path) {
    this.port = port;
    this.path = path;
  }

  /**
   * Opens {@code path} 8N1 at {@code baud}.
   *
   * @throws IOException when the path does not exist or the port cannot be opened; the message
   *     names the path and jSerialComm's error code (often errno: 2 no such file, 13 permission
   *     denied, 16 busy)
   */
  public static SerialStickLine open(String path, int baud) throws IOException {
    Objects.requireNonNull(path, "path");
    String device;
    try {
      device = Path.of(path).toRealPath().toString();
    } catch (IOException e) {
      throw new IOException("Cannot open stick port " + path + ": no such port", e);
    }
    return new SerialStickLine(
        SerialPorts.open(
            device, path, "stick port", baud, SerialPort.NO_PARITY, WRITE_TIMEOUT_MILLIS),
        path);
  }

  @Override
  public int read(byte[] buffer, Duration timeout) throws IOException {
    return port.read(
        buffer, 0, buffer.length, Math.toIntExact(Math.min(timeout.toMillis(), 60_000)));
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    port.write(bytes);
  }

  @Override
  public String describe() {
    return path;
  }

  @Override
  public void close() throws IOException {
    port.close();
  }
}
