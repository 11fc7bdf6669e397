package io.releve.gateway.store;

import io.releve.gateway.device.DeviceIdentity;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A frame as received, kept so that it can be decoded again later (bounded retention, DESIGN §3.1).
 *
 * <p>{@link ReadingStore#storeBatch} links a reading to the frame it came from by device, receive
 * time (to the millisecond) and source.
 *
 * @param bytes the frame, from the L or C field on; copied in and out
 * @param receivedAt when the gateway received it
 * @param source the bus or stick it came from
 * @param device the device that sent it, or null when the header could not be read
 */
public record RawFrame(byte[] bytes, Instant receivedAt, String source, DeviceIdentity device) {

  public RawFrame {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(source, "source");
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawFrame that
        && Arrays.equals(bytes, that.bytes)
        && receivedAt.equals(that.receivedAt)
        && source.equals(that.source)
        && Objects.equals(device, that.device);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(bytes), receivedAt, source, device);
  }

  @Override
  public String toString() {
    return "RawFrame["
        + HexFormat.of().formatHex(bytes)
        + " at "
        + receivedAt
        + " from "
        + source
        + (device == null ? "" : " by " + device)
        + "]";
  }
}
