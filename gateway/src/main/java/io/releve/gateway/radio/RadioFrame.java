package io.releve.gateway.radio;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One telegram as a receiver delivered it: {@code L C M M A A A A A A CI …}, with or without its
 * data-link CRCs (the decoder tells), and what the receiver knows about it.
 *
 * @param telegram the bytes, from the L field on
 * @param rssiDbm the signal strength, when the receiver measures it
 * @param mode the link mode it was heard in, when the receiver says
 * @param receivedAt when it was received
 * @param receiver the name of the receiver that heard it ({@code stick.NAME}, {@code
 *     rtlwmbus.NAME})
 */
public record RadioFrame(
    byte[] telegram,
    Optional<Integer> rssiDbm,
    Optional<LinkMode> mode,
    Instant receivedAt,
    String receiver) {

  public RadioFrame {
    Objects.requireNonNull(telegram, "telegram");
    Objects.requireNonNull(rssiDbm, "rssiDbm");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(receiver, "receiver");
    telegram = telegram.clone();
  }

  @Override
  public byte[] telegram() {
    return telegram.clone();
  }
}
