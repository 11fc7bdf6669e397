package io.releve.gateway.link;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a select telegram asks for (EN 13757-3 §5): a secondary address in which any digit of the id
 * may be the wildcard {@code F}, and the manufacturer ({@code FFFF}), version ({@code FF}) or
 * medium ({@code FF}) may be wildcards too. Every slave that matches acknowledges and becomes
 * selected; the others deselect.
 *
 * @param id eight characters, each a digit, {@code A}–{@code E} (hex digits some meters send in
 *     their id, so that {@link #exactly} can name them) or {@code F} (any digit)
 * @param manufacturer the 16-bit manufacturer code, or {@link #ANY_MANUFACTURER}
 * @param version 0–255, or {@link #ANY_BYTE}
 * @param medium 0–255, or {@link #ANY_BYTE}
 */
public record SecondaryAddressMask(String id, int manufacturer, int version, int medium) {

  public static final int ANY_MANUFACTURER = 0xFFFF;
  public static final int ANY_BYTE = 0xFF;
  public static final char ANY_DIGIT = 'F';

  /**
   * Digits 0–9; A–E as some meters send in their BCD id; F the wildcard. Declared before {@link
   * #ALL}, whose construction needs it: static fields are set in the order they are written.
   */
  private static final Pattern ID = Pattern.compile("[0-9A-F]{8}");

  /** Matches every meter: where a wildcard scan starts. */
  public static final SecondaryAddressMask ALL =
      new SecondaryAddressMask("FFFFFFFF", ANY_MANUFACTURER, ANY_BYTE, ANY_BYTE);

  public SecondaryAddressMask {
    Objects.requireNonNull(id, "id");
    id = id.toUpperCase(Locale.ROOT);
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "Secondary address id ["
              + id
              + "] must be eight digits (A-E as some meters send), F standing for any digit.");
    }
    if (manufacturer < 0 || manufacturer > 0xFFFF) {
      throw new IllegalArgumentException(
          "Manufacturer code [" + manufacturer + "] must lie between 0 and 65535 (0xFFFF: any).");
    }
    checkByte("Version", version);
    checkByte("Medium", medium);
  }

  /** A mask that selects exactly {@code address}. */
  public static SecondaryAddressMask exactly(SecondaryAddress address) {
    var identity = address.identity();
    return new SecondaryAddressMask(
        identity.id(),
        SecondaryAddress.manufacturerCode(identity.manufacturer()),
        identity.version(),
        identity.type());
  }

  /** Digits of an id. */
  public static final int ID_DIGITS = 8;

  /** Highest value a digit of a select mask can name: E, since F is the wildcard. */
  public static final int MAX_DIGIT = 0xE;

  /**
   * The same mask with the digit at {@code position} (0 = most significant, 7 = least) set to
   * {@code digit}: 0–9, or 0xA–0xE for the hex digits some meters send in their id.
   *
   * @throws IllegalArgumentException when the position or the digit is out of range
   */
  public SecondaryAddressMask withDigit(int position, int digit) {
    if (position < 0 || position >= ID_DIGITS) {
      throw new IllegalArgumentException(
          "Digit position [" + position + "] must lie between 0 and " + (ID_DIGITS - 1) + ".");
    }
    if (digit < 0 || digit > MAX_DIGIT) {
      throw new IllegalArgumentException(
          "Digit ["
              + digit
              + "] must lie between 0 and 14 (0xE): F (15) is the wildcard, not a digit.");
    }
    char[] digits = id.toCharArray();
    digits[position] = Character.toUpperCase(Character.forDigit(digit, 16));
    return new SecondaryAddressMask(new String(digits), manufacturer, version, medium);
  }

  /** Position of the first wildcard digit, or -1 when the id is complete. */
  public int firstWildcard() {
    return id.indexOf(ANY_DIGIT);
  }

  /** Whether a slave with {@code address} answers this select. */
  public boolean matches(SecondaryAddress address) {
    var identity = address.identity();
    String actual = identity.id();
    for (int i = 0; i < id.length(); i++) {
      if (id.charAt(i) != ANY_DIGIT && id.charAt(i) != actual.charAt(i)) {
        return false;
      }
    }
    return (manufacturer == ANY_MANUFACTURER
            || manufacturer == SecondaryAddress.manufacturerCode(identity.manufacturer()))
        && (version == ANY_BYTE || version == identity.version())
        && (medium == ANY_BYTE || medium == identity.type());
  }

  /** The 8 bytes of the select telegram's data (after CI 0x52). */
  public byte[] toBytes() {
    byte[] bytes = new byte[SecondaryAddress.LENGTH];
    SecondaryAddress.putDigits(id, bytes);
    bytes[4] = (byte) manufacturer;
    bytes[5] = (byte) (manufacturer >> 8);
    bytes[6] = (byte) version;
    bytes[7] = (byte) medium;
    return bytes;
  }

  /** Reads a select telegram's 8 data bytes. */
  public static SecondaryAddressMask fromBytes(byte[] bytes, int offset) {
    SecondaryAddress.checkRoom(bytes, offset);
    return new SecondaryAddressMask(
        SecondaryAddress.digits(bytes, offset),
        (bytes[offset + 4] & 0xFF) | (bytes[offset + 5] & 0xFF) << 8,
        bytes[offset + 6] & 0xFF,
        bytes[offset + 7] & 0xFF);
  }

  private static void checkByte(String what, int value) {
    if (value < 0 || value > 0xFF) {
      throw new IllegalArgumentException(
          what + " [" + value + "] must lie between 0 and 255 (0xFF: any).");
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s.%04X.%02X.%02X", id, manufacturer, version, medium);
  }
}
