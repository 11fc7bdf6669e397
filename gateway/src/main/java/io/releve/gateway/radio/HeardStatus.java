package io.releve.gateway.radio;

import io.releve.gateway.decode.RejectionReason;
import java.util.Locale;

/** What became of a meter's last telegram when decoded with the key store. */
public enum HeardStatus {
  /** Decoded; and verified when a key is configured. */
  OK,
  /** Encrypted, and no key is configured for the meter. */
  KEY_MISSING,
  /** The configured key does not open it. */
  DECRYPTION_FAILED,
  /** The AFL's MAC does not verify. */
  MAC_MISMATCH,
  /** A key is configured but the telegram is not protected by it. */
  NOT_AUTHENTIC,
  /** A layer, security mode or fragmenting this decoder does not read. */
  UNSUPPORTED,
  /** Its bytes do not make a telegram. */
  MALFORMED;

  /** The status a rejection stands for. */
  public static HeardStatus of(RejectionReason reason) {
    return switch (reason) {
      case KEY_MISSING -> KEY_MISSING;
      case DECRYPTION_FAILED -> DECRYPTION_FAILED;
      case MAC_MISMATCH -> MAC_MISMATCH;
      case NOT_AUTHENTIC -> NOT_AUTHENTIC;
      case UNSUPPORTED_CI, UNSUPPORTED_SECURITY, COMPACT_FORMAT_UNKNOWN, FRAGMENTED -> UNSUPPORTED;
      default -> MALFORMED;
    };
  }

  /** {@code ok}, {@code key_missing}…: as printed. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
