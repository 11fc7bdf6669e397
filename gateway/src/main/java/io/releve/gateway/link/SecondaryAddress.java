package io.releve.gateway.link;

import io.releve.gateway.device.DeviceIdentity;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A meter's secondary address as the select telegram carries it (EN 13757-3 §5, 8 bytes):
 * identification number in BCD with the least significant byte first, manufacturer code (two bytes,
 * little-endian), version and device type (medium).
 *
 * @param identity the meter it names; its 8-digit id, manufacturer, version and type
 */
public record SecondaryAddress(DeviceIdentity identity) {

  /** Bytes of a secondary address in the select telegram and in the long header. */
  public static final int LENGTH = 8;

  /** What {@link DeviceIdentity} accepts as a manufacturer ({@code @} codes 0). */
  private static final Pattern MANUFACTURER = Pattern.compile("[A-Z@]{3}");

  public SecondaryAddress {
    Objects.requireNonNull(identity, "identity");
  }

  /**
   * Reads the 8 bytes at {@code offset} (id, manufacturer, version, medium).
   *
   * @throws IllegalArgumentException when fewer than 8 bytes follow {@code offset}, or the
   *     manufacturer code names no three letters
   */
  public static SecondaryAddress fromBytes(byte[] bytes, int offset) {
    checkRoom(bytes, offset);
    String id = digits(bytes, offset);
    int code = (bytes[offset + 4] & 0xFF) | (bytes[offset + 5] & 0xFF) << 8;
    return new SecondaryAddress(
        new DeviceIdentity(
            manufacturerLetters(code), id, bytes[offset + 6] & 0xFF, bytes[offset + 7] & 0xFF));
  }

  /** The 8 bytes of this address. */
  public byte[] toBytes() {
    byte[] bytes = new byte[LENGTH];
    putDigits(identity.id(), bytes);
    int code = manufacturerCode(identity.manufacturer());
    bytes[4] = (byte) code;
    bytes[5] = (byte) (code >> 8);
    bytes[6] = (byte) identity.version();
    bytes[7] = (byte) identity.type();
    return bytes;
  }

  /** The address as installers write it: {@code 12345678.LUG.0A.07} (id, manufacturer, hex). */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s.%s.%02X.%02X",
        identity.id(),
        identity.manufacturer(),
        identity.version(),
        identity.type());
  }

  /**
   * The 16-bit manufacturer code of three letters (EN 13757-3: 5 bits a letter, A = 1).
   *
   * @throws IllegalArgumentException unless {@code letters} is three upper-case letters
   */
  public static int manufacturerCode(String letters) {
    if (letters == null || !MANUFACTURER.matcher(letters).matches()) {
      throw new IllegalArgumentException(
          "Manufacturer [" + letters + "] must be three upper-case letters, such as LUG.");
    }
    return (letters.charAt(0) - 64) << 10
        | (letters.charAt(1) - 64) << 5
        | (letters.charAt(2) - 64);
  }

  /** The three letters of a 16-bit manufacturer code. */
  public static String manufacturerLetters(int code) {
    return new String(
        new char[] {
          (char) ((code >> 10 & 0x1F) + 64),
          (char) ((code >> 5 & 0x1F) + 64),
          (char) ((code & 0x1F) + 64)
        });
  }

  /** Fails unless 8 bytes follow {@code offset} in {@code bytes}. */
  static void checkRoom(byte[] bytes, int offset) {
    if (offset < 0 || offset > bytes.length - LENGTH) {
      throw new IllegalArgumentException(
          "A secondary address takes 8 bytes; "
              + bytes.length
              + " bytes leave no room for one at offset "
              + offset
              + ".");
    }
  }

  /** Eight BCD digits (hex digits are kept as sent), most significant first. */
  static String digits(byte[] bytes, int offset) {
    StringBuilder id = new StringBuilder(8);
    for (int i = 3; i >= 0; i--) {
      id.append(String.format(Locale.ROOT, "%02X", bytes[offset + i] & 0xFF));
    }
    return id.toString();
  }

  /** Writes eight digits (0-9, A-F) as four bytes, least significant first. */
  static void putDigits(String digits, byte[] bytes) {
    for (int i = 0; i < 4; i++) {
      int pair = Integer.parseInt(digits.substring(6 - 2 * i, 8 - 2 * i), 16);
      bytes[i] = (byte) pair;
    }
  }
}
