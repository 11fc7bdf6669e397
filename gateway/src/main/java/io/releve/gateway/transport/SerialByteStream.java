package io.releve.gateway.transport;

import com.fazecast.jSerialComm.SerialPort;
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

  private final SerialPorts port;
  private final String path;
  private final int baud;
  private final Duration usbLatency;

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
    this.port =
        SerialPorts.open(
            path, path, "serial port", baud, SerialPort.EVEN_PARITY, WRITE_TIMEOUT_MILLIS);
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    port.write(bytes);
  }

  @Override
  public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
    long millis = timeout.toMillis();
    if (millis < 1) {
      return port.readAvailable(buffer, offset, length);
    }
    return port.read(buffer, offset, length, Math.toIntExact(Math.min(millis, Integer.MAX_VALUE)));
  }

  /** Reads and drops what is available; the output is left alone. */
  @Override
  public void purge() throws IOException {
    byte[] sink = new byte[256];
    while (port.readAvailable(sink, 0, sink.length) > 0) {
      // dropped
    }
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
    port.close();
  }
}
