package io.releve.gateway.radio;

import java.io.IOException;

/** A stick that is open but does not answer, or sends nothing at all, for longer than allowed. */
public final class StickTimeoutException extends IOException {
  private static final long serialVersionUID = 1L;

  public StickTimeoutException(String message) {
    super(message);
  }
}
