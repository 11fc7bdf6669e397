package io.releve.gateway.link;

import java.util.List;
import java.util.Objects;

/**
 * A meter a scan found.
 *
 * @param primaryAddress the A field of its reply
 * @param secondary its secondary address from the long header of its first telegram (CI 0x72, bytes
 *     7–14 of the frame), or null when that telegram has no long header
 * @param telegrams every RSP_UD long frame it sent, whole
 */
public record FoundMeter(int primaryAddress, SecondaryAddress secondary, List<byte[]> telegrams) {
  public FoundMeter {
    telegrams = List.copyOf(Objects.requireNonNull(telegrams, "telegrams"));
  }

  static FoundMeter of(Readout readout) {
    return new FoundMeter(
        readout.replyAddress(),
        LongHeaders.secondaryAddress(readout.telegrams().get(0)),
        readout.telegrams());
  }
}
