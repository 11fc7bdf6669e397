package io.releve.gateway.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * M-Bus through a level converter on a serial port, with jSerialComm: 8 data bits, even parity, one
 * stop bit (EN 13757-2). Opened by path: {@code /dev/serial/by-id/…} for a USB converter (stable
 * across reboots), {@code /dev/ttyAMA0}, or a pseudo-terminal {@code /dev/pts/N} in tests.
 */
public final class SerialByteStream implements ByteStream {

  /** USB latency of an FTDI converter with the driver's default latency timer: 16 ms. */
  public static final Duration DEFAULT_USB_LATENCY = Duration.ofMillis(16);

  /**
   * Longest a write may block: the largest long frame (261 bytes) at 300 bit/s is 9.6 s on the
   * wire. In milliseconds.
   */
  private static final int WRITE_TIMEOUT_MILLIS = 15_000;

  private final SerialPort port;
  private final String path;
  private final int baud;
  private final Duration usbLatency;
  private int readTimeoutMillis = -1;

  /**
   * Opens {@code path} with {@link #DEFAULT_USB_LATENCY}; see {@link #SerialByteStream(String, int,
   * Duration)}.
   */
  public SerialByteStream(String path, int baud) throws IOException {
    this(path, baud, DEFAULT_USB_LATENCY);
  }

  /**
   * Opens the port at {@code path}, 8E1.
   *
   * @param baud 300, 2400 or 9600
   * @param usbLatency what the converter adds before a received byte reaches us
   * @throws IOException when the port cannot be opened or set up; the message names the path and
   *     jSerialComm's error code (often errno: 2 no such file, 13 permission denied, 16 busy)
   */
  public SerialByteStream(String path, int baud, Duration usbLatency) throws IOException {
    this.path = Objects.requireNonNull(path, "path");
    this.baud = BusSpeeds.check(baud, path);
    this.usbLatency = Objects.requireNonNull(usbLatency, "usbLatency");
    this.port = commPort(path);
    port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.EVEN_PARITY);
    port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
    if (!port.openPort()) {
      throw new IOException(
          "Cannot open serial port "
              + path
              + " (jSerialComm error code "
              + port.getLastErrorCode()
              + " at its line "
              + port.getLastErrorLocation()
              + ")");
    }
    // the write timeout, once; each read sets its own read timeout
    setTimeouts(0);
  }

  /**
   * jSerialComm refuses a path it cannot resolve with an unchecked exception; callers reopen a lost
   * port on {@link IOException}, so it becomes one.
   */
  private static SerialPort commPort(String path) throws IOException {
    try {
      return SerialPort.getCommPort(path);
    } catch (SerialPortInvalidPortException e) {
      throw new IOException("Cannot open serial port " + path + ": no such port", e);
    }
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

  @Override
  public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
    long millis = timeout.toMillis();
    if (millis < 1) {
      // a semi-blocking read with timeout 0 would wait forever: take only what is there
      int available = port.bytesAvailable();
      if (available < 0) {
        throw failure("Reading from");
      }
      return available == 0 ? 0 : readBytes(buffer, offset, Math.min(available, length));
    }
    setTimeouts(Math.toIntExact(Math.min(millis, Integer.MAX_VALUE)));
    return readBytes(buffer, offset, length);
  }

  private int readBytes(byte[] buffer, int offset, int length) throws IOException {
    int n = port.readBytes(buffer, length, offset);
    if (n < 0) {
      throw failure("Reading from");
    }
    return n;
  }

  /** Reads and drops what is available; the output is left alone. */
  @Override
  public void purge() throws IOException {
    byte[] sink = new byte[256];
    int available;
    while ((available = port.bytesAvailable()) > 0) {
      readBytes(sink, 0, Math.min(available, sink.length));
    }
    if (available < 0) {
      throw failure("Purging");
    }
  }

  /** Sets the read timeout only when it changes: each change is a system call. */
  private void setTimeouts(int readMillis) {
    if (readMillis != readTimeoutMillis) {
      port.setComPortTimeouts(
          SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
          readMillis,
          WRITE_TIMEOUT_MILLIS);
      readTimeoutMillis = readMillis;
    }
  }

  private IOException failure(String what) {
    return new IOException(
        what
            + " serial port "
            + path
            + " failed (jSerialComm error code "
            + port.getLastErrorCode()
            + ")");
  }

  @Override
  public int baud() {
    return baud;
  }

  @Override
  public Duration latency() {
    return usbLatency;
  }

  @Override
  public String describe() {
    return path;
  }

  /** Releases the port. */
  @Override
  public void close() throws IOException {
    if (port.isOpen() && !port.closePort()) {
      throw failure("Closing");
    }
  }
}
