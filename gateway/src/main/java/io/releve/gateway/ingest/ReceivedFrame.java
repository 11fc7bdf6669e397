package io.releve.gateway.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * One frame as it came off a bus or a radio receiver, before decoding.
 *
 * @param bytes the whole frame; not copied, the caller hands it over
 * @param receivedAt when the gateway received it
 * @param source the bus, receiver (or file) it came from
 * @param rssiDbm the radio receiver's signal strength, or null (wired frames, receivers that do not
 *     measure it)
 */
public record ReceivedFrame(byte[] bytes, Instant receivedAt, String source, Integer rssiDbm) {
  public ReceivedFrame {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(source, "source");
  }

  /** A wired frame: no signal strength. */
  public ReceivedFrame(byte[] bytes, Instant receivedAt, String source) {
    this(bytes, receivedAt, source, null);
  }
}
