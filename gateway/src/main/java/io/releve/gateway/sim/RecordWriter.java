package io.releve.gateway.sim;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Writes EN 13757-3:2018 data records (DIF, VIF, data, least significant byte first): the
 * application data of the telegrams the simulated meters send, wired and radio.
 */
public final class RecordWriter {

  /** DIF data field 0x4: 32-bit binary integer. */
  public static final int DIF_INT32 = 0x04;

  /** DIF data field 0x2: 16-bit binary integer. */
  public static final int DIF_INT16 = 0x02;

  /** DIF storage-number bit 0x40: storage 1, the set-day value. */
  public static final int DIF_STORAGE_1 = 0x40;

  /** VIF 0x6C: date, type G (EN 13757-3 Annex A table A.4). */
  public static final int VIF_DATE = 0x6C;

  /** VIF 0x6D: date and time, type F with a 32-bit data field (table A.5). */
  public static final int VIF_DATE_TIME = 0x6D;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** A 32-bit signed integer record. */
  public RecordWriter int32(int dif, int vif, long value) {
    out.write(dif);
    out.write(vif);
    for (int i = 0; i < 4; i++) {
      out.write((int) (value >> (8 * i)));
    }
    return this;
  }

  /** A 16-bit signed integer record. */
  public RecordWriter int16(int dif, int vif, int value) {
    out.write(dif);
    out.write(vif);
    out.write(value);
    out.write(value >> 8);
    return this;
  }

  /** A type F date-time record of {@code time} on a clock set to {@code zone}. */
  public RecordWriter dateTimeF(int dif, Instant time, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(time, zone);
    boolean summer = zone.getRules().isDaylightSavings(time);
    int year = local.getYear() % 100;
    out.write(dif);
    out.write(VIF_DATE_TIME);
    out.write(local.getMinute() & 0x3F);
    out.write((local.getHour() & 0x1F) | (summer ? 0x80 : 0));
    out.write((local.getDayOfMonth() & 0x1F) | (year & 0x07) << 5);
    out.write((local.getMonthValue() & 0x0F) | (year >> 3) << 4);
    return this;
  }

  /** A type G date record: 2 bytes. */
  public RecordWriter dateG(int dif, LocalDate date) {
    int year = date.getYear() % 100;
    out.write(dif);
    out.write(VIF_DATE);
    out.write((date.getDayOfMonth() & 0x1F) | (year & 0x07) << 5);
    out.write((date.getMonthValue() & 0x0F) | (year >> 3) << 4);
    return this;
  }

  /** DIF 0x1F: more records follow in the next telegram. */
  public static final int DIF_MORE_RECORDS_FOLLOW = 0x1F;

  /** Ends the records with DIF 0x1F: the meter has another telegram for this readout. */
  public RecordWriter moreRecordsFollow() {
    out.write(DIF_MORE_RECORDS_FOLLOW);
    return this;
  }

  /** The records written so far. */
  public byte[] toBytes() {
    return out.toByteArray();
  }
}
