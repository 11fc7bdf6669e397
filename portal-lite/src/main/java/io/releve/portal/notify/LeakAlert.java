package io.releve.portal.notify;

import java.time.Instant;

/**
 * An active alert as the bridge stores it ({@code alerts}), with its meter: what a notice tells.
 * Its identity is (gateway, epoch, alert id).
 *
 * @param type {@code leak} or {@code meter_alarm}
 * @param condition for a meter alarm, what the meter reports ({@code burst}…); empty otherwise
 * @param level for a leak, 1 to 3; null otherwise
 * @param totalLossM3 for a leak, an exact decimal in m³; null otherwise
 * @param averageFlowLph for a leak, an exact decimal in L/h; null otherwise
 * @param medium the meter's fluid ({@code cold_water}…), null when unknown
 * @param serial the meter's printed serial, null when unknown
 * @param dwelling the meter's dwelling, null when it is in none
 */
record LeakAlert(
    String gateway,
    String epoch,
    long alertId,
    String type,
    String condition,
    Integer level,
    Instant start,
    String totalLossM3,
    String averageFlowLph,
    String medium,
    String serial,
    Long dwelling) {

  /** The alert types residents are told about: leaks and the meters' own alarms. */
  static final String NOTIFIED_TYPES = "'leak', 'meter_alarm'";

  /** The level an alert's mark keeps: its leak level, 0 for an alarm without one. */
  long markLevel() {
    return level == null ? 0 : level;
  }

  /** The {@code portal_marks} name of this alert: the highest level already handled. */
  String markName() {
    return markName(gateway, epoch, alertId);
  }

  static String markName(String gateway, String epoch, long alertId) {
    return "notify.alert:" + gateway + "/" + epoch + "/" + alertId;
  }

  /**
   * The {@code notifications} subject: {@code alert:GATEWAY/EPOCH/ID:level-N} for a leak at level
   * N, {@code alert:GATEWAY/EPOCH/ID:opened} for an alarm; a higher level is a new subject.
   */
  String subject() {
    return "alert:"
        + gateway
        + "/"
        + epoch
        + "/"
        + alertId
        + ":"
        + (level == null ? "opened" : "level-" + level);
  }

  /**
   * Whether this is a leak with all its figures; any other alert (a meter alarm, or a leak row
   * missing a figure) is told without them.
   */
  boolean isLeak() {
    return "leak".equals(type) && level != null && totalLossM3 != null && averageFlowLph != null;
  }

  /** The alert's identity, for logs: no personal data. */
  String describe() {
    return gateway + "/" + epoch + "/" + alertId;
  }
}
