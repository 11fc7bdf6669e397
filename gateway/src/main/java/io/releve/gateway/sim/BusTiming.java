package io.releve.gateway.sim;

import io.releve.gateway.link.LinkTiming;
import java.time.Duration;

/**
 * The timing of a simulated wired M-Bus: its line speed and how long a slave waits after the last
 * byte of a request before it starts its reply.
 *
 * <p>EN 13757-2 lets a slave start its reply between 11 and 330 bit times after the request (the
 * master allows 50 ms more); the benchmark of DESIGN §9 sets the minimum. Each character takes 11
 * bit times on the wire (start, 8 data, even parity, stop).
 *
 * @param baud line speed in bit/s (any positive value; real buses run 300, 2400 or 9600)
 * @param replyDelayBits the slave's reply delay in bit times, 11–330
 */
public record BusTiming(int baud, int replyDelayBits) {

  /** Earliest start of a slave's reply after the request, in bit times (EN 13757-2). */
  public static final int MIN_REPLY_DELAY_BITS = LinkTiming.MIN_REPLY_DELAY_BITS;

  /** Latest start of a slave's reply, in bit times, without the 50 ms margin (EN 13757-2). */
  public static final int MAX_REPLY_DELAY_BITS = LinkTiming.MAX_REPLY_DELAY_BITS;

  public BusTiming {
    if (baud <= 0) {
      throw new IllegalArgumentException("Baud rate [" + baud + "] must be positive.");
    }
    if (replyDelayBits < MIN_REPLY_DELAY_BITS || replyDelayBits > MAX_REPLY_DELAY_BITS) {
      throw new IllegalArgumentException(
          "Reply delay ["
              + replyDelayBits
              + " bit times] must lie between "
              + MIN_REPLY_DELAY_BITS
              + " and "
              + MAX_REPLY_DELAY_BITS
              + " (EN 13757-2).");
    }
  }

  /** The fastest slave the standard allows at {@code baud}: 11 bit times of reply delay. */
  public static BusTiming minimumDelay(int baud) {
    return new BusTiming(baud, MIN_REPLY_DELAY_BITS);
  }

  /** Time of {@code bits} bit times, in nanoseconds. */
  public long bitsNanos(long bits) {
    return bits * 1_000_000_000L / baud;
  }

  /** Time one character takes on the wire (11 bit times), in nanoseconds. */
  public long characterNanos() {
    return bitsNanos(LinkTiming.BITS_PER_CHARACTER);
  }

  /** Time {@code bytes} characters take on the wire. */
  public Duration wireTime(long bytes) {
    return Duration.ofNanos(bitsNanos(bytes * LinkTiming.BITS_PER_CHARACTER));
  }

  /** The slave's reply delay. */
  public Duration replyDelay() {
    return Duration.ofNanos(bitsNanos(replyDelayBits));
  }
}
