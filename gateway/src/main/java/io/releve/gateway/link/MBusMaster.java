package io.releve.gateway.link;

import io.releve.gateway.link.LinkException.Kind;
import io.releve.gateway.link.ReplyReader.Reply;
import io.releve.gateway.link.ReplyReader.Status;
import io.releve.gateway.transport.ByteStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master of one wired M-Bus (EN 13757-2): SND_NKE, REQ_UD2 readouts by primary or secondary
 * address, selection and scans. One instance per bus, used by one thread.
 *
 * <p>Each request is preceded by a purge of the input; echoes of the request are dropped when the
 * settings ask; a failed attempt (no reply, garbled reply, reply from another address) is retried
 * with the same FCB, so the slave repeats its telegram. Every method throws {@link LinkException}
 * when the bus did not answer as it should after the retries, and a plain {@link IOException} when
 * the stream itself failed. Closing the master closes its stream.
 */
public final class MBusMaster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MBusMaster.class);

  /** Retries per address in a primary scan: absent meters cost a reply window per attempt. */
  private static final int SCAN_RETRIES = 1;

  private final ByteStream stream;
  private final LinkSettings settings;
  private final LinkCounters counters = new LinkCounters();
  private final FrameCountBits frameCountBits = new FrameCountBits();
  private final ReplyReader reader;
  private final Readouts readouts;

  public MBusMaster(ByteStream stream, LinkSettings settings) {
    this(stream, settings, System::nanoTime);
  }

  /**
   * With the clock the reply windows are measured on, in nanoseconds: a simulated bus that keeps
   * its own time passes its clock, so a silent slave costs no real time.
   */
  MBusMaster(ByteStream stream, LinkSettings settings, LongSupplier nanoTime) {
    this.stream = Objects.requireNonNull(stream, "stream");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.reader =
        new ReplyReader(
            stream, settings.echoSuppression(), counters, Objects.requireNonNull(nanoTime));
    this.readouts = new Readouts(reader, frameCountBits, counters, settings.maxTelegrams());
  }

  /**
   * Resets the link of the slave at {@code address} (0–250, 0xFD for the selected slave, 0xFE for
   * any): its next REQ_UD2 gets the first telegram.
   *
   * @throws LinkException when no E5 came after the retries
   */
  public void sndNke(int address) throws IOException {
    checkAddress(address, true);
    LinkException failure = trySndNke(address, settings.retries());
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Reads the meter at primary {@code address} (0–250): SND_NKE, then REQ_UD2 while it says "more
   * records follow", at most {@link LinkSettings#maxTelegrams} times.
   */
  public Readout readPrimary(int address) throws IOException {
    checkAddress(address, false);
    sndNke(address);
    return readouts.read(address, null, null, settings.retries());
  }

  /**
   * Selects exactly {@code address}, then reads it through 0xFD; every reply's long header must
   * name {@code address}.
   *
   * @throws LinkException NO_REPLY when no meter acknowledged the selection, COLLISION when several
   *     did
   */
  public Readout readSecondary(SecondaryAddress address) throws IOException {
    // No wait for more after the acknowledgement: two meters with this very address would
    // acknowledge as one, and only their data can show the collision.
    SelectOutcome outcome =
        select(SecondaryAddressMask.exactly(address), settings.retries(), false);
    if (outcome != SelectOutcome.ACKNOWLEDGED) {
      throw new LinkException(
          outcome == SelectOutcome.NONE ? Kind.NO_REPLY : Kind.COLLISION,
          String.format(
              "Selecting %s on %s: %s.",
              address,
              stream.describe(),
              outcome == SelectOutcome.NONE ? "no meter acknowledged" : "several meters answered"));
    }
    return readouts.read(
        LinkFrames.ADDRESS_NETWORK_LAYER, address::equals, null, settings.retries());
  }

  /**
   * Selects the slaves that match {@code mask} (SND_UD to 0xFD, CI 0x52); the others deselect. A
   * slave that acknowledged answers at 0xFD from then on.
   */
  public SelectOutcome select(SecondaryAddressMask mask) throws IOException {
    return select(mask, settings.retries(), true);
  }

  /**
   * {@link #select(SecondaryAddressMask)} with {@code retries} attempts after a silent first one. A
   * wildcard scan asks once: silence there means an empty branch, the common case, and a retry
   * would cost a whole reply window each time (the acknowledgement of a select is a single byte
   * that every matching slave sends at once, and is rarely lost).
   *
   * @param waitForMore whether to keep listening for an inter-byte timeout after a first byte, to
   *     see slaves that answer late as garbage after the E5
   */
  SelectOutcome select(SecondaryAddressMask mask, int retries, boolean waitForMore)
      throws IOException {
    byte[] request =
        LinkFrames.longFrame(
            LinkFrames.C_SND_UD,
            LinkFrames.ADDRESS_NETWORK_LAYER,
            LinkFrames.CI_SELECT,
            mask.toBytes());
    for (int attempt = 0; attempt <= retries; attempt++) {
      countRetry(attempt);
      Reply reply = reader.exchange(request, waitForMore);
      if (reply.status() == Status.NOTHING) {
        counters.countTimeout();
        continue;
      }
      if (isAck(reply)) {
        frameCountBits.reset(LinkFrames.ADDRESS_NETWORK_LAYER);
        return SelectOutcome.ACKNOWLEDGED;
      }
      counters.countCollision();
      LOG.debug("Select {} on {}: garbled reply {}", mask, stream.describe(), reply.hex());
      return SelectOutcome.GARBLED;
    }
    return SelectOutcome.NONE;
  }

  /**
   * Tries SND_NKE then a readout at each primary address from {@code first} to {@code last}
   * (0–250), with at most one retry each; addresses that do not answer are skipped.
   */
  public List<FoundMeter> scanPrimary(int first, int last, ScanListener listener)
      throws IOException {
    checkAddress(first, false);
    checkAddress(last, false);
    if (first > last) {
      throw new IllegalArgumentException(
          "Scan range [" + first + ", " + last + "] must not end before it starts.");
    }
    int retries = Math.min(settings.retries(), SCAN_RETRIES);
    int total = last - first + 1;
    List<FoundMeter> found = new ArrayList<>();
    for (int address = first; address <= last; address++) {
      listener.progress(address - first, total, "primary address " + address);
      LinkException reset = trySndNke(address, retries);
      if (reset != null) {
        if (reset.kind() != Kind.NO_REPLY) {
          LOG.warn("Primary scan on {}: {}", stream.describe(), reset.getMessage());
        }
        continue;
      }
      try {
        FoundMeter meter = FoundMeter.of(readouts.read(address, null, null, retries));
        found.add(meter);
        listener.found(meter);
      } catch (LinkException e) {
        LOG.warn("Primary scan: address {} acknowledged SND_NKE, {}", address, e.getMessage());
      }
    }
    listener.progress(total, total, "done");
    return found;
  }

  /**
   * Finds every meter by a depth-first wildcard search over the id digits, reading each one out,
   * and deselects at the end.
   */
  public SecondaryScan scanSecondary(ScanListener listener) throws IOException {
    return new WildcardScan(this, listener).run();
  }

  public LinkSettings settings() {
    return settings;
  }

  public ByteStream stream() {
    return stream;
  }

  public LinkCounters counters() {
    return counters;
  }

  /** Closes the stream. */
  @Override
  public void close() throws IOException {
    stream.close();
  }

  /**
   * Reads the slaves selected by {@code mask} through 0xFD, for the scan: a garbled reply, a reply
   * whose long header does not match or no reply at all means several slaves answered.
   *
   * @return the readout, or null on a collision
   */
  Readout readSelected(SecondaryAddressMask mask) throws IOException {
    int address = LinkFrames.ADDRESS_NETWORK_LAYER;
    for (int attempt = 0; attempt <= settings.retries(); attempt++) {
      countRetry(attempt);
      Reply reply = reader.exchange(readouts.reqUd2(address), true);
      if (reply.status() == Status.NOTHING) {
        counters.countTimeout();
        continue;
      }
      if (Readouts.judge(reply, address, mask::matches) != null) {
        break;
      }
      frameCountBits.toggle(address);
      return readouts.read(address, mask::matches, reply.bytes(), settings.retries());
    }
    counters.countCollision();
    return null;
  }

  /** SND_NKE to 0xFD: the selected slaves deselect. No reply is fine (none was selected). */
  void deselect() throws IOException {
    reader.exchange(
        LinkFrames.shortFrame(LinkFrames.C_SND_NKE, LinkFrames.ADDRESS_NETWORK_LAYER), false);
  }

  /**
   * @return null when the slave acknowledged, else the failure to throw
   */
  private LinkException trySndNke(int address, int retries) throws IOException {
    byte[] request = LinkFrames.shortFrame(LinkFrames.C_SND_NKE, address);
    Reply reply = null;
    for (int attempt = 0; attempt <= retries; attempt++) {
      countRetry(attempt);
      reply = reader.exchange(request, false);
      if (isAck(reply)) {
        frameCountBits.reset(address);
        return null;
      }
      readouts.count(reply.status() == Status.NOTHING ? Kind.NO_REPLY : Kind.BAD_FRAME);
    }
    Kind kind = reply.status() == Status.NOTHING ? Kind.NO_REPLY : Kind.BAD_FRAME;
    return LinkException.after(
        kind, "SND_NKE", address, stream.describe(), retries + 1, reply, "an E5");
  }

  private static boolean isAck(Reply reply) {
    return reply.status() == Status.FRAME && (reply.bytes()[0] & 0xFF) == LinkFrames.ACK;
  }

  private void countRetry(int attempt) {
    if (attempt > 0) {
      counters.countRetry();
    }
  }

  private static void checkAddress(int address, boolean broadcastsToo) {
    boolean primary = address >= 0 && address <= LinkFrames.MAX_PRIMARY;
    boolean special =
        address == LinkFrames.ADDRESS_NETWORK_LAYER
            || address == LinkFrames.ADDRESS_BROADCAST_REPLY;
    if (!primary && !(broadcastsToo && special)) {
      throw new IllegalArgumentException(
          "Primary address ["
              + address
              + "] must lie between 0 and 250"
              + (broadcastsToo ? ", or be 253 (0xFD) or 254 (0xFE)." : "."));
    }
  }
}
