package io.releve.gateway.link;

import io.releve.gateway.transport.ByteStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.LongSupplier;

/**
 * One exchange on the bus: purge the input, write a request, read one reply frame within the
 * timeouts of {@link LinkTiming}. Says what came; judging it is the caller's business.
 */
final class ReplyReader {

  /** What came back. */
  enum Status {
    /** Nothing within the reply window. */
    NOTHING,
    /** One complete frame, checked: right stop byte, checksum and L fields. */
    FRAME,
    /** Bytes that make no valid frame, or more bytes after one where silence was required. */
    GARBLED
  }

  /**
   * @param bytes the frame, or what was read when garbled (may be empty)
   * @param problem what was wrong, when garbled
   */
  record Reply(Status status, byte[] bytes, String problem) {
    String hex() {
      return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }
  }

  /** Room for an echoed request (at most a long frame) and a long frame: 2 × 261. */
  private static final int BUFFER_SIZE = 2 * (LinkFrames.MAX_L + LinkFrames.LONG_OVERHEAD);

  /** Longest we keep draining a babbling bus; the purge before the next request does the rest. */
  private static final Duration MAX_DRAIN = Duration.ofSeconds(1);

  private final ByteStream stream;
  private final LinkTiming timing;
  private final boolean echoSuppression;
  private final LinkCounters counters;
  private final LongSupplier nanoTime;
  private final byte[] buffer = new byte[BUFFER_SIZE];

  ReplyReader(
      ByteStream stream, boolean echoSuppression, LinkCounters counters, LongSupplier nanoTime) {
    this.stream = stream;
    this.nanoTime = nanoTime;
    this.timing = new LinkTiming(stream.baud(), stream.latency());
    this.echoSuppression = echoSuppression;
    this.counters = counters;
  }

  LinkTiming timing() {
    return timing;
  }

  /** The bus, for messages. */
  String describe() {
    return stream.describe();
  }

  /**
   * Purges the input, writes {@code request} and reads the reply.
   *
   * @param quietAfter the line must stay silent for the inter-byte timeout after the frame, else
   *     the reply is garbled: how a selection or a scan tells several slaves' replies from one
   * @throws IOException when the stream fails (never for what the bus says)
   */
  Reply exchange(byte[] request, boolean quietAfter) throws IOException {
    stream.purge();
    stream.write(request);
    counters.countRequest();
    long deadline = nanoTime.getAsLong() + timing.replyWindow(request.length).toNanos();
    Duration interByte = timing.interByteTimeout();
    boolean echoPossible = echoSuppression;
    int have = 0;
    while (true) {
      Duration wait = have == 0 ? Duration.ofNanos(deadline - nanoTime.getAsLong()) : interByte;
      if (wait.isNegative() || wait.isZero()) {
        return new Reply(Status.NOTHING, new byte[0], null);
      }
      int n = stream.read(buffer, have, buffer.length - have, wait);
      if (n == 0) {
        if (have == 0) {
          continue; // the loop ends when the deadline has passed
        }
        return garbled(have, "the frame stopped after " + have + " bytes");
      }
      have += n;
      if (echoPossible && have >= request.length && startsWith(request, have)) {
        System.arraycopy(buffer, request.length, buffer, 0, have - request.length);
        have -= request.length;
        counters.countEcho();
        echoPossible = false;
        if (have == 0) {
          continue;
        }
      } else if (echoPossible && startsWith(request, have)) {
        continue; // maybe the start of our echo: wait for the rest
      }
      echoPossible = false;
      int length;
      try {
        length = LinkFrames.frameLength(buffer, have);
      } catch (IllegalArgumentException e) {
        return garbled(have, e.getMessage());
      }
      if (length == 0 || have < length) {
        continue;
      }
      byte[] frame = Arrays.copyOf(buffer, length);
      String problem = LinkFrames.checkComplete(frame);
      if (problem != null) {
        return garbled(have, problem);
      }
      if (quietAfter) {
        if (have > length) {
          return garbled(have, (have - length) + " more bytes followed the frame");
        }
        int more = stream.read(buffer, have, buffer.length - have, interByte);
        if (more > 0) {
          return garbled(have + more, more + " more bytes followed the frame");
        }
      }
      return new Reply(Status.FRAME, frame, null);
    }
  }

  /** Whether the {@code have} bytes read are the start of {@code request} (or all of it). */
  private boolean startsWith(byte[] request, int have) {
    int n = Math.min(have, request.length);
    return Arrays.equals(buffer, 0, n, request, 0, n);
  }

  /** Reads on until the line is quiet, so the rest of the garbage does not meet the next reply. */
  private Reply garbled(int have, String problem) throws IOException {
    byte[] seen = Arrays.copyOf(buffer, have);
    long until = nanoTime.getAsLong() + MAX_DRAIN.toNanos();
    byte[] sink = new byte[64];
    while (nanoTime.getAsLong() < until
        && stream.read(sink, 0, sink.length, timing.interByteTimeout()) > 0) {
      // dropped: the reply is garbled already, these bytes add nothing to tell
    }
    return new Reply(Status.GARBLED, seen, problem);
  }
}
