package io.releve.gateway.radio;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.store.InstalledDevice;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The commissioning report of a radio survey: the installation list held against what was heard
 * during the survey. Pure: it takes the inventory and the heard meters and returns values.
 *
 * @param startedAt when listening started
 * @param listened how long it listened
 * @param modes the link modes the receivers listened in
 * @param receivers the receivers' names
 * @param sensitivityDbm the threshold margins are measured from
 * @param expected one line per installed device, in inventory order
 * @param unknown the meters heard that are not installed, strongest first
 */
public record SurveyReport(
    Instant startedAt,
    Duration listened,
    Set<LinkMode> modes,
    List<String> receivers,
    int sensitivityDbm,
    List<Expected> expected,
    List<HeardMeter> unknown) {

  public SurveyReport {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(listened, "listened");
    modes = Set.copyOf(modes);
    receivers = List.copyOf(receivers);
    expected = List.copyOf(expected);
    unknown = List.copyOf(unknown);
  }

  /** An installed device and what was heard of it, if anything. */
  public record Expected(InstalledDevice device, Optional<HeardMeter> heard) {
    public Expected {
      Objects.requireNonNull(device, "device");
      Objects.requireNonNull(heard, "heard");
    }

    /** Heard and decoded (verified when a key is configured). */
    public boolean good() {
      return heard.map(h -> h.status() == HeardStatus.OK).orElse(false);
    }
  }

  /** Holds {@code installed} against {@code heard}. */
  public static SurveyReport of(
      Instant startedAt,
      Duration listened,
      Set<LinkMode> modes,
      List<String> receivers,
      int sensitivityDbm,
      List<InstalledDevice> installed,
      List<HeardMeter> heard) {
    Map<DeviceIdentity, HeardMeter> byIdentity =
        heard.stream().collect(Collectors.toMap(HeardMeter::identity, Function.identity()));
    Set<DeviceIdentity> known = new HashSet<>();
    List<Expected> expected =
        installed.stream()
            .map(
                device -> {
                  known.add(device.identity());
                  return new Expected(
                      device, Optional.ofNullable(byIdentity.get(device.identity())));
                })
            .toList();
    List<HeardMeter> unknown =
        heard.stream()
            .filter(m -> !known.contains(m.identity()))
            .sorted(HeardMeters.BY_SIGNAL)
            .toList();
    return new SurveyReport(
        startedAt, listened, modes, receivers, sensitivityDbm, expected, unknown);
  }

  /** The margin of {@code meter}'s best RSSI over the sensitivity, in dB, when measured. */
  public Optional<Integer> marginDb(HeardMeter meter) {
    return meter.bestRssiDbm().map(rssi -> rssi - sensitivityDbm);
  }

  public long heardCount() {
    return expected.stream().filter(e -> e.heard().isPresent()).count();
  }

  public long goodCount() {
    return expected.stream().filter(Expected::good).count();
  }

  /** Every expected meter heard and decoded. */
  public boolean passed() {
    return goodCount() == expected.size();
  }
}
