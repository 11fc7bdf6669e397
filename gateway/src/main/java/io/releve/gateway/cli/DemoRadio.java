package io.releve.gateway.cli;

import io.releve.gateway.decode.radio.KeyFile;
import io.releve.gateway.decode.radio.KeyStore;
import io.releve.gateway.decode.radio.SecurityMode;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.radio.Im871aStick;
import io.releve.gateway.radio.LinkMode;
import io.releve.gateway.radio.RadioReceiver;
import io.releve.gateway.radio.ReceiverFactory;
import io.releve.gateway.radio.StickTimings;
import io.releve.gateway.radio.TcpStickLine;
import io.releve.gateway.sim.building.Building;
import io.releve.gateway.sim.building.ConsumptionModel;
import io.releve.gateway.sim.building.SetDay;
import io.releve.gateway.sim.radio.RadioMeter;
import io.releve.gateway.sim.radio.RadioProfile;
import io.releve.gateway.sim.radio.TransmitSchedule;
import io.releve.gateway.sim.radio.VirtualStick;
import io.releve.gateway.sim.radio.WaterRecords;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The radio half of the demo: a virtual iM871A stick on a local TCP port with radio water meters in
 * range (in clear, in security mode 5 and in mode 7, their keys in the demo's key file), read by
 * the real iM871A driver. The keys are made from the building's seed: they are demo keys, not
 * secrets.
 */
final class DemoRadio implements AutoCloseable {

  /** The stick's name in the demo's configuration: {@code stick.hall}. */
  static final String STICK = "hall";

  private static final int METERS = 6;
  private static final Duration TRANSMIT_EVERY = Duration.ofSeconds(16);

  private final VirtualStick stick;
  private final List<RadioMeter> meters;

  private DemoRadio(VirtualStick stick, List<RadioMeter> meters) {
    this.stick = stick;
    this.meters = meters;
  }

  /** Starts the virtual stick with its meters and writes the meters' keys into {@code keys}. */
  static DemoRadio start(Building building, Clock clock, KeyStore keys) throws IOException {
    VirtualStick stick = VirtualStick.overTcp(VirtualStick.Kind.IM871A, clock, LinkMode.T1);
    List<RadioMeter> meters = new ArrayList<>();
    Random random = new Random(building.description().seed());
    SetDay setDay = new SetDay(building.description().setDay(), building.meterZone());
    SecurityMode[] modes = {SecurityMode.NONE, SecurityMode.AES_CBC_IV, SecurityMode.AES_CBC_KDF};
    for (int i = 0; i < METERS; i++) {
      DeviceIdentity identity =
          new DeviceIdentity("LUG", String.format(Locale.ROOT, "7700%04d", i + 1), 0x0A, 0x16);
      SecurityMode security = modes[i % modes.length];
      byte[] key = null;
      if (security != SecurityMode.NONE) {
        key = new byte[16];
        random.nextBytes(key);
        try {
          keys.put(KeyFile.Meter.of(identity), key);
        } catch (KeyStore.KeyFileException e) {
          throw new IOException("cannot write the demo key of " + identity + ": " + e.getMessage());
        }
      }
      RadioMeter meter =
          new RadioMeter(
              identity,
              new WaterRecords(
                  ConsumptionModel.water(110 + 10 * i, i, building.meterZone(), 150), setDay),
              RadioProfile.of(
                  LinkMode.T1,
                  security,
                  TransmitSchedule.every(TRANSMIT_EVERY).shiftedBy(Duration.ofSeconds(2L * i))),
              key);
      stick.addMeter(meter, -60 - 7 * i);
      meters.add(meter);
    }
    return new DemoRadio(stick, meters);
  }

  /** Every meter sends once now, so that the first batch has them all. */
  void transmitAll() {
    meters.forEach(stick::transmitNow);
  }

  /** The receivers of the demo: the real iM871A driver, connected to the virtual stick by TCP. */
  ReceiverFactory receivers(Clock clock) {
    return config -> {
      RadioReceiver driver =
          new Im871aStick(
              STICK,
              "tcp://127.0.0.1:" + stick.port() + " (simulated)",
              () -> TcpStickLine.connect("127.0.0.1", stick.port()),
              LinkMode.T1,
              StickTimings.DEFAULT,
              clock);
      return driver;
    };
  }

  /** The configuration lines of the stick; the demo connects it by TCP whatever the device. */
  static String configBlock() {
    return "stick."
        + STICK
        + ".type = im871a\nstick."
        + STICK
        + ".device = /dev/serial/by-id/simulated-im871a\nkeys.path = keys\n";
  }

  int meterCount() {
    return meters.size();
  }

  String where() {
    return "tcp://127.0.0.1:" + stick.port();
  }

  @Override
  public void close() throws IOException {
    stick.close();
  }
}
