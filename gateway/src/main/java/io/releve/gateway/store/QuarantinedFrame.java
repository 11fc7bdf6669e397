package io.releve.gateway.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A frame kept in quarantine because it could not be used.
 *
 * @param id its row in the quarantine table
 * @param frame the bytes as received; copied in and out
 * @param reasonCode a stable code, such as {@code bad_checksum}
 * @param message what was wrong, for a person
 * @param source the bus or stick it came from
 * @param receivedAt when it was received, to the millisecond
 */
public record QuarantinedFrame(
    long id, byte[] frame, String reasonCode, String message, String source, Instant receivedAt) {

  public QuarantinedFrame {
    frame = frame.clone();
  }

  @Override
  public byte[] frame() {
    return frame.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof QuarantinedFrame that
        && id == that.id
        && Arrays.equals(frame, that.frame)
        && reasonCode.equals(that.reasonCode)
        && message.equals(that.message)
        && source.equals(that.source)
        && receivedAt.equals(that.receivedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, Arrays.hashCode(frame), reasonCode, message, source, receivedAt);
  }

  @Override
  public String toString() {
    return "QuarantinedFrame["
        + id
        + " "
        + reasonCode
        + " ("
        + message
        + ") "
        + HexFormat.of().formatHex(frame)
        + " at "
        + receivedAt
        + " from "
        + source
        + "]";
  }
}
