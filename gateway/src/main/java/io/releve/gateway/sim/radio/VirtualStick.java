package io.releve.gateway.sim.radio;

import io.releve.gateway.radio.LinkMode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A virtual wireless M-Bus USB stick: it speaks the iM871A or the Amber protocol (byte formats in
 * {@link Im871aProtocol} and {@link AmberProtocol}) over a pseudo-terminal or a TCP port on
 * 127.0.0.1, answers the host's requests, and hands over the telegrams of the virtual meters in its
 * range, each with its own signal strength, on their schedules and in the link mode the stick is
 * set to (a meter in S1 is not heard by a stick set to T1 or C1, see {@link LinkMode#hearsWith}).
 *
 * <p>Meters transmit whether or not the stick hears them or a host listens: a telegram sent while
 * the stick is stalled, unplugged or in another mode is lost, and the meter's access number still
 * goes on. Time is the given {@link Clock}'s (a {@code SimulationClock} for fast time); the stick
 * looks at it every {@value #TICK_MILLIS} ms and sends every transmission due since, at most
 * {@value #MAX_BURST} per meter and look (beyond that, a fast clock skips ahead).
 *
 * <p>Faults for the driver tests: {@link #stall(boolean)} (no answer, no telegram: the stick is
 * hung), {@link #unplug()} / {@link #replug()} (the pty disappears and comes back at the same path;
 * the TCP connection drops and new ones are refused until replugged), {@link #garbage(byte[])}
 * (bytes of no protocol on the line).
 *
 * <p>Two daemon threads, one reading the host, one sending telegrams; {@link #close()} stops both
 * and frees the port.
 */
public final class VirtualStick implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VirtualStick.class);

  static final long TICK_MILLIS = 10;
  static final int MAX_BURST = 64;

  /** The kinds of stick. */
  public enum Kind {
    /** IMST iM871A, HCI framing. */
    IM871A,
    /** Amber AMB8465, command frames. */
    AMBER
  }

  private record InRange(int rssiDbm, Instant due) {}

  private final Kind kind;
  private final StickPort port;
  private final StickProtocol protocol;
  private final StickSettings settings;
  private final Clock clock;
  private final long startNanos = System.nanoTime();
  private final Map<RadioMeter, InRange> meters = new LinkedHashMap<>();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final Thread reader;
  private final Thread sender;
  private volatile StickPort.Line line;
  private volatile boolean stalled;
  private volatile boolean closed;

  private VirtualStick(Kind kind, StickPort port, Clock clock, LinkMode initialMode) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.port = port;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = new StickSettings(Objects.requireNonNull(initialMode, "initialMode"));
    this.protocol =
        kind == Kind.IM871A ? new Im871aProtocol(0x00C0FFEE) : new AmberProtocol(0x00C0FFEE);
    this.reader = new Thread(this::serve, "sim-stick-" + kind + "-reader");
    this.sender = new Thread(this::transmitLoop, "sim-stick-" + kind + "-sender");
    reader.setDaemon(true);
    sender.setDaemon(true);
    reader.start();
    sender.start();
  }

  /**
   * A stick on a TCP port of 127.0.0.1 ({@link #port()}), set to {@code initialMode} until the host
   * sets another.
   */
  public static VirtualStick overTcp(Kind kind, Clock clock, LinkMode initialMode)
      throws IOException {
    return new VirtualStick(kind, new TcpStickPort(), clock, initialMode);
  }

  /**
   * A stick on a pseudo-terminal made by socat ({@link #gatewaySide()}).
   *
   * @throws IOException when socat is missing or fails; the message says what socat printed
   */
  public static VirtualStick overPty(Kind kind, Clock clock, LinkMode initialMode)
      throws IOException {
    return new VirtualStick(kind, new PtyStickPort(), clock, initialMode);
  }

  /** Puts {@code meter} in range, heard at {@code rssiDbm}; it first sends after now. */
  public synchronized void addMeter(RadioMeter meter, int rssiDbm) {
    meters.put(meter, new InRange(rssiDbm, meter.nextTransmission(clock.instant())));
  }

  public Kind kind() {
    return kind;
  }

  /** The path the host opens: a link to the pseudo-terminal that stays across unplug/replug. */
  public String gatewaySide() {
    if (!(port instanceof PtyStickPort)) {
      throw new IllegalStateException("This stick is on " + port.describe() + ", not a pty.");
    }
    return port.describe();
  }

  /** The TCP port on 127.0.0.1. */
  public int port() {
    if (!(port instanceof TcpStickPort tcp)) {
      throw new IllegalStateException("This stick is on " + port.describe() + ", not TCP.");
    }
    return tcp.port();
  }

  /** The link mode it listens in now. */
  public LinkMode linkMode() {
    return settings.mode;
  }

  /** iM871A: attach a CRC to every indication (responses carry one when their request did). */
  public void attachCrc(boolean attach) {
    settings.crcAttached = attach;
  }

  /** iM871A: attach the running-time stamp to every indication. */
  public void attachTimestamp(boolean attach) {
    settings.timestampAttached = attach;
  }

  /** Attach the RSSI byte (the default, for both kinds). */
  public void attachRssi(boolean attach) {
    settings.rssiAttached = attach;
  }

  /**
   * {@code meter} transmits now, off its schedule. Returns the telegram when the stick heard it and
   * handed it to a connected host.
   */
  public Optional<byte[]> transmitNow(RadioMeter meter) {
    InRange range;
    synchronized (this) {
      range = meters.get(meter);
    }
    if (range == null) {
      throw new IllegalArgumentException(meter + " is not in range of this stick.");
    }
    return send(meter, range.rssiDbm(), clock.instant());
  }

  /** True: the stick hangs, reads and drops requests, and sends nothing. */
  public void stall(boolean stall) {
    this.stalled = stall;
  }

  /** The stick is pulled out: the pty disappears, or the TCP connection drops. */
  public void unplug() throws IOException {
    port.unplug();
  }

  /** The stick is back at the same path or port. */
  public void replug() throws IOException {
    port.replug();
  }

  /** Writes {@code bytes} to the host as they are. */
  public void garbage(byte[] bytes) {
    write(bytes.clone());
  }

  /** Resets the host asked for. */
  public long resets() {
    return settings.resets.get();
  }

  /** Configuration requests applied (set mode, set config). */
  public long configChanges() {
    return settings.configChanges.get();
  }

  /** Bytes from the host that were no valid request. */
  public long garbageBytes() {
    return settings.garbageBytes.get();
  }

  /** Telegrams handed to the host. */
  public long delivered() {
    return delivered.get();
  }

  /** Errors on the line other than those of unplugging and closing. */
  public long failures() {
    return failures.get();
  }

  private Optional<byte[]> send(RadioMeter meter, int rssiDbm, Instant at) {
    byte[] telegram = meter.transmit(at);
    if (stalled || !settings.mode.hearsWith(meter.profile().mode())) {
      return Optional.empty();
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    byte[] frame;
    synchronized (protocol) {
      frame = protocol.indication(telegram, rssiDbm, millis, settings);
    }
    if (!write(frame)) {
      return Optional.empty();
    }
    delivered.incrementAndGet();
    return Optional.of(telegram);
  }

  private boolean write(byte[] bytes) {
    StickPort.Line current = line;
    if (current == null) {
      return false;
    }
    try {
      OutputStream out = current.out();
      synchronized (out) {
        out.write(bytes);
        out.flush();
      }
      return true;
    } catch (IOException e) {
      if (!closed && line == current) {
        failures.incrementAndGet();
        LOG.warn("Virtual {} stick on {}: write failed: {}", kind, port.describe(), e.toString());
      }
      return false;
    }
  }

  private void serve() {
    byte[] buffer = new byte[512];
    while (!closed) {
      StickPort.Line current;
      try {
        current = port.await();
      } catch (IOException e) {
        if (!closed) {
          failures.incrementAndGet();
          LOG.warn("Virtual {} stick on {}: {}", kind, port.describe(), e.toString());
          pause();
        }
        continue;
      } catch (InterruptedException e) {
        return;
      }
      if (current == null) {
        return;
      }
      line = current;
      try {
        int n;
        while ((n = current.in().read(buffer)) >= 0) {
          if (stalled) {
            continue;
          }
          java.util.List<byte[]> answers;
          synchronized (protocol) {
            answers = protocol.accept(buffer, n, settings);
          }
          for (byte[] answer : answers) {
            write(answer);
          }
        }
      } catch (IOException e) {
        // the host closed its side, the stick was unplugged, or the stick is closing
        LOG.debug("Virtual {} stick on {}: line ended: {}", kind, port.describe(), e.toString());
      } finally {
        line = null;
        try {
          current.close();
        } catch (IOException e) {
          LOG.debug("Closing the line of {}: {}", port.describe(), e.toString());
        }
      }
    }
  }

  private void transmitLoop() {
    while (!closed) {
      try {
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      Instant now = clock.instant();
      Map<RadioMeter, InRange> snapshot;
      synchronized (this) {
        snapshot = new LinkedHashMap<>(meters);
      }
      for (Map.Entry<RadioMeter, InRange> entry : snapshot.entrySet()) {
        RadioMeter meter = entry.getKey();
        InRange range = entry.getValue();
        Instant due = range.due();
        int burst = 0;
        while (!due.isAfter(now) && burst++ < MAX_BURST) {
          send(meter, range.rssiDbm(), due);
          due = meter.nextTransmission(due);
        }
        if (!due.isAfter(now)) {
          due = meter.nextTransmission(now); // a fast clock ran past: skip ahead
        }
        synchronized (this) {
          if (meters.containsKey(meter)) {
            meters.put(meter, new InRange(range.rssiDbm(), due));
          }
        }
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops both threads and closes the port (socat stopped and its links removed). */
  @Override
  public void close() throws IOException {
    closed = true;
    sender.interrupt();
    try {
      port.close();
    } finally {
      StickPort.Line current = line;
      if (current != null) {
        current.close();
      }
      try {
        reader.join(2_000);
        sender.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "virtual " + kind + " stick on " + port.describe();
  }
}
