package io.releve.gateway.link;

import java.time.Duration;
import java.util.Objects;

/**
 * The master's timeouts on a wired M-Bus, derived from the line speed (EN 13757-2) and from what
 * the byte stream adds (USB latency, network round trip).
 *
 * @param baud line speed in bit/s
 * @param latency what the stream adds before a byte reaches us ({@code ByteStream.latency()})
 */
public record LinkTiming(int baud, Duration latency) {

  /** Bits on the wire per character: start, 8 data, even parity, stop (EN 13757-2, 8E1). */
  public static final int BITS_PER_CHARACTER = 11;

  /**
   * Latest start of a slave's reply after the end of the request, in bit times, to which {@link
   * #REPLY_EXTRA_DELAY} is added (EN 13757-2: the reply starts between 11 bit times and 330 bit
   * times + 50 ms after the request).
   */
  public static final int MAX_REPLY_DELAY_BITS = 330;

  /** The shortest wait of a slave before it answers (EN 13757-2): 11 bit times. */
  public static final int MIN_REPLY_DELAY_BITS = 11;

  /** The fixed part of the slave's latest reply start (EN 13757-2: 330 bit times + 50 ms). */
  public static final Duration REPLY_EXTRA_DELAY = Duration.ofMillis(50);

  /**
   * Idle line, in bit times, that ends a frame. EN 60870-5-1 FT 1.2, on which EN 13757-2 builds,
   * sends a frame's characters without gaps and separates frames by at least 33 bit times of idle
   * line: a silence that long inside a frame means the frame is broken.
   */
  public static final int FRAME_GAP_BITS = 33;

  /**
   * Added to the inter-byte timeout for the operating system: a thread that reads may be scheduled
   * a few milliseconds late, which must not cut a frame that is on time. 10 ms.
   */
  public static final Duration SCHEDULING_MARGIN = Duration.ofMillis(10);

  public LinkTiming {
    Objects.requireNonNull(latency, "latency");
    if (baud <= 0) {
      throw new IllegalArgumentException("Baud rate [" + baud + "] must be positive.");
    }
    if (latency.isNegative()) {
      throw new IllegalArgumentException("Latency [" + latency + "] must not be negative.");
    }
  }

  /** Time on the wire of {@code bits} bit times at this speed. */
  public Duration bits(long bits) {
    return Duration.ofNanos(bits * 1_000_000_000L / baud);
  }

  /** Time {@code bytes} characters take on the wire: 11 bit times each. */
  public Duration wireTime(int bytes) {
    return bits((long) bytes * BITS_PER_CHARACTER);
  }

  /**
   * How long the master waits for the first byte of a reply, counted from when its write of a
   * {@code requestLength}-byte request returned: a write returns before the bytes are on the wire,
   * so the request's own wire time, then the slave's latest reply start (330 bit times + 50 ms),
   * then the stream's latency.
   */
  public Duration replyWindow(int requestLength) {
    return wireTime(requestLength)
        .plus(bits(MAX_REPLY_DELAY_BITS))
        .plus(REPLY_EXTRA_DELAY)
        .plus(latency);
  }

  /**
   * The longest silence between two bytes of one frame before the master gives the frame up: 33 bit
   * times (the idle line between frames), plus the stream's latency (USB and TCP deliver bytes in
   * chunks, which stretches a gap by up to that), plus {@link #SCHEDULING_MARGIN}.
   */
  public Duration interByteTimeout() {
    return bits(FRAME_GAP_BITS).plus(latency).plus(SCHEDULING_MARGIN);
  }
}
