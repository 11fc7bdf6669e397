package io.releve.gateway.link;

import java.io.IOException;

/** A request on the bus failed after its retries; the message names the bus and the address. */
public class LinkException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why the request failed, taken from its last attempt. */
  public enum Kind {
    /** Nothing came within the reply window. */
    NO_REPLY,
    /** Bytes came that are no valid frame, or not the frame expected (bad start, checksum…). */
    BAD_FRAME,
    /** A valid reply came from another address than the one asked. */
    WRONG_ADDRESS,
    /** Several slaves answered at once. */
    COLLISION
  }

  private final Kind kind;

  public LinkException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The failure of {@code request} after {@code attempts}, {@code last} being the last reply. */
  static LinkException after(
      Kind kind,
      String request,
      int address,
      String bus,
      int attempts,
      ReplyReader.Reply last,
      String expected) {
    String seen =
        switch (last.status()) {
          case NOTHING -> "no reply, " + expected + " was expected";
          case GARBLED -> "got [" + last.hex() + "] (" + last.problem() + ")";
          case FRAME -> "got [" + last.hex() + "] instead of " + expected;
        };
    return new LinkException(
        kind,
        String.format(
            "%s to address %d (0x%02X) on %s failed after %d attempt%s: %s.",
            request, address, address, bus, attempts, attempts == 1 ? "" : "s", seen));
  }
}
