package io.releve.gateway.decode;

/**
 * The date and time types of EN 13757-3 Annex A, as ISO-8601 text in the meter's local time (the
 * frame does not say which zone). Each method returns null when the meter marks the value invalid
 * or sends an impossible date (for example {@code 00 00}, "no date set"), so that no date is made
 * up.
 */
final class DateTypes {
  private DateTypes() {}

  /** Type G, 2 bytes: a date. */
  static String typeG(byte[] b, int o) {
    int day = b[o] & 0x1F;
    int month = b[o + 1] & 0x0F;
    int year = year((b[o] & 0xE0) >> 5 | (b[o + 1] & 0xF0) >> 1, 0);
    return isDate(year, month, day) ? date(year, month, day).toString() : null;
  }

  /** Type F, 4 bytes: date and time to the minute; bit 7 of the first byte flags it invalid. */
  static String typeF(byte[] b, int o) {
    if ((b[o] & 0x80) != 0) {
      return null;
    }
    int minute = b[o] & 0x3F;
    int hour = b[o + 1] & 0x1F;
    int hundredYears = (b[o + 1] & 0x60) >> 5;
    int day = b[o + 2] & 0x1F;
    int month = b[o + 3] & 0x0F;
    int year = year((b[o + 2] & 0xE0) >> 5 | (b[o + 3] & 0xF0) >> 1, hundredYears);
    return dateTime(year, month, day, hour, minute, 0);
  }

  /** Type I, 6 bytes: date and time to the second. */
  static String typeI(byte[] b, int o) {
    int second = b[o] & 0x3F;
    int minute = b[o + 1] & 0x3F;
    int hour = b[o + 2] & 0x1F;
    int day = b[o + 3] & 0x1F;
    int month = b[o + 4] & 0x0F;
    int year = year((b[o + 3] & 0xE0) >> 5 | (b[o + 4] & 0xF0) >> 1, 0);
    return dateTime(year, month, day, hour, minute, second);
  }

  /** Type J, 3 bytes: a time of day. */
  static String typeJ(byte[] b, int o) {
    int second = b[o] & 0x3F;
    int minute = b[o + 1] & 0x3F;
    int hour = b[o + 2] & 0x1F;
    if (second > 59 || minute > 59 || hour > 23) {
      return null;
    }
    StringBuilder text = new StringBuilder(8);
    two(text, hour).append(':');
    two(text, minute).append(':');
    return two(text, second).toString();
  }

  /**
   * Two-digit years: with no hundred-year bits, 00–80 are 2000–2080 and 81–99 are 1981–1999 (the
   * compatibility rule of EN 13757-3 for meters with a circular two-digit year).
   */
  private static int year(int yy, int hundredYears) {
    if (yy > 99) {
      return -1;
    }
    if (hundredYears != 0) {
      return 1900 + 100 * hundredYears + yy;
    }
    return yy <= 80 ? 2000 + yy : 1900 + yy;
  }

  private static boolean isDate(int year, int month, int day) {
    return year > 0
        && month >= 1
        && month <= 12
        && day >= 1
        && day <= java.time.YearMonth.of(year, month).lengthOfMonth();
  }

  private static String dateTime(int year, int month, int day, int hour, int minute, int second) {
    if (!isDate(year, month, day) || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    StringBuilder text = date(year, month, day).append('T');
    two(text, hour).append(':');
    two(text, minute).append(':');
    return two(text, second).toString();
  }

  private static StringBuilder date(int year, int month, int day) {
    StringBuilder text = new StringBuilder(19).append(year).append('-');
    two(text, month).append('-');
    return two(text, day);
  }

  private static StringBuilder two(StringBuilder text, int value) {
    return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
