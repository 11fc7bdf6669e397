package io.releve.gateway.sim;

import io.releve.gateway.link.LinkTiming;
import io.releve.gateway.sim.RequestFramer.Request;
import io.releve.gateway.sim.SimulatedBus.Transmission;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.locks.LockSupport;

/**
 * The bus as one connection to the master sees it: reads requests, hands each to the bus, and
 * writes what comes back at the pace of the wire. A request of n characters takes 11·n bit times to
 * arrive; the reply starts after the slave's reply delay and each of its characters arrives 11 bit
 * times after the previous one. A pty or a socket carries bytes at once, so the timing is made
 * here, by parking toward deadlines from {@link System#nanoTime} (a sleep per byte would add the
 * scheduler's slack to every character).
 */
final class SlaveLine {

  /**
   * Slack added to the idle line that ends an unfinished frame, for the operating system: TCP and
   * pty reads can come in chunks a few milliseconds apart. 50 ms.
   */
  private static final long SCHEDULING_SLACK_NANOS = 50_000_000L;

  private final SimulatedBus bus;
  private final BusTiming timing;

  /** When the line is free again: the end of the last reply written. */
  private long lineFreeNanos = System.nanoTime();

  SlaveLine(SimulatedBus bus, BusTiming timing) {
    this.bus = bus;
    this.timing = timing;
  }

  /**
   * Serves the master until the input ends.
   *
   * @throws IOException when reading or writing fails (a closed connection or pty included)
   */
  void serve(InputStream in, OutputStream out) throws IOException {
    RequestFramer framer =
        new RequestFramer(timing.bitsNanos(LinkTiming.FRAME_GAP_BITS) + SCHEDULING_SLACK_NANOS);
    byte[] chunk = new byte[512];
    while (true) {
      int n = in.read(chunk);
      if (n < 0) {
        return;
      }
      for (Request request : framer.feed(chunk, n, System.nanoTime())) {
        answer(request, out);
      }
    }
  }

  private void answer(Request request, OutputStream out) throws IOException {
    Transmission transmission = bus.transmit(request.bytes());
    long character = timing.characterNanos();
    // the request started on the wire when it reached us, or when the line was last free
    long start = Math.max(request.firstByteNanos(), lineFreeNanos);
    long requestEnd = start + request.bytes().length * character;
    writePaced(out, transmission.echo(), start, character);
    lineFreeNanos = requestEnd;
    byte[] reply = transmission.reply();
    if (reply != null && reply.length > 0) {
      long replyStart =
          requestEnd + timing.replyDelay().toNanos() + transmission.extraDelay().toNanos();
      writePaced(out, reply, replyStart, character);
      lineFreeNanos = replyStart + reply.length * character;
    }
  }

  /**
   * Writes {@code bytes}, each once its last bit has arrived: byte i at {@code start + (i + 1) ·
   * character}. Bytes already due are written together.
   */
  private static void writePaced(OutputStream out, byte[] bytes, long start, long character)
      throws IOException {
    int written = 0;
    while (written < bytes.length) {
      parkUntil(start + (written + 1) * character);
      long now = System.nanoTime();
      int due = written + 1;
      while (due < bytes.length && start + (due + 1) * character <= now) {
        due++;
      }
      out.write(bytes, written, due - written);
      out.flush();
      written = due;
    }
  }

  /** Parks until {@link System#nanoTime} reaches {@code deadline}. */
  static void parkUntil(long deadline) throws InterruptedIOException {
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("Interrupted while pacing a reply");
      }
    }
  }
}
