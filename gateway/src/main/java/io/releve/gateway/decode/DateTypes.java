package io.releve.gateway.decode;

/**
 * The date and time types of EN 13757-3 Annex A, as ISO-8601 text in the meter's local time (the
 * frame does not say which zone). Each method returns null when the meter marks the value invalid
 * or sends an impossible date (for example {@code 00 00}, "no date set"), so that no date is made
 * up.
 */
final class DateTypes {
  /** Type I, second byte, bit 7: the meter marks the date and time invalid. */
  private static final int TYPE_I_INVALID = 0x80;

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

  /** Type I, 6 bytes: date and time to the second, as ISO-8601 text; null when invalid. */
  static String typeI(byte[] b, int o) {
    TypeIDateTime dateTime = typeIFields(b, o);
    return dateTime == null ? null : dateTime.text();
  }

  /**
   * Type I with all its fields (EN 13757-3:2018 Annex A). Byte by byte, least significant first:
   * second (bits 0–5), daylight saving (6), leap year (7); minute (0–5), sign of the
   * daylight-saving deviation (6), invalid (7); hour (0–4), day of week (5–7); day (0–4), year bits
   * 0–2 (5–7); month (0–3), year bits 3–6 (4–7); week (0–5), daylight-saving deviation in hours
   * (6–7). Null when the meter flags the value invalid or sends no calendar date (day or month 0, a
   * "every hour" marker such as hour 31, year 127).
   */
  static TypeIDateTime typeIFields(byte[] b, int o) {
    if ((b[o + 1] & TYPE_I_INVALID) != 0) {
      return null;
    }
    int second = b[o] & 0x3F;
    int minute = b[o + 1] & 0x3F;
    int hour = b[o + 2] & 0x1F;
    int day = b[o + 3] & 0x1F;
    int month = b[o + 4] & 0x0F;
    int year = year((b[o + 3] & 0xE0) >> 5 | (b[o + 4] & 0xF0) >> 1, 0);
    if (!isDate(year, month, day) || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int deviation = (b[o + 5] & 0xC0) >> 6;
    boolean positive = (b[o + 1] & 0x40) != 0;
    return new TypeIDateTime(
        java.time.LocalDateTime.of(year, month, day, hour, minute, second),
        (b[o + 2] & 0xE0) >> 5,
        b[o + 5] & 0x3F,
        (b[o] & 0x40) != 0,
        positive ? deviation : -deviation,
        (b[o] & 0x80) != 0);
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

  static String dateTime(int year, int month, int day, int hour, int minute, int second) {
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
