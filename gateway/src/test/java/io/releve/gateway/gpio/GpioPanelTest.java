package io.releve.gateway.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import io.releve.gateway.config.GpioConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The panel on pi4j's mock provider, ticked by hand: no sleeps, every moment chosen. */
class GpioPanelTest {

  private static final GpioConfig ALL = new GpioConfig(true, 17, 27, 22);
  private static final GpioStatusHolder WELL = new GpioStatusHolder(true, false, false);

  @TempDir Path folder;

  private final AtomicReference<Context> context = new AtomicReference<>();
  private final AtomicInteger announced = new AtomicInteger();
  private GpioPanel panel;

  /** The mock lines, and the context kept so that a test can reach them. */
  private final GpioHardware mock =
      () -> {
        Context c =
            Pi4J.newContextBuilder()
                .add(
                    MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build();
        context.set(c);
        return c;
      };

  @AfterEach
  void closePanel() {
    if (panel != null) {
      panel.close();
    }
  }

  private GpioPanel open(GpioConfig config, GpioStatusHolder status) {
    panel = GpioPanel.open(config, mock, status::get, announced::incrementAndGet);
    if (config.hasButton()) {
      button().mockState(DigitalState.HIGH); // released: the pull-up holds the line high
    }
    return panel;
  }

  private DigitalOutput output(String id) {
    return context.get().registry().get(id, DigitalOutput.class);
  }

  private MockDigitalInput button() {
    return (MockDigitalInput) context.get().registry().get("service-button", DigitalInput.class);
  }

  private static long ms(long millis) {
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }

  /** The LED over one 2-second cycle from {@code startMillis}, sampled every 100 ms. */
  private String cycle(long startMillis) {
    StringBuilder seen = new StringBuilder();
    for (int step = 0; step < 20; step++) {
      panel.tick(ms(startMillis + step * 100L + 50));
      seen.append(output("status-led").state() == DigitalState.HIGH ? '#' : '.');
    }
    return seen.toString();
  }

  @Test
  void allWell_theLedBlinksOnceEveryTwoSeconds() {
    open(ALL, WELL);

    assertEquals("##..................", cycle(0));
    assertEquals(LedPattern.HEARTBEAT, panel.ledPattern());
  }

  @Test
  void uplinkDown_theLedBlinksTwiceEveryTwoSeconds() {
    open(ALL, new GpioStatusHolder(true, true, false));

    assertEquals("##..##..............", cycle(0));
    assertEquals(LedPattern.UPLINK_DOWN, panel.ledPattern());
  }

  @Test
  void anOpenAlert_outranksTheUplink_halfASecondOnAndOff() {
    open(ALL, new GpioStatusHolder(true, true, true));

    assertEquals("#####.....#####.....", cycle(0));
    assertEquals(LedPattern.ALERT, panel.ledPattern());
  }

  @Test
  void aStuckPollLoop_outranksEverything_theLedStaysLit() {
    open(ALL, new GpioStatusHolder(false, true, true));

    assertEquals("####################", cycle(0));
    assertEquals(LedPattern.STALLED, panel.ledPattern());
  }

  @Test
  void aChangeOfState_showsFromTheNextCycle_neverHalfWayThroughOne() {
    GpioStatusHolder status = new GpioStatusHolder(true, false, false);
    open(ALL, status);
    panel.tick(ms(50));

    status.set(true, true, false); // the uplink drops 1 s into the first cycle
    String first = cycle(0);
    String second = cycle(2000);

    assertEquals("##..................", first);
    assertEquals("##..##..............", second);
  }

  @Test
  void aPressHeldThreeSeconds_announcesTheGatewayOnce_whileStillHeld() {
    open(ALL, WELL);
    panel.tick(ms(0));

    button().mockState(DigitalState.LOW); // pressed: the line is pulled to ground
    panel.tick(ms(1000));
    panel.tick(ms(3980)); // 2.98 s held
    int before = announced.get();
    panel.tick(ms(4000)); // 3 s
    panel.tick(ms(9000)); // still held: no second announce
    button().mockState(DigitalState.HIGH);
    panel.tick(ms(9020));
    panel.tick(ms(9100));

    assertEquals(0, before);
    assertEquals(1, announced.get());
    assertEquals(1, panel.longPresses());
    assertEquals(0, panel.shortPresses());
  }

  @Test
  void aShortPress_doesNothing() {
    open(ALL, WELL);
    panel.tick(ms(0));

    button().mockState(DigitalState.LOW);
    panel.tick(ms(1000));
    panel.tick(ms(2500)); // 1.5 s held
    button().mockState(DigitalState.HIGH);
    panel.tick(ms(2520));
    panel.tick(ms(2600));
    panel.tick(ms(8000));

    assertEquals(0, announced.get());
    assertEquals(1, panel.shortPresses());
  }

  @Test
  void contactBounce_shorterThanTheDebounce_isNoPress() {
    open(ALL, WELL);
    panel.tick(ms(0));

    for (long t = 1000; t < 1200; t += 40) { // a 20 ms low every 40 ms, for 200 ms
      button().mockState(DigitalState.LOW);
      panel.tick(ms(t));
      button().mockState(DigitalState.HIGH);
      panel.tick(ms(t + 20));
    }
    panel.tick(ms(6000));

    assertEquals(0, announced.get());
    assertEquals(0, panel.shortPresses());
  }

  @Test
  void aBounceDuringALongPress_doesNotRestartIt() {
    open(ALL, WELL);
    panel.tick(ms(0));

    button().mockState(DigitalState.LOW);
    panel.tick(ms(1000)); // pressed from 1.000 s once it has held 50 ms
    panel.tick(ms(1060));
    button().mockState(DigitalState.HIGH); // a 20 ms bounce at 2.5 s
    panel.tick(ms(2500));
    button().mockState(DigitalState.LOW);
    panel.tick(ms(2520));
    panel.tick(ms(3980));
    int before = announced.get();
    panel.tick(ms(4000)); // 3 s after the press began

    assertEquals(0, before);
    assertEquals(1, announced.get());
  }

  @Test
  void theBusPower_isOnOnceOpen_andOffOnceClosed_withTheLed() {
    open(ALL, WELL);
    DigitalOutput power = output("mbus-power");
    DigitalOutput led = output("status-led");
    panel.tick(ms(50)); // the LED is lit at the start of a heartbeat
    DigitalState powerWhileOpen = power.state();
    DigitalState ledWhileOpen = led.state();

    panel.close();
    panel = null;

    assertEquals(DigitalState.HIGH, powerWhileOpen);
    assertEquals(DigitalState.HIGH, ledWhileOpen);
    assertEquals(DigitalState.LOW, power.state());
    assertEquals(DigitalState.LOW, led.state());
  }

  @Test
  void onlyTheConfiguredLines_areTaken() {
    open(new GpioConfig(true, GpioConfig.NO_LINE, GpioConfig.NO_LINE, 22), WELL);

    assertTrue(panel.active());
    assertEquals(1, context.get().registry().all().size());
    assertEquals(DigitalState.HIGH, output("mbus-power").state());
    assertNull(panel.ledPattern());
  }

  @Test
  void gpioOff_touchesNoHardware() {
    open(GpioConfig.NONE, WELL);

    assertFalse(panel.active());
    assertNull(context.get());
    assertEquals("GPIO is off", panel.absence());
  }

  @Test
  void noGpioChip_theGatewayRunsOnWithoutGpio() {
    panel = GpioPanel.open(ALL, GpioHardware.gpiod(folder), WELL::get, announced::incrementAndGet);

    panel.startTicking();
    panel.tick(ms(5000));

    assertFalse(panel.active());
    assertEquals(
        "IOException: no " + folder.resolve("gpiochip*") + " on this machine", panel.absence());
  }

  @Test
  void aGpioProviderThatCannotLoad_isAbsentHardwareToo() throws Exception {
    // a chip device is there, but this machine is no Pi: pi4j's gpiod provider does not start
    Files.createFile(folder.resolve("gpiochip0"));

    panel = GpioPanel.open(ALL, GpioHardware.gpiod(folder), WELL::get, announced::incrementAndGet);

    assertFalse(panel.active());
    assertTrue(panel.absence() != null && !panel.absence().isBlank(), panel.absence());
  }

  /** The daemon's state as a test sets it. */
  static final class GpioStatusHolder {
    private volatile GatewayStatus status;

    GpioStatusHolder(boolean polling, boolean uplinkDown, boolean alertActive) {
      set(polling, uplinkDown, alertActive);
    }

    void set(boolean polling, boolean uplinkDown, boolean alertActive) {
      status = new GatewayStatus(polling, uplinkDown, alertActive);
    }

    GatewayStatus get() {
      return status;
    }
  }
}
