package io.releve.gateway.alert;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.health.MeterAlarm;
import io.releve.gateway.health.MeterCondition;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The conditions one decoded frame reports, and those it could have reported: a condition the frame
 * can report but does not is over.
 *
 * @param device the meter that sent the frame
 * @param receivedAt when the frame was received
 * @param alarms the conditions set in the frame
 * @param reportable every condition the readers that understood the frame can report
 */
public record FrameAlarms(
    DeviceIdentity device,
    Instant receivedAt,
    List<MeterAlarm> alarms,
    Set<MeterCondition> reportable) {

  public FrameAlarms {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(receivedAt, "receivedAt");
    alarms = List.copyOf(alarms);
    reportable = Set.copyOf(reportable);
  }

  /** The same frame received at {@code at}: as stored, when its stamp was re-timed. */
  FrameAlarms withReceivedAt(Instant at) {
    return new FrameAlarms(device, at, alarms, reportable);
  }
}
