package io.releve.gateway.radio;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
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

  private final SerialPort port;
  private final String path;
  private int readTimeoutMillis = -1;

  private SerialStickLine(SerialPort port, String path) {
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
    SerialPort port;
    try {
      port = SerialPort.getCommPort(device);
    } catch (SerialPortInvalidPortException e) {
      throw new IOException("Cannot open stick port " + path + ": no such port", e);
    }
    port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
    if (!port.openPort()) {
      throw new IOException(
          "Cannot open stick port "
              + path
              + " (jSerialComm error code "
              + port.getLastErrorCode()
              + ")");
    }
    SerialStickLine line = new SerialStickLine(port, path);
    line.setReadTimeout(0);
    return line;
  }

  @Override
  public int read(byte[] buffer, Duration timeout) throws IOException {
    // a semi-blocking read with timeout 0 would wait forever
    setReadTimeout(Math.toIntExact(Math.max(1, Math.min(timeout.toMillis(), 60_000))));
    int n = port.readBytes(buffer, buffer.length);
    if (n < 0) {
      throw failure("Reading from");
    }
    return n;
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    int written = 0;
    while (written < bytes.length) {
      int n = port.writeBytes(bytes, bytes.length - written, written);
      if (n <= 0) {
        throw failure("Writing to");
      }
      written += n;
    }
  }

  /** Sets the read timeout only when it changes: each change is a system call. */
  private void setReadTimeout(int millis) {
    if (millis != readTimeoutMillis) {
      port.setComPortTimeouts(
          SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
          millis,
          WRITE_TIMEOUT_MILLIS);
      readTimeoutMillis = millis;
    }
  }

  private IOException failure(String what) {
    return new IOException(
        what
            + " stick port "
            + path
            + " failed (jSerialComm error code "
            + port.getLastErrorCode()
            + ")");
  }

  @Override
  public String describe() {
    return path;
  }

  @Override
  public void close() throws IOException {
    if (port.isOpen() && !port.closePort()) {
      throw failure("Closing");
    }
  }
}
