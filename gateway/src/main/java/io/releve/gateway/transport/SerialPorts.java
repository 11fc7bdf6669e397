package io.releve.gateway.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.util.Objects;

/**
 * One open jSerialComm port and what every line on it needs: opening with its settings, whole
 * writes, reads with a timeout (set only when it changes, each change being a system call), and
 * failures as {@link IOException}s that name the port and jSerialComm's error code. The M-Bus line
 * (8E1) and the radio sticks (8N1) both use it.
 */
public final class SerialPorts {

  private final SerialPort port;
  private final String path;
  private final String kind;
  private final int writeTimeoutMillis;
  private int readTimeoutMillis = -1;

  private SerialPorts(SerialPort port, String path, String kind, int writeTimeoutMillis) {
    this.port = port;
    this.path = path;
    this.kind = kind;
    this.writeTimeoutMillis = writeTimeoutMillis;
  }

  /**
   * Opens {@code device} at {@code baud}, 8 data bits, one stop bit, {@code parity} (a {@link
   * SerialPort} constant), no flow control.
   *
   * @param path the name to give in messages (the configured path)
   * @param kind what the port is for, in messages ("serial port", "stick port")
   * @param writeTimeoutMillis the longest a write may block
   * @throws IOException when the port does not exist or cannot be opened; the message names the
   *     path and jSerialComm's error code (often errno: 2 no such file, 13 permission denied, 16
   *     busy)
   */
  public static SerialPorts open(
      String device, String path, String kind, int baud, int parity, int writeTimeoutMillis)
      throws IOException {
    Objects.requireNonNull(device, "device");
    SerialPort port;
    try {
      // jSerialComm refuses a path it cannot resolve with an unchecked exception
      port = SerialPort.getCommPort(device);
    } catch (SerialPortInvalidPortException e) {
      throw new IOException("Cannot open " + kind + " " + path + ": no such port", e);
    }
    port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, parity);
    port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
    if (!port.openPort()) {
      throw new IOException(
          "Cannot open "
              + kind
              + " "
              + path
              + " (jSerialComm error code "
              + port.getLastErrorCode()
              + " at its line "
              + port.getLastErrorLocation()
              + ")");
    }
    SerialPorts opened = new SerialPorts(port, path, kind, writeTimeoutMillis);
    opened.setReadTimeout(0);
    return opened;
  }

  public SerialPort port() {
    return port;
  }

  /** Writes all of {@code bytes}. */
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

  /**
   * Reads what comes within {@code millis} (at least 1: a semi-blocking read with timeout 0 would
   * wait forever); 0 when nothing came.
   */
  public int read(byte[] buffer, int offset, int length, int millis) throws IOException {
    setReadTimeout(Math.max(1, millis));
    int n = port.readBytes(buffer, length, offset);
    if (n < 0) {
      throw failure("Reading from");
    }
    return n;
  }

  /** The bytes waiting to be read, without waiting. */
  public int available() throws IOException {
    int available = port.bytesAvailable();
    if (available < 0) {
      throw failure("Reading from");
    }
    return available;
  }

  /** Reads only what is already there, at most {@code length} bytes. */
  public int readAvailable(byte[] buffer, int offset, int length) throws IOException {
    int available = available();
    if (available == 0) {
      return 0;
    }
    int n = port.readBytes(buffer, Math.min(available, length), offset);
    if (n < 0) {
      throw failure("Reading from");
    }
    return n;
  }

  /** Releases the port. */
  public void close() throws IOException {
    if (port.isOpen() && !port.closePort()) {
      throw failure("Closing");
    }
  }

  /** Sets the read timeout only when it changes: each change is a system call. */
  private void setReadTimeout(int millis) {
    if (millis != readTimeoutMillis) {
      port.setComPortTimeouts(
          SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
          millis,
          writeTimeoutMillis);
      readTimeoutMillis = millis;
    }
  }

  /** A failure of this port, naming it and jSerialComm's error code. */
  public IOException failure(String what) {
    return new IOException(
        what
            + " "
            + kind
            + " "
            + path
            + " failed (jSerialComm error code "
            + port.getLastErrorCode()
            + ")");
  }
}
