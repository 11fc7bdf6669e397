package io.releve.gateway.decode.radio;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.RejectionReason;
import io.releve.gateway.device.DeviceIdentity;

/**
 * Turns a compact frame (TPL CI 0x79: the record headers left out, only a format signature and the
 * data sent) back into full data records, from a format learnt on an earlier full frame of the same
 * meter. One instance per {@link RadioDecoder}, so formats are per stream and never global.
 */
public interface CompactExpander {

  /** Knows no format: every compact frame is rejected. */
  CompactExpander NONE =
      new CompactExpander() {
        @Override
        public byte[] expand(DeviceIdentity device, int signature, byte[] data)
            throws FrameRejectedException {
          throw new FrameRejectedException(
              RejectionReason.COMPACT_FORMAT_UNKNOWN,
              "Compact frame (CI 0x79) from "
                  + device
                  + " with format signature "
                  + String.format("0x%04X", signature)
                  + " cannot be expanded: compact frames are not supported by this decoder.");
        }

        @Override
        public void learn(DeviceIdentity device, byte[] fullRecords) {
          // nothing to learn: compact frames are rejected
        }
      };

  /**
   * The full data records (DIB, VIB and data, as in a 0x78 or 0x7A frame) of a compact frame.
   *
   * @param device the meter
   * @param signature the format signature, the two bytes after CI 0x79, least significant first
   * @param data the bytes after the signature: what the compact frame carries after it
   * @throws FrameRejectedException when the format is unknown or the data does not fit it
   */
  byte[] expand(DeviceIdentity device, int signature, byte[] data) throws FrameRejectedException;

  /**
   * Called with the plaintext records of each full frame that decoded, so that later compact frames
   * of that meter can be expanded.
   *
   * @throws FrameRejectedException when the records cannot be walked; the frame itself stands, only
   *     its format is not learnt
   */
  void learn(DeviceIdentity device, byte[] fullRecords) throws FrameRejectedException;
}
