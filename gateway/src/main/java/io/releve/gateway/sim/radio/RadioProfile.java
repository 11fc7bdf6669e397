package io.releve.gateway.sim.radio;

import io.releve.gateway.decode.radio.SecurityMode;
import io.releve.gateway.radio.LinkMode;
import java.util.Objects;

/**
 * How a radio meter transmits.
 *
 * @param mode the link mode it sends in
 * @param security security mode 0, 5 or 7
 * @param schedule when it sends
 * @param fullFrameEvery 1: every telegram is a full frame; n &gt; 1: one full frame, then n - 1
 *     compact frames (CI 0x79), again and again; only without encryption
 * @param formatACrcs whether its telegrams carry the frame format A data-link CRCs, as a receiver
 *     that keeps them delivers them; sticks remove them, so usually false
 */
public record RadioProfile(
    LinkMode mode,
    SecurityMode security,
    TransmitSchedule schedule,
    int fullFrameEvery,
    boolean formatACrcs) {

  public RadioProfile {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(schedule, "schedule");
    if (security == SecurityMode.OTHER) {
      throw new IllegalArgumentException(
          "Security mode must be 0, 5 or 7, not [" + security + "].");
    }
    if (fullFrameEvery < 1) {
      throw new IllegalArgumentException(
          "fullFrameEvery [" + fullFrameEvery + "] must be at least 1.");
    }
    if (fullFrameEvery > 1 && security != SecurityMode.NONE) {
      throw new IllegalArgumentException(
          "Compact frames (fullFrameEvery "
              + fullFrameEvery
              + ") are sent only in security mode 0.");
    }
  }

  /** Full frames only, no data-link CRCs. */
  public static RadioProfile of(LinkMode mode, SecurityMode security, TransmitSchedule schedule) {
    return new RadioProfile(mode, security, schedule, 1, false);
  }

  public RadioProfile withCompactFrames(int fullFrameEvery) {
    return new RadioProfile(mode, security, schedule, fullFrameEvery, formatACrcs);
  }

  public RadioProfile withFormatACrcs() {
    return new RadioProfile(mode, security, schedule, fullFrameEvery, true);
  }
}
