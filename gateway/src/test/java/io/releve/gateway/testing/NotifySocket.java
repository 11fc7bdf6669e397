package io.releve.gateway.testing;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * What systemd's end of {@code $NOTIFY_SOCKET} is, for tests: a unix datagram socket, bound to a
 * path or to an abstract name, receiving one notification per datagram. The JDK has no unix
 * datagram sockets, so it calls libc through JNA, as systemd would in C.
 */
public final class NotifySocket implements AutoCloseable {

  /** Larger than any notification we send; systemd itself reads up to its page size. */
  private static final int MAX_DATAGRAM = 4096;

  private static final int AF_UNIX = 1;
  private static final int SOCK_DGRAM = 2;
  private static final short POLLIN = 1;

  private interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, byte[] address, int addressLength) throws LastErrorException;

    int poll(byte[] fds, NativeLong count, int timeoutMillis) throws LastErrorException;

    NativeLong recv(int fd, byte[] buffer, NativeLong length, int flags) throws LastErrorException;

    int close(int fd);
  }

  private final int fd;
  private final String name;

  private NotifySocket(int fd, String name) {
    this.fd = fd;
    this.name = name;
  }

  /** Bound to {@code path}, which must not exist yet. */
  public static NotifySocket bindPath(Path path) throws IOException {
    return bind(path.toAbsolutePath().toString());
  }

  /** Bound to a fresh abstract name (no file; Linux only). */
  public static NotifySocket bindAbstract() throws IOException {
    return bind("@releve-test-" + UUID.randomUUID());
  }

  private static NotifySocket bind(String name) throws IOException {
    LibC libc = LibC.INSTANCE;
    int fd = libc.socket(AF_UNIX, SOCK_DGRAM, 0);
    try {
      byte[] address = address(name);
      libc.bind(fd, address, address.length);
    } catch (LastErrorException e) {
      libc.close(fd);
      throw new IOException("Cannot bind " + name + ": " + e.getMessage(), e);
    }
    return new NotifySocket(fd, name);
  }

  /** struct sockaddr_un, as long as the name it holds (abstract names start with a NUL). */
  private static byte[] address(String name) {
    boolean isAbstract = name.startsWith("@");
    byte[] bytes = (isAbstract ? name.substring(1) : name).getBytes(StandardCharsets.UTF_8);
    ByteBuffer address = ByteBuffer.allocate(2 + 1 + bytes.length).order(ByteOrder.nativeOrder());
    address.putShort((short) AF_UNIX);
    if (isAbstract) {
      address.put((byte) 0).put(bytes);
    } else {
      address.put(bytes).put((byte) 0);
    }
    return address.array();
  }

  /** What {@code $NOTIFY_SOCKET} is set to for a client: the path, or {@code @name}. */
  public String name() {
    return name;
  }

  /**
   * The next datagram, or null when none comes within {@code timeout}.
   *
   * @throws IOException when the socket fails
   */
  public String receive(Duration timeout) throws IOException {
    LibC libc = LibC.INSTANCE;
    ByteBuffer pollFd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
    pollFd.putInt(fd).putShort(POLLIN).putShort((short) 0);
    try {
      int ready = libc.poll(pollFd.array(), new NativeLong(1), (int) timeout.toMillis());
      if (ready == 0) {
        return null;
      }
      byte[] buffer = new byte[MAX_DATAGRAM];
      int length = libc.recv(fd, buffer, new NativeLong(buffer.length), 0).intValue();
      return new String(buffer, 0, length, StandardCharsets.UTF_8);
    } catch (LastErrorException e) {
      throw new IOException("Cannot receive on " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    LibC.INSTANCE.close(fd);
  }
}
