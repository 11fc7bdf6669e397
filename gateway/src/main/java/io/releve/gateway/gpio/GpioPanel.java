package io.releve.gateway.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import io.releve.common.concurrent.Tickers;
import io.releve.gateway.config.GpioConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's GPIO (DESIGN §3.5): the status LED, the service button and the M-Bus power enable,
 * all optional. The bus power goes on when the panel opens and off when it closes. Absent hardware
 * is not an error: one warning, and a panel that does nothing.
 */
public final class GpioPanel implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GpioPanel.class);

  /** How often the button is sampled and the LED set: well under the debounce time. */
  static final Duration TICK = Duration.ofMillis(20);

  private final Context context;
  private final StatusLed led;
  private final ServiceButton button;
  private final DigitalOutput busPower;
  private final String absence;
  private ScheduledExecutorService ticker;

  private GpioPanel(
      Context context,
      StatusLed led,
      ServiceButton button,
      DigitalOutput busPower,
      String absence) {
    this.context = context;
    this.led = led;
    this.button = button;
    this.busPower = busPower;
    this.absence = absence;
  }

  /** A panel that does nothing: GPIO is off in the configuration. */
  public static GpioPanel none() {
    return new GpioPanel(null, null, null, null, "GPIO is off");
  }

  /**
   * Takes the configured lines and powers the M-Bus (the caller then {@link #startTicking()}s, or a
   * test ticks by hand).
   *
   * @param status read at the start of each LED cycle
   * @param reannounce run on a long press of the service button, on the panel's thread
   */
  public static GpioPanel open(
      GpioConfig config,
      GpioHardware hardware,
      Supplier<GatewayStatus> status,
      Runnable reannounce) {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reannounce, "reannounce");
    if (!config.enabled()) {
      return none();
    }
    Context context = null;
    try {
      context = hardware.open();
      StatusLed led =
          config.hasLed()
              ? new StatusLed(output(context, "status-led", config.led()), status)
              : null;
      ServiceButton button =
          config.hasButton()
              ? new ServiceButton(input(context, "service-button", config.button()), reannounce)
              : null;
      DigitalOutput busPower =
          config.hasBusPower() ? output(context, "mbus-power", config.busPower()) : null;
      if (busPower != null) {
        busPower.high();
        LOG.info("gpio: M-Bus power on (line {})", config.busPower());
      }
      return new GpioPanel(context, led, button, busPower, null);
    } catch (Exception | LinkageError e) {
      // LinkageError: the provider's native library does not load on this machine
      String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
      LOG.warn("gpio: no GPIO, the gateway runs without LED, button and M-Bus power ({})", reason);
      if (context != null) {
        shutDown(context);
      }
      return new GpioPanel(null, null, null, null, reason);
    }
  }

  private static DigitalOutput output(Context context, String id, int line) {
    return context
        .dout()
        .create(
            DigitalOutput.newConfigBuilder(context)
                .id(id)
                .address(line)
                .initial(DigitalState.LOW)
                .shutdown(DigitalState.LOW)
                .build());
  }

  private static DigitalInput input(Context context, String id, int line) {
    return context
        .din()
        .create(
            DigitalInput.newConfigBuilder(context)
                .id(id)
                .address(line)
                .pull(PullResistance.PULL_UP)
                .build());
  }

  /** Whether the panel drives real lines; false when GPIO is off or absent. */
  public boolean active() {
    return context != null;
  }

  /** Why the panel does nothing, or null when it is active. */
  public String absence() {
    return absence;
  }

  /** Ticks every {@link #TICK} on a daemon thread until {@link #close()}. */
  public synchronized GpioPanel startTicking() {
    if (active() && ticker == null) {
      ticker = Tickers.daemon("releve-gpio");
      long start = System.nanoTime();
      ticker.scheduleAtFixedRate(
          () -> safeTick(System.nanoTime() - start), 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }
    return this;
  }

  private void safeTick(long sinceStart) {
    try {
      tick(sinceStart);
    } catch (RuntimeException e) {
      // a failing line must not end the ticks (a scheduled task that throws is never run again)
      LOG.warn("gpio: tick failed: {}", e.toString());
    }
  }

  /** Samples the button and sets the LED for the moment {@code sinceStartNanos} after the start. */
  public synchronized void tick(long sinceStartNanos) {
    if (led != null) {
      led.tick(sinceStartNanos);
    }
    if (button != null) {
      button.tick(sinceStartNanos);
    }
  }

  /** The pattern the LED plays, null without LED or before the first tick. */
  public synchronized LedPattern ledPattern() {
    return led == null ? null : led.pattern();
  }

  /** Long presses of the service button so far. */
  public synchronized int longPresses() {
    return button == null ? 0 : button.longPresses();
  }

  /** Short presses (released before three seconds, ignored) so far. */
  public synchronized int shortPresses() {
    return button == null ? 0 : button.shortPresses();
  }

  /** Stops the ticks, switches the LED and the M-Bus power off and frees the lines. */
  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = ticker;
      ticker = null;
    }
    if (t != null) {
      Tickers.stop(t, Duration.ofSeconds(1));
    }
    if (context == null) {
      return;
    }
    synchronized (this) {
      if (led != null) {
        led.off();
      }
      if (busPower != null) {
        busPower.low();
        LOG.info("gpio: M-Bus power off");
      }
    }
    shutDown(context);
  }

  private static void shutDown(Context context) {
    try {
      context.shutdown();
    } catch (RuntimeException e) {
      LOG.warn("gpio: pi4j did not shut down cleanly: {}", e.toString());
    }
  }
}
