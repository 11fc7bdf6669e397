package io.releve.gateway.decode;

import java.util.Objects;

/**
 * A frame that cannot be decoded. {@link #reason()} is the machine code the quarantine stores;
 * {@link #getMessage()} says what was wrong and where, for people.
 */
public final class FrameRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final RejectionReason reason;

  public FrameRejectedException(RejectionReason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public FrameRejectedException(RejectionReason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public RejectionReason reason() {
    return reason;
  }
}
