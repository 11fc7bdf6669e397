package io.releve.gateway.uplink;

import io.releve.gateway.daemon.BusStatistics;
import io.releve.gateway.daemon.Daemon;
import io.releve.gateway.daemon.ReceiverStatistics;
import java.util.LinkedHashMap;
import java.util.Map;

/** The daemon's part of a health report: per bus and per receiver, a few numbers each. */
public final class DaemonHealth {

  private DaemonHealth() {}

  /**
   * {@code bus.NAME.cycles}, {@code .failing} (consecutive failed cycles), {@code .silent} (meters
   * that did not answer in the last cycle), {@code .timeouts}; {@code rx.NAME.state}, {@code
   * .telegrams}, {@code .bad}.
   */
  public static Map<String, String> parts(Daemon daemon) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (BusStatistics bus : daemon.busStatistics()) {
      String prefix = "bus." + bus.bus() + ".";
      parts.put(prefix + "cycles", Long.toString(bus.cycles()));
      parts.put(prefix + "failing", Integer.toString(bus.consecutiveFailures()));
      parts.put(
          prefix + "silent",
          bus.lastCycle() == null ? "0" : Integer.toString(bus.lastCycle().silent().size()));
      parts.put(prefix + "timeouts", Long.toString(bus.link().timeouts()));
    }
    for (ReceiverStatistics receiver : daemon.receiverStatistics()) {
      String prefix = "rx." + receiver.receiver() + ".";
      parts.put(prefix + "state", receiver.state());
      parts.put(prefix + "telegrams", Long.toString(receiver.telegrams()));
      parts.put(prefix + "bad", Long.toString(receiver.badFrames()));
    }
    return parts;
  }
}
