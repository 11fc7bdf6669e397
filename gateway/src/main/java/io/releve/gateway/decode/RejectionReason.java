package io.releve.gateway.decode;

/**
 * Why a frame was rejected, as a short machine code that the quarantine stores next to the human
 * message of {@link FrameRejectedException}.
 */
public enum RejectionReason {
  /** The text given was not an even number of hexadecimal digits. */
  BAD_HEX,
  /** A single character (E5), a short frame (10 …) or a control frame: nothing to decode. */
  NOT_A_DATA_FRAME,
  /** The first or the second start byte is not 0x68. */
  BAD_START,
  /** The stop byte is not 0x16. */
  BAD_STOP,
  /** The two L fields differ, L is below 3, or bytes follow the stop byte. */
  LENGTH_MISMATCH,
  /** The frame ends before its L field says it should. */
  TRUNCATED,
  /** The checksum byte is not the sum of C, A, CI and the data modulo 256. */
  BAD_CHECKSUM,
  /** The CI field announces an application layer this decoder does not read. */
  UNSUPPORTED_CI,
  /** The application header after the CI field is too short or invalid. */
  BAD_HEADER,
  /** A data record (DIB, VIB or data) is malformed; the message gives its offset. */
  MALFORMED_RECORD,
  /** Radio: the telegram is encrypted and no key is configured for its meter. */
  KEY_MISSING,
  /** Radio: the payload did not decrypt with the configured key (no 2F2F, or a bad ELL CRC). */
  DECRYPTION_FAILED,
  /** Radio: the AFL message authentication code does not verify. */
  MAC_MISMATCH,
  /** Radio: a key is configured for the meter but the telegram is not protected by it. */
  NOT_AUTHENTIC,
  /** Radio: a security mode or ELL encryption this decoder does not implement. */
  UNSUPPORTED_SECURITY,
  /** Radio: a compact frame whose full frame (its format) has not been heard yet. */
  COMPACT_FORMAT_UNKNOWN,
  /** Radio: an AFL fragment of a message split over several telegrams. */
  FRAGMENTED,
  /** A bug in the decoder; the cause is kept. Never expected, never hidden. */
  INTERNAL_ERROR
}
