package io.releve.gateway.device;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The link-layer identity of a meter (EN 13757-3 secondary address without the medium byte being a
 * separate concept): manufacturer, identification number, version and device type.
 *
 * <p>This is what the meter says on the bus or in the air. It is not the serial number printed on
 * its label, which residents type: see {@link PrintedSerial}.
 *
 * @param manufacturer three upper-case letters (FLAG association code, e.g. {@code LUG})
 * @param id eight digits, leading zeros kept (the BCD identification number); some real meters send
 *     hex digits A–F here, which are kept as sent, upper case
 * @param version 0–255
 * @param type device type byte 0–255 (EN 13757-3 table of media, see {@link Medium})
 */
public record DeviceIdentity(String manufacturer, String id, int version, int type) {

  private static final Pattern MANUFACTURER = Pattern.compile("[A-Z@]{3}");
  private static final Pattern ID = Pattern.compile("[0-9A-F]{8}");

  public DeviceIdentity {
    Objects.requireNonNull(manufacturer, "manufacturer");
    Objects.requireNonNull(id, "id");
    manufacturer = manufacturer.toUpperCase(Locale.ROOT);
    if (!MANUFACTURER.matcher(manufacturer).matches()) {
      throw new IllegalArgumentException(
          "Manufacturer [" + manufacturer + "] must be three letters, such as LUG.");
    }
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "Id [" + id + "] must be exactly eight digits (0-9, or A-F as some meters send).");
    }
    checkByte("Version", version);
    checkByte("Device type", type);
  }

  /** The medium this device type stands for. */
  public Medium medium() {
    return Medium.fromCode(type);
  }

  /** A stable text key, {@code MAN-IIIIIIII-VV-TT} in hex for version and type. */
  public String key() {
    return String.format(Locale.ROOT, "%s-%s-%02X-%02X", manufacturer, id, version, type);
  }

  /** Parses what {@link #key()} makes. */
  public static DeviceIdentity parseKey(String key) {
    String[] parts = key.split("-");
    if (parts.length != 4) {
      throw new IllegalArgumentException(
          "Device key [" + key + "] must look like LUG-12345678-0A-07.");
    }
    try {
      return new DeviceIdentity(
          parts[0], parts[1], Integer.parseInt(parts[2], 16), Integer.parseInt(parts[3], 16));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Device key [" + key + "] must give version and type in hex.", e);
    }
  }

  private static void checkByte(String what, int value) {
    if (value < 0 || value > 0xFF) {
      throw new IllegalArgumentException(what + " [" + value + "] must lie between 0 and 255.");
    }
  }

  @Override
  public String toString() {
    return key();
  }
}
