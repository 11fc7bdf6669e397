package io.releve.gateway.decode;

import io.releve.gateway.reading.Value;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads the data types of EN 13757-3 Annex A from the bytes of a record (least significant byte
 * first, as the standard sends them) and scales numbers to their canonical unit.
 */
final class DataValues {

  private DataValues() {}

  /** Type B: signed binary integer of 1 to 8 bytes. */
  static long signed(byte[] b, int offset, int length) {
    long value = b[offset + length - 1]; // sign-extended most significant byte
    for (int i = length - 2; i >= 0; i--) {
      value = (value << 8) | (b[offset + i] & 0xFF);
    }
    return value;
  }

  /** Type C: unsigned binary integer of 1 to 8 bytes; an 8-byte value may not fit a long. */
  static BigDecimal unsigned(byte[] b, int offset, int length) {
    if (length == 8 && b[offset + 7] < 0) {
      byte[] bigEndian = new byte[8];
      for (int i = 0; i < 8; i++) {
        bigEndian[i] = b[offset + 7 - i];
      }
      return new BigDecimal(new BigInteger(1, bigEndian));
    }
    long value = 0;
    for (int i = length - 1; i >= 0; i--) {
      value = (value << 8) | (b[offset + i] & 0xFF);
    }
    return BigDecimal.valueOf(value);
  }

  /**
   * Type A: BCD, two digits per byte. A most significant nibble 0xF means negative (EN 13757-3
   * Annex A). Any other nibble above 9 is not a number (meters use them for error states): then the
   * digits are returned as text, most significant first, and never turned into a number.
   */
  static Object bcd(byte[] b, int offset, int length, boolean negative) {
    long value = 0;
    boolean minus = negative;
    for (int i = length - 1; i >= 0; i--) {
      int hi = (b[offset + i] >> 4) & 0x0F;
      int lo = b[offset + i] & 0x0F;
      if (i == length - 1 && hi == 0x0F) {
        minus = true;
        hi = 0;
      }
      if (hi > 9 || lo > 9) {
        return bcdDigits(b, offset, length);
      }
      value = value * 100 + hi * 10 + lo;
    }
    return minus ? -value : value;
  }

  private static String bcdDigits(byte[] b, int offset, int length) {
    StringBuilder digits = new StringBuilder(length * 2);
    for (int i = length - 1; i >= 0; i--) {
      digits.append(Hex.format(b, offset + i, 1));
    }
    return digits.toString();
  }

  /**
   * A number scaled as {@code meaning} says: raw × multiplier × 10^exponent, exactly, keeping the
   * meter's resolution: 88120 at 10^-3 m3 is 88.120 m3, not 88.12 (the leak detector needs to know
   * that this meter counts litres).
   */
  static Value scaled(long raw, VifMeaning meaning) {
    return scaled(BigDecimal.valueOf(raw), meaning);
  }

  static Value scaled(BigDecimal raw, VifMeaning meaning) {
    BigDecimal value = raw;
    if (meaning.multiplier() != 1) {
      value = value.multiply(BigDecimal.valueOf(meaning.multiplier()));
    }
    BigDecimal scaled = value.scaleByPowerOfTen(meaning.exponent());
    if (meaning.multiplier() != 1) {
      // per-minute or per-second rates made hourly: the digits no longer show a resolution
      return Value.of(plain(scaled));
    }
    // never a negative scale, so that JSON shows 800, never 8E+2
    return Value.of(scaled.scale() < 0 ? scaled.setScale(0) : scaled);
  }

  /**
   * Without trailing zeros, and never with a negative scale, so that {@code toPlainString()} and
   * JSON show {@code 12.345} and {@code 800}, never {@code 8E+2}.
   */
  static BigDecimal plain(BigDecimal value) {
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** Type H: IEEE 754 single precision; null for NaN and infinities, which are no number. */
  static BigDecimal real(byte[] b, int offset) {
    float f = Float.intBitsToFloat((int) signed(b, offset, 4));
    if (Float.isNaN(f) || Float.isInfinite(f)) {
      return null;
    }
    return new BigDecimal(Float.toString(f));
  }

  /** ISO-8859-1 text sent last character first (EN 13757-3, LVAR 0x00–0xBF), trimmed. */
  static String reversedText(byte[] b, int offset, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = (char) (b[offset + length - 1 - i] & 0xFF);
    }
    return new String(chars).strip();
  }

  /** Bytes as hex, most significant (last sent) first. */
  static String reversedHex(byte[] b, int offset, int length) {
    byte[] reversed = new byte[length];
    for (int i = 0; i < length; i++) {
      reversed[i] = b[offset + length - 1 - i];
    }
    return Hex.format(reversed);
  }
}
