package io.releve.gateway.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * One frame as it came off a bus, before decoding.
 *
 * @param bytes the whole frame; not copied, the caller hands it over
 * @param receivedAt when the gateway received it
 * @param source the bus (or file) it came from
 */
public record ReceivedFrame(byte[] bytes, Instant receivedAt, String source) {
  public ReceivedFrame {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(source, "source");
  }
}
