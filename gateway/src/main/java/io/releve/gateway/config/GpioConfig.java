package io.releve.gateway.config;

import io.releve.common.config.ConfigException;
import io.releve.common.config.ConfigFile;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Pi's GPIO lines (DESIGN §3.5): a status LED, a service button and the M-Bus level converter's
 * power enable, each optional. Line numbers are the Pi's GPIO numbers (BCM), as {@code gpioinfo}
 * lists them on the pin controller, not the header's pin numbers.
 *
 * @param enabled whether the gateway drives GPIO at all ({@code gpio.enabled}, default false)
 * @param led the status LED's line, lit when high; {@link #NO_LINE} for none
 * @param button the service button's line, to ground (pulled up, pressed when low); {@link
 *     #NO_LINE} for none
 * @param busPower the line that powers the M-Bus level converter when high; {@link #NO_LINE} for
 *     none
 */
public record GpioConfig(boolean enabled, int led, int button, int busPower) {

  public static final int NO_LINE = -1;

  /** The highest line of the Pi's pin controllers (54 lines on the Pi 5's RP1, 0 to 53). */
  public static final int MAX_LINE = 53;

  /** No GPIO: the default, and what a server or a container runs with. */
  public static final GpioConfig NONE = new GpioConfig(false, NO_LINE, NO_LINE, NO_LINE);

  private static final Pattern BOOLEAN = Pattern.compile("true|false");

  public GpioConfig {
    for (int line : new int[] {led, button, busPower}) {
      if (line != NO_LINE && (line < 0 || line > MAX_LINE)) {
        throw new IllegalArgumentException(
            "GPIO line [" + line + "] must lie between 0 and " + MAX_LINE + ".");
      }
    }
  }

  public boolean hasLed() {
    return led != NO_LINE;
  }

  public boolean hasButton() {
    return button != NO_LINE;
  }

  public boolean hasBusPower() {
    return busPower != NO_LINE;
  }

  static GpioConfig read(GatewayConfigReader reader) throws ConfigException {
    boolean enabled =
        Boolean.parseBoolean(reader.string("gpio.enabled", "false", BOOLEAN, "true or false"));
    Map<Integer, String> taken = new HashMap<>();
    int led = line(reader, "gpio.led", taken);
    int button = line(reader, "gpio.button", taken);
    int busPower = line(reader, "gpio.bus-power", taken);
    if (enabled && taken.isEmpty()) {
      throw new ConfigException(
          reader.path()
              + ": key [gpio.enabled] is true and no line is set: set gpio.led, gpio.button or"
              + " gpio.bus-power, or leave GPIO off.");
    }
    return new GpioConfig(enabled, led, button, busPower);
  }

  private static int line(GatewayConfigReader reader, String key, Map<Integer, String> taken)
      throws ConfigException {
    int line = reader.integer(key, NO_LINE, 0, MAX_LINE);
    if (line != NO_LINE) {
      String other = taken.putIfAbsent(line, key);
      if (other != null) {
        ConfigFile.Entry entry = reader.entry(key);
        throw reader.bad(entry, "is already the line of " + other + ".");
      }
    }
    return line;
  }
}
