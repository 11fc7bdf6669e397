package io.releve.gateway.link;

import java.util.List;
import java.util.Objects;

/**
 * What one meter sent in one readout.
 *
 * @param replyAddress the A field of the meter's RSP_UD (its primary address, also when it was
 *     addressed by secondary address through 0xFD)
 * @param telegrams every RSP_UD long frame, whole (68 L L 68 … 16), in the order received
 * @param capped the telegram cap stopped the readout while the meter still said "more records
 *     follow" (DIF 0x1F): the readout is incomplete
 */
public record Readout(int replyAddress, List<byte[]> telegrams, boolean capped) {
  public Readout {
    telegrams = List.copyOf(Objects.requireNonNull(telegrams, "telegrams"));
    if (telegrams.isEmpty()) {
      throw new IllegalArgumentException("A readout holds at least one telegram.");
    }
  }
}
