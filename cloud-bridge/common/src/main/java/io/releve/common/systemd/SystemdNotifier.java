package io.releve.common.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells systemd how a {@code Type=notify} service is doing (sd_notify(3)): {@code READY=1}, {@code
 * WATCHDOG=1}, {@code STOPPING=1} and {@code STATUS=…}, one datagram each, to the unix datagram
 * socket named by {@code $NOTIFY_SOCKET} (a path, or an abstract name written {@code @name}).
 *
 * <p>The JDK has unix domain sockets for streams only, so the datagram is sent through libc's
 * {@code socket(2)} and {@code sendto(2)}, called with JNA. Without {@code $NOTIFY_SOCKET} (not run
 * by systemd, or not as {@code Type=notify}) every method does nothing and JNA is never loaded.
 * Linux only, which is where systemd is.
 */
public final class SystemdNotifier {

  /** The variable systemd sets to the socket's path or abstract name. */
  public static final String NOTIFY_SOCKET = "NOTIFY_SOCKET";

  /** The variable systemd sets to {@code WatchdogSec=}, in microseconds. */
  public static final String WATCHDOG_USEC = "WATCHDOG_USEC";

  /** The variable systemd sets to the process the watchdog is for (absent: this one). */
  public static final String WATCHDOG_PID = "WATCHDOG_PID";

  /** {@code sun_path} of {@code struct sockaddr_un} on Linux: 108 bytes, NUL included. */
  static final int SUN_PATH_SIZE = 108;

  private static final SystemdNotifier DISABLED = new SystemdNotifier(null, null);

  private final String socket;
  private final Duration watchdogTimeout;

  private SystemdNotifier(String socket, Duration watchdogTimeout) {
    this.socket = socket;
    this.watchdogTimeout = watchdogTimeout;
  }

  /** From this process's environment, as systemd set it. */
  public static SystemdNotifier fromEnvironment() {
    return from(System.getenv(), ProcessHandle.current().pid());
  }

  /**
   * From {@code environment}: enabled when {@code NOTIFY_SOCKET} is set; with a watchdog when
   * {@code WATCHDOG_USEC} is set and {@code WATCHDOG_PID}, when set, is {@code pid}.
   *
   * @throws IllegalArgumentException when {@code NOTIFY_SOCKET} is neither an absolute path nor an
   *     {@code @abstract} name that fits in a socket address, or {@code WATCHDOG_USEC} is no
   *     positive number; the message names the variable and its value
   */
  public static SystemdNotifier from(Map<String, String> environment, long pid) {
    String socket = environment.get(NOTIFY_SOCKET);
    if (socket == null || socket.isEmpty()) {
      return DISABLED;
    }
    address(socket); // validates
    return new SystemdNotifier(socket, watchdogTimeout(environment, pid));
  }

  private static Duration watchdogTimeout(Map<String, String> environment, long pid) {
    String usec = environment.get(WATCHDOG_USEC);
    if (usec == null || usec.isEmpty()) {
      return null;
    }
    String forPid = environment.get(WATCHDOG_PID);
    if (forPid != null && !forPid.isEmpty() && !forPid.equals(Long.toString(pid))) {
      return null; // the watchdog is another process's (a parent that started us)
    }
    long micros;
    try {
      micros = Long.parseLong(usec);
    } catch (NumberFormatException e) {
      micros = 0;
    }
    if (micros <= 0) {
      throw new IllegalArgumentException(
          WATCHDOG_USEC + " [" + usec + "] must be a positive number of microseconds.");
    }
    return Duration.ofNanos(Math.multiplyExact(micros, 1000L));
  }

  /** Whether systemd listens: {@code NOTIFY_SOCKET} was set. */
  public boolean enabled() {
    return socket != null;
  }

  /**
   * How often to send {@code WATCHDOG=1}: half the unit's {@code WatchdogSec=}, as sd_notify(3)
   * advises; empty when the unit has no watchdog for this process.
   */
  public Optional<Duration> watchdogPeriod() {
    return Optional.ofNullable(watchdogTimeout).map(timeout -> timeout.dividedBy(2));
  }

  /** {@code READY=1}: start-up is over; with a status line. */
  public void ready(String status) throws IOException {
    send("READY=1\nSTATUS=" + oneLine(status));
  }

  /** {@code WATCHDOG=1}: still healthy; with a status line. */
  public void watchdog(String status) throws IOException {
    send("WATCHDOG=1\nSTATUS=" + oneLine(status));
  }

  /** {@code STATUS=…} alone: what {@code systemctl status} shows. */
  public void status(String status) throws IOException {
    send("STATUS=" + oneLine(status));
  }

  /** {@code STOPPING=1}: the orderly stop has begun. */
  public void stopping(String status) throws IOException {
    send("STOPPING=1\nSTATUS=" + oneLine(status));
  }

  /**
   * Sends {@code state}, newline-separated {@code KEY=VALUE} assignments, in one datagram; does
   * nothing when not {@link #enabled()}.
   *
   * @throws IOException when the datagram cannot be sent; the message names the socket and errno
   */
  public void send(String state) throws IOException {
    Objects.requireNonNull(state, "state");
    if (socket == null) {
      return;
    }
    byte[] message = state.getBytes(StandardCharsets.UTF_8);
    byte[] address = address(socket);
    LibC libc = LibC.INSTANCE;
    int fd;
    try {
      fd = libc.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
    } catch (LastErrorException e) {
      throw new IOException("Cannot make a socket for " + NOTIFY_SOCKET + ": " + e.getMessage(), e);
    }
    try {
      long sent =
          libc.sendto(
                  fd,
                  message,
                  new NativeLong(message.length),
                  LibC.MSG_NOSIGNAL,
                  address,
                  address.length)
              .longValue();
      if (sent != message.length) {
        throw new IOException(
            "Sent " + sent + " of " + message.length + " bytes to " + NOTIFY_SOCKET + " " + socket);
      }
    } catch (LastErrorException e) {
      throw new IOException("Cannot send to " + NOTIFY_SOCKET + " " + socket + ": " + e, e);
    } finally {
      libc.close(fd);
    }
  }

  /**
   * The {@code struct sockaddr_un} of {@code socket}, as long as the address it holds: the family
   * (native byte order), then the path and its NUL, or a NUL and the abstract name (no NUL after
   * it: an abstract name is all the bytes the length says).
   */
  static byte[] address(String socket) {
    boolean isAbstract = socket.startsWith("@");
    if (!isAbstract && !socket.startsWith("/")) {
      throw new IllegalArgumentException(
          NOTIFY_SOCKET + " [" + socket + "] must be an absolute path or an @abstract name.");
    }
    byte[] name = (isAbstract ? socket.substring(1) : socket).getBytes(StandardCharsets.UTF_8);
    // one byte for the leading NUL of an abstract name, or the trailing NUL of a path
    int pathLength = name.length + 1;
    if (pathLength > SUN_PATH_SIZE) {
      throw new IllegalArgumentException(
          NOTIFY_SOCKET
              + " ["
              + socket
              + "] is too long for a unix socket address ("
              + SUN_PATH_SIZE
              + " bytes).");
    }
    byte[] address = new byte[2 + pathLength];
    if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
      address[0] = LibC.AF_UNIX;
    } else {
      address[1] = LibC.AF_UNIX;
    }
    System.arraycopy(name, 0, address, isAbstract ? 3 : 2, name.length);
    return address;
  }

  /** A status is one line: systemd ends the assignment at the first newline. */
  private static String oneLine(String status) {
    return status.replace('\n', ' ').replace('\r', ' ');
  }

  /** The few libc calls needed, loaded on first use only. */
  private interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    byte AF_UNIX = 1;
    int SOCK_DGRAM = 2;
    int SOCK_CLOEXEC = 0x80000;
    int MSG_NOSIGNAL = 0x4000;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    NativeLong sendto(
        int fd, byte[] buffer, NativeLong length, int flags, byte[] address, int addressLength)
        throws LastErrorException;

    int close(int fd);
  }
}
