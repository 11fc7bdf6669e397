package io.releve.gateway.config;

import io.releve.common.config.ConfigException;
import io.releve.gateway.radio.LinkMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The radio receivers and how their telegrams are merged (DESIGN §3.1).
 *
 * @param duplicateWindow how long copies of one telegram are dropped after the first ({@code
 *     radio.duplicate-window}, default 30s)
 * @param sensitivityDbm the weakest signal a receiver is trusted to hear ({@code
 *     radio.sensitivity}, default -105): the survey gives each meter's margin over it
 * @param receivers the sticks, then the rtl_wmbus readers, each in name order
 */
public record RadioConfig(Duration duplicateWindow, int sensitivityDbm, List<Receiver> receivers) {

  public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofSeconds(30);
  public static final int DEFAULT_SENSITIVITY_DBM = -105;

  /** No receivers, default settings. */
  public static final RadioConfig NONE =
      new RadioConfig(DEFAULT_DUPLICATE_WINDOW, DEFAULT_SENSITIVITY_DBM, List.of());

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
  private static final Pattern ANY = Pattern.compile(".+");
  private static final String SERIAL_BY_ID = "/dev/serial/by-id/";
  private static final String PSEUDO_TERMINAL = "/dev/pts/";

  public RadioConfig {
    Objects.requireNonNull(duplicateWindow, "duplicateWindow");
    receivers = List.copyOf(receivers);
  }

  /** The link modes a receiver listens in, as configured. */
  public enum Modes {
    /** T1 and C1 together, 868.95 MHz. */
    T1C1(EnumSet.of(LinkMode.T1, LinkMode.C1)),
    /** S1, 868.3 MHz. */
    S1(EnumSet.of(LinkMode.S1)),
    /** All three: rtl_wmbus only, tuned between both frequencies ({@code rtl_wmbus -s}). */
    ALL(EnumSet.allOf(LinkMode.class));

    private final Set<LinkMode> linkModes;

    Modes(Set<LinkMode> linkModes) {
      this.linkModes = linkModes;
    }

    public Set<LinkMode> linkModes() {
      return EnumSet.copyOf(linkModes);
    }
  }

  /** A configured receiver. */
  public sealed interface Receiver permits Stick, RtlWmbus {
    /** Its name in readings and logs: {@code stick.NAME} or {@code rtlwmbus.NAME}. */
    String name();

    Modes modes();
  }

  /** The USB sticks Relevé drives. */
  public enum StickType {
    IM871A,
    AMBER
  }

  /**
   * A USB stick ({@code stick.NAME.*}).
   *
   * @param device its serial port, by id (or a pseudo-terminal for the simulator)
   */
  public record Stick(String name, StickType type, Path device, Modes modes) implements Receiver {
    public Stick {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(device, "device");
      Objects.requireNonNull(modes, "modes");
    }
  }

  /**
   * An {@code rtl_wmbus} reader ({@code rtlwmbus.NAME.*}): exactly one of {@code command} and
   * {@code pipe} is present.
   *
   * @param command a shell command whose standard output is rtl_wmbus lines, restarted when it ends
   * @param pipe a named pipe (or a recorded file, read once) of rtl_wmbus lines
   * @param rssiOffsetDb added to rtl_wmbus's uncalibrated packet level to give dBm; without it the
   *     frames carry no RSSI
   */
  public record RtlWmbus(
      String name,
      Optional<String> command,
      Optional<Path> pipe,
      Modes modes,
      Optional<Integer> rssiOffsetDb)
      implements Receiver {
    public RtlWmbus {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(pipe, "pipe");
      Objects.requireNonNull(modes, "modes");
      Objects.requireNonNull(rssiOffsetDb, "rssiOffsetDb");
      if (command.isPresent() == pipe.isPresent()) {
        throw new IllegalArgumentException("Exactly one of command and pipe must be given.");
      }
    }
  }

  static RadioConfig read(GatewayConfigReader reader) throws ConfigException {
    Duration window =
        reader.duration(
            "radio.duplicate-window",
            DEFAULT_DUPLICATE_WINDOW,
            Duration.ofSeconds(1),
            Duration.ofMinutes(10));
    int sensitivity = reader.integer("radio.sensitivity", DEFAULT_SENSITIVITY_DBM, -130, -50);
    List<Receiver> receivers = new ArrayList<>();
    for (String name : reader.names("stick")) {
      receivers.add(readStick(reader, name));
    }
    for (String name : reader.names("rtlwmbus")) {
      receivers.add(readRtlWmbus(reader, name));
    }
    return new RadioConfig(window, sensitivity, receivers);
  }

  private static void checkName(GatewayConfigReader reader, String kind, String name)
      throws ConfigException {
    if (!NAME.matcher(name).matches()) {
      throw new ConfigException(
          reader.path()
              + ": "
              + kind
              + " name ["
              + name
              + "] must be lower-case letters, digits, dashes or underscores.");
    }
  }

  private static Stick readStick(GatewayConfigReader reader, String name) throws ConfigException {
    String prefix = "stick." + name;
    checkName(reader, "stick", name);
    StickType type = reader.choice(prefix + ".type", null, StickType.class);
    if (type == null) {
      throw new ConfigException(
          reader.path() + ": key [" + prefix + ".type] is required (im871a or amber).");
    }
    String device = reader.requiredString(prefix + ".device", ANY, "the stick's serial port");
    boolean named =
        (device.startsWith(SERIAL_BY_ID) && device.length() > SERIAL_BY_ID.length())
            || (device.startsWith(PSEUDO_TERMINAL) && device.length() > PSEUDO_TERMINAL.length());
    if (!named || device.endsWith("/")) {
      throw reader.bad(
          reader.entry(prefix + ".device"),
          "must name the port by " + SERIAL_BY_ID + "… so that it survives a replug.");
    }
    Modes modes = reader.choice(prefix + ".mode", Modes.T1C1, Modes.class);
    if (modes == Modes.ALL) {
      throw reader.bad(
          reader.entry(prefix + ".mode"),
          "a stick hears S1, or T1 and C1 together, never all three: t1c1 or s1.");
    }
    return new Stick("stick." + name, type, Path.of(device), modes);
  }

  private static RtlWmbus readRtlWmbus(GatewayConfigReader reader, String name)
      throws ConfigException {
    String prefix = "rtlwmbus." + name;
    checkName(reader, "rtlwmbus", name);
    boolean hasCommand = reader.entry(prefix + ".command") != null;
    boolean hasPipe = reader.entry(prefix + ".pipe") != null;
    if (hasCommand == hasPipe) {
      throw new ConfigException(
          reader.path()
              + ": rtlwmbus receiver ["
              + name
              + "] needs exactly one of "
              + prefix
              + ".command and "
              + prefix
              + ".pipe.");
    }
    Optional<String> command =
        Optional.ofNullable(reader.string(prefix + ".command", null, ANY, "a shell command"));
    Optional<Path> pipe =
        hasPipe ? Optional.of(reader.path(prefix + ".pipe", "")) : Optional.empty();
    Modes modes = reader.choice(prefix + ".mode", Modes.T1C1, Modes.class);
    int offset = reader.integer(prefix + ".rssi-offset", Integer.MIN_VALUE, -200, 0);
    Optional<Integer> rssiOffset =
        offset == Integer.MIN_VALUE ? Optional.empty() : Optional.of(offset);
    return new RtlWmbus("rtlwmbus." + name, command, pipe, modes, rssiOffset);
  }
}
