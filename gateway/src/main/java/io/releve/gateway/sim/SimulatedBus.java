package io.releve.gateway.sim;

import io.releve.gateway.link.LinkFrames;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The shared medium of a simulated wired M-Bus: every slave hears every request, and what several
 * of them send at once overlaps on the line.
 *
 * <p>M-Bus slaves answer by drawing current; a bus where any slave sends a 0 (a space) reads 0, so
 * simultaneous characters combine as a bitwise AND. Identical replies, such as the E5 of every
 * slave that matched a wildcard selection, therefore merge into one clean reply; different long
 * frames merge into bytes whose checksum fails (EN 13757-2 leaves collision handling to the master:
 * this is what its wildcard scan must cope with). When the AND of several frames happens to be a
 * valid frame, the checksum is broken on purpose: real overlapping characters also break parity and
 * framing, which the master's UART reports.
 *
 * <p>{@link #exchange} returns what the master receives, without timing; {@link TcpSlaveServer} and
 * {@link PtySlave} put it on a line at the bus's pace. Thread-safe: exchanges are serialised, as on
 * the one wire.
 */
public final class SimulatedBus {
  private final String name;
  private final BusTiming timing;
  private final List<VirtualSlave> slaves;
  private final Clock clock;
  private final WireAccounting accounting = new WireAccounting();
  private volatile boolean echo;

  /** A bus whose meters read the system clock. */
  public SimulatedBus(String name, BusTiming timing, List<VirtualSlave> slaves) {
    this(name, timing, slaves, Clock.systemUTC());
  }

  /**
   * @param name for logs and errors
   * @param timing the line speed and the slaves' reply delay
   * @param slaves the slaves on the bus; several may share an address, as on a misconfigured bus
   * @param clock the time passed to the meters when a readout starts (a simulated building may run
   *     faster than real time)
   */
  public SimulatedBus(String name, BusTiming timing, List<VirtualSlave> slaves, Clock clock) {
    this.name = Objects.requireNonNull(name, "name");
    this.timing = Objects.requireNonNull(timing, "timing");
    this.slaves = List.copyOf(Objects.requireNonNull(slaves, "slaves"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public String name() {
    return name;
  }

  public BusTiming timing() {
    return timing;
  }

  public List<VirtualSlave> slaves() {
    return slaves;
  }

  public WireAccounting accounting() {
    return accounting;
  }

  /**
   * Whether the master sees its own request before the reply, as behind level converters that echo
   * the line.
   */
  public SimulatedBus echo(boolean echo) {
    this.echo = echo;
    return this;
  }

  public boolean echo() {
    return echo;
  }

  /**
   * Puts {@code request}, one frame, on the bus.
   *
   * @return what the master receives: the echo of the request when {@link #echo()} is on, then the
   *     (merged) reply; empty when nobody answers and there is no echo
   */
  public byte[] exchange(byte[] request) {
    Transmission transmission = transmit(request);
    byte[] reply = transmission.reply() == null ? new byte[0] : transmission.reply();
    byte[] echoed = transmission.echo();
    byte[] all = Arrays.copyOf(echoed, echoed.length + reply.length);
    System.arraycopy(reply, 0, all, echoed.length, reply.length);
    return all;
  }

  /** Puts {@code request} on the bus and says what comes back, apart, for the line to pace. */
  synchronized Transmission transmit(byte[] request) {
    Objects.requireNonNull(request, "request");
    byte[] copy = request.clone();
    List<VirtualSlave.Reply> replies = new ArrayList<>();
    var now = clock.instant();
    for (VirtualSlave slave : slaves) {
      VirtualSlave.Reply reply = slave.hear(copy, now);
      if (reply != null) {
        replies.add(reply);
      }
    }
    byte[] merged = merge(replies);
    Duration extraDelay =
        replies.stream()
            .map(VirtualSlave.Reply::extraDelay)
            .max(Duration::compareTo)
            .orElse(Duration.ZERO);
    accounting.count(copy.length, merged == null ? 0 : merged.length, extraDelay);
    return new Transmission(echo ? copy : new byte[0], merged, extraDelay);
  }

  /** What the line shows when the {@code replies} start together; null for silence. */
  static byte[] merge(List<VirtualSlave.Reply> replies) {
    if (replies.isEmpty()) {
      return null;
    }
    byte[] first = replies.get(0).bytes();
    boolean identical = replies.stream().allMatch(reply -> Arrays.equals(reply.bytes(), first));
    if (identical) {
      return first.clone();
    }
    int length = replies.stream().mapToInt(reply -> reply.bytes().length).max().orElseThrow();
    byte[] line = new byte[length];
    Arrays.fill(line, (byte) 0xFF); // an idle line is all marks (1)
    for (VirtualSlave.Reply reply : replies) {
      byte[] bytes = reply.bytes();
      for (int i = 0; i < bytes.length; i++) {
        line[i] &= bytes[i];
      }
    }
    if (isValidFrame(line)) {
      line[line.length - 2] ^= (byte) 0xFF; // the UART would report parity or framing errors
    }
    return line;
  }

  private static boolean isValidFrame(byte[] bytes) {
    try {
      return LinkFrames.frameLength(bytes, bytes.length) == bytes.length
          && bytes.length > 1
          && LinkFrames.checkComplete(bytes) == null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "simulated bus " + name + " (" + slaves.size() + " slaves, " + timing.baud() + " baud)";
  }

  /**
   * One request's traffic.
   *
   * @param echo the request's own bytes when the bus echoes, else empty
   * @param reply the (merged) reply, null for silence
   * @param extraDelay the reply's delay beyond the bus's reply delay
   */
  record Transmission(byte[] echo, byte[] reply, Duration extraDelay) {}
}
