package io.releve.gateway.link;

import java.util.List;

/**
 * One slave on a {@link VirtualBus}: a primary address, a secondary address and the telegrams of
 * its readout, answering as EN 13757-2/-3 say. SND_NKE clears its FCB and restarts its readout; a
 * REQ_UD2 with FCV set and the FCB toggled gets the next telegram, one with the same FCB gets the
 * last telegram again; a selection that matches selects it, one that does not deselects it, and a
 * SND_NKE to 0xFD deselects it too.
 */
final class VirtualSlave {
  private final int primary;
  private final SecondaryAddress secondary;
  private final List<byte[]> telegrams;
  private boolean selected;
  private boolean fcb;
  private int next;
  private int last = -1;

  /** A slave whose readout is {@code telegramCount} telegrams, all but the last saying "more". */
  VirtualSlave(int primary, SecondaryAddress secondary, int telegramCount) {
    this.primary = primary;
    this.secondary = secondary;
    this.telegrams =
        java.util.stream.IntStream.range(0, telegramCount)
            .mapToObj(
                i -> Telegrams.rspUd(primary, secondary, primary * 1000 + i, i < telegramCount - 1))
            .toList();
  }

  VirtualSlave(int primary, SecondaryAddress secondary) {
    this(primary, secondary, 1);
  }

  SecondaryAddress secondary() {
    return secondary;
  }

  int primary() {
    return primary;
  }

  List<byte[]> telegrams() {
    return telegrams;
  }

  boolean selected() {
    return selected;
  }

  /** This slave's answer to {@code request}, or null when it stays silent. */
  byte[] answer(byte[] request) {
    int start = request[0] & 0xFF;
    if (start == LinkFrames.LONG_START) {
      return answerLong(request);
    }
    int control = LinkFrames.control(request);
    int address = LinkFrames.address(request);
    if (!addressed(address)) {
      return null;
    }
    if (control == LinkFrames.C_SND_NKE) {
      reset();
      if (address == LinkFrames.ADDRESS_NETWORK_LAYER) {
        selected = false;
      }
      return Telegrams.ack();
    }
    if ((control & ~LinkFrames.FCB) == LinkFrames.C_REQ_UD2) {
      boolean requested = (control & LinkFrames.FCB) != 0;
      if (requested != fcb || last < 0) {
        last = next;
        next = (next + 1) % telegrams.size();
        fcb = requested;
      }
      return telegrams.get(last);
    }
    return null;
  }

  private byte[] answerLong(byte[] request) {
    boolean select =
        (LinkFrames.control(request) & ~LinkFrames.FCB) == LinkFrames.C_SND_UD
            && LinkFrames.address(request) == LinkFrames.ADDRESS_NETWORK_LAYER
            && LinkFrames.ci(request) == LinkFrames.CI_SELECT;
    if (!select) {
      return null;
    }
    selected = SecondaryAddressMask.fromBytes(request, 7).matches(secondary);
    if (!selected) {
      return null;
    }
    reset();
    return Telegrams.ack();
  }

  private boolean addressed(int address) {
    return address == primary
        || address == LinkFrames.ADDRESS_BROADCAST_REPLY
        || (address == LinkFrames.ADDRESS_NETWORK_LAYER && selected);
  }

  private void reset() {
    fcb = false;
    next = 0;
    last = -1;
  }
}
