package io.releve.gateway.sim.building;

import io.releve.gateway.link.SecondaryAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * Writes the user data of one RSP_UD telegram with variable data structure (EN 13757-3:2018 §6): CI
 * 0x72, the 12-byte long header, then data records. The simulated meters use it; the records they
 * write are the ones our decoder reads back.
 */
final class TelegramWriter {

  /** CI field: response with variable data structure and long header (EN 13757-3, table 2). */
  static final int CI_RESPONSE_LONG_HEADER = 0x72;

  /** DIF data field 0x4: 32-bit binary integer. */
  static final int DIF_INT32 = 0x04;

  /** DIF data field 0x2: 16-bit binary integer. */
  static final int DIF_INT16 = 0x02;

  /** DIF storage-number bit: storage 1, the set-day value. */
  static final int DIF_STORAGE_1 = 0x40;

  /** DIF 0x1F: more records follow in the next telegram. */
  static final int DIF_MORE_RECORDS_FOLLOW = 0x1F;

  /** VIF 0x6C: date, type G. */
  static final int VIF_DATE = 0x6C;

  /** VIF 0x6D: date and time, type F when the data field is 32 bits. */
  static final int VIF_DATE_TIME = 0x6D;

  /** Largest user data after CI of one long frame: 252 bytes less the CI itself. */
  private static final int MAX_USER_DATA = 252;

  private final byte[] bytes = new byte[MAX_USER_DATA];
  private int length;

  /**
   * Starts a telegram: CI 0x72 and the long header (identification number BCD least significant
   * byte first, manufacturer, version, device type, access number, status 0, signature 0000: no
   * encryption).
   */
  TelegramWriter(SecondaryAddress address, int accessNumber) {
    put(CI_RESPONSE_LONG_HEADER);
    byte[] identity = address.toBytes();
    System.arraycopy(identity, 0, bytes, length, identity.length);
    length += identity.length;
    put(accessNumber & 0xFF);
    put(0x00); // status: no error, no alarm
    put(0x00); // signature (configuration field) 0000: no encryption
    put(0x00);
  }

  /** A 32-bit signed integer record. */
  TelegramWriter int32(int dif, int vif, long value) {
    put(dif);
    put(vif);
    for (int i = 0; i < 4; i++) {
      put((int) (value >> (8 * i)));
    }
    return this;
  }

  /** A 16-bit signed integer record. */
  TelegramWriter int16(int dif, int vif, int value) {
    put(dif);
    put(vif);
    put(value);
    put(value >> 8);
    return this;
  }

  /**
   * A date-time record of type F (EN 13757-3:2018 Annex A, table A.5): minute, hour with the
   * summer-time flag, day and month with the two-digit year split over their top bits.
   */
  TelegramWriter dateTimeF(int dif, LocalDateTime time, boolean summerTime) {
    int year = time.getYear() % 100;
    put(dif);
    put(VIF_DATE_TIME);
    put(time.getMinute() & 0x3F);
    put((time.getHour() & 0x1F) | (summerTime ? 0x80 : 0));
    put((time.getDayOfMonth() & 0x1F) | (year & 0x07) << 5);
    put((time.getMonthValue() & 0x0F) | (year >> 3) << 4);
    return this;
  }

  /** A type F date-time record of {@code time} on a clock set to {@code zone}. */
  TelegramWriter dateTimeF(int dif, Instant time, ZoneId zone) {
    return dateTimeF(
        dif, LocalDateTime.ofInstant(time, zone), zone.getRules().isDaylightSavings(time));
  }

  /** A date record of type G (EN 13757-3:2018 Annex A, table A.4): 2 bytes. */
  TelegramWriter dateG(int dif, LocalDate date) {
    int year = date.getYear() % 100;
    put(dif);
    put(VIF_DATE);
    put((date.getDayOfMonth() & 0x1F) | (year & 0x07) << 5);
    put((date.getMonthValue() & 0x0F) | (year >> 3) << 4);
    return this;
  }

  /** Ends the telegram with DIF 0x1F: the meter has another telegram for this readout. */
  TelegramWriter moreRecordsFollow() {
    put(DIF_MORE_RECORDS_FOLLOW);
    return this;
  }

  /** The user data, CI first. */
  byte[] toBytes() {
    return Arrays.copyOf(bytes, length);
  }

  private void put(int value) {
    bytes[length++] = (byte) value;
  }
}
