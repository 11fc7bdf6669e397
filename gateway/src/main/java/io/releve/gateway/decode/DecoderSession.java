package io.releve.gateway.decode;

import io.releve.gateway.device.DeviceIdentity;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes a stream of telegrams that belong together (one bus, one stick, one input file) and keeps
 * per-meter state between them. For wired frames the state is the last access number heard per
 * meter, which later lets the link layer spot a repeated answer; radio work will keep its
 * compact-frame formats and message counters here. Not thread-safe: one session per stream.
 */
public final class DecoderSession {
  private final WiredFrameDecoder wired = new WiredFrameDecoder();
  private final Map<DeviceIdentity, Integer> lastAccessNumber = new HashMap<>();

  /**
   * Decodes one telegram.
   *
   * @param frame the telegram's bytes
   * @param key the meter's AES-128 key, or null; wired frames are never encrypted and ignore it.
   *     The key is never logged nor kept in a message.
   */
  public DecodedFrame decode(byte[] frame, byte[] key) throws FrameRejectedException {
    DecodedFrame decoded = wired.decode(frame);
    if (decoded.device() != null && decoded.accessNumber() != DecodedFrame.NOT_PRESENT) {
      lastAccessNumber.put(decoded.device(), decoded.accessNumber());
    }
    return decoded;
  }

  /** The access number of the last frame heard from {@code device}, or -1. */
  public int lastAccessNumber(DeviceIdentity device) {
    return lastAccessNumber.getOrDefault(device, DecodedFrame.NOT_PRESENT);
  }

  /** How many meters this session has heard. */
  public int metersHeard() {
    return lastAccessNumber.size();
  }
}
