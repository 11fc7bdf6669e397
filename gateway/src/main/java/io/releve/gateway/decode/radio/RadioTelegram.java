package io.releve.gateway.decode.radio;

import io.releve.gateway.decode.DecodedFrame;
import java.util.Objects;

/**
 * One decoded radio telegram: its application data in the same form as a wired frame's, and its
 * link-layer facts.
 */
public record RadioTelegram(DecodedFrame frame, RadioLink link) {
  public RadioTelegram {
    Objects.requireNonNull(frame, "frame");
    Objects.requireNonNull(link, "link");
  }
}
