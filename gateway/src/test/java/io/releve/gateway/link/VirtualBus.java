package io.releve.gateway.link;

import io.releve.gateway.transport.ByteStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A wired M-Bus in memory, with its own clock, for fast tests of scans: the master's request
 * reaches every {@link VirtualSlave}, their answers come back at once, and a wait for bytes that do
 * not come moves the clock on instead of sleeping.
 *
 * <p>Slaves that answer together collide as on a real bus, where a slave sends a 0 bit by drawing
 * more current, so the line carries the AND of what they send: identical E5s overlap into one clean
 * E5, and different long frames become one frame of ANDed bytes. A real UART also flags parity
 * errors in those bytes, which a byte stream does not pass on; when the ANDed bytes happen to make
 * a valid frame, its checksum is spoiled so the master sees the garbage it would see.
 */
final class VirtualBus implements ByteStream {
  private final List<VirtualSlave> slaves = new ArrayList<>();
  private final int baud;
  private byte[] input = new byte[0];
  private long nanos;
  private boolean echo;
  private boolean closed;
  private final List<byte[]> requests = new ArrayList<>();

  VirtualBus(int baud) {
    this.baud = baud;
  }

  VirtualBus add(VirtualSlave slave) {
    slaves.add(slave);
    return this;
  }

  /** A level converter that echoes each request before the replies. */
  VirtualBus echoing() {
    echo = true;
    return this;
  }

  /** Puts {@code bytes} into the master's input, unasked. */
  void inject(byte[] bytes) {
    input = concat(input, bytes);
  }

  /** The bus's clock, in nanoseconds, for {@link MBusMaster}'s package-private constructor. */
  long nanoTime() {
    return nanos;
  }

  List<byte[]> requests() {
    return List.copyOf(requests);
  }

  /** A master on this bus, on its clock. */
  MBusMaster master(LinkSettings settings) {
    return new MBusMaster(this, settings, this::nanoTime);
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    checkOpen();
    requests.add(bytes.clone());
    nanos += new LinkTiming(baud, latency()).wireTime(bytes.length).toNanos();
    List<byte[]> answers = new ArrayList<>();
    for (VirtualSlave slave : slaves) {
      byte[] answer = slave.answer(bytes);
      if (answer != null) {
        answers.add(answer);
      }
    }
    if (echo) {
      inject(bytes);
    }
    if (!answers.isEmpty()) {
      inject(overlap(answers));
    }
  }

  /** What the line carries when all of {@code answers} are sent at once. */
  static byte[] overlap(List<byte[]> answers) {
    byte[] first = answers.get(0);
    if (answers.stream().allMatch(a -> Arrays.equals(a, first))) {
      return first;
    }
    int length = answers.stream().mapToInt(a -> a.length).max().orElseThrow();
    byte[] line = new byte[length];
    Arrays.fill(line, (byte) 0xFF); // an idle line reads as 1 bits
    for (byte[] answer : answers) {
      for (int i = 0; i < answer.length; i++) {
        line[i] &= answer[i];
      }
    }
    if (isValidFrame(line)) {
      line[line.length - 2] ^= (byte) 0xFF;
    }
    return line;
  }

  private static boolean isValidFrame(byte[] bytes) {
    try {
      int length = LinkFrames.frameLength(bytes, bytes.length);
      return length == bytes.length && LinkFrames.checkComplete(bytes) == null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
    checkOpen();
    if (input.length == 0) {
      nanos += timeout.toNanos();
      return 0;
    }
    int n = Math.min(length, input.length);
    System.arraycopy(input, 0, buffer, offset, n);
    input = Arrays.copyOfRange(input, n, input.length);
    return n;
  }

  @Override
  public void purge() throws IOException {
    checkOpen();
    input = new byte[0];
  }

  @Override
  public int baud() {
    return baud;
  }

  @Override
  public Duration latency() {
    return Duration.ZERO;
  }

  @Override
  public String describe() {
    return "virtual bus";
  }

  @Override
  public void close() {
    closed = true;
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException("The virtual bus is closed");
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
