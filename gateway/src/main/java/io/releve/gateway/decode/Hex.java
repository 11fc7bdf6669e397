package io.releve.gateway.decode;

/** Hexadecimal text to bytes and back, without regular expressions (it runs per frame). */
public final class Hex {
  private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

  private Hex() {}

  /**
   * Parses hex digits, ignoring whitespace anywhere.
   *
   * @throws FrameRejectedException with {@link RejectionReason#BAD_HEX} naming the bad character
   *     and its position, or an odd digit count
   */
  public static byte[] parse(CharSequence text) throws FrameRejectedException {
    byte[] out = new byte[text.length() / 2];
    int digits = 0;
    int high = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        continue;
      }
      int value = Character.digit(c, 16);
      if (value < 0) {
        throw new FrameRejectedException(
            RejectionReason.BAD_HEX,
            "Hex text has [" + c + "] at index " + i + "; only 0-9, A-F and spaces are allowed.");
      }
      if ((digits & 1) == 0) {
        high = value;
      } else {
        out[digits >> 1] = (byte) ((high << 4) | value);
      }
      digits++;
    }
    if ((digits & 1) != 0) {
      throw new FrameRejectedException(
          RejectionReason.BAD_HEX, "Hex text has an odd number of digits (" + digits + ").");
    }
    if (digits == 0) {
      throw new FrameRejectedException(RejectionReason.BAD_HEX, "Hex text is empty.");
    }
    return digits / 2 == out.length ? out : java.util.Arrays.copyOf(out, digits / 2);
  }

  /** Upper-case hex of {@code length} bytes from {@code offset}, no separators. */
  public static String format(byte[] bytes, int offset, int length) {
    char[] out = new char[length * 2];
    for (int i = 0; i < length; i++) {
      int b = bytes[offset + i] & 0xFF;
      out[2 * i] = DIGITS[b >>> 4];
      out[2 * i + 1] = DIGITS[b & 0x0F];
    }
    return new String(out);
  }

  public static String format(byte[] bytes) {
    return format(bytes, 0, bytes.length);
  }

  /** {@code 0x}-prefixed two-digit hex of one byte, as messages show it. */
  static String ofByte(int value) {
    return "0x" + DIGITS[(value >>> 4) & 0x0F] + DIGITS[value & 0x0F];
  }
}
