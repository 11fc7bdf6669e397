package io.releve.gateway.sim.building;

import io.releve.gateway.link.SecondaryAddress;
import io.releve.gateway.sim.RecordWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Writes the user data of one RSP_UD telegram with variable data structure (EN 13757-3:2018 §6): CI
 * 0x72, the 12-byte long header, then data records written by {@link RecordWriter}. The simulated
 * meters use it; the records they write are the ones our decoder reads back.
 */
final class TelegramWriter {

  /** CI field: response with variable data structure and long header (EN 13757-3, table 2). */
  static final int CI_RESPONSE_LONG_HEADER = 0x72;

  private final ByteArrayOutputStream header = new ByteArrayOutputStream();
  private final RecordWriter records = new RecordWriter();

  /**
   * Starts a telegram: CI 0x72 and the long header (identification number BCD least significant
   * byte first, manufacturer, version, device type, access number, status 0, signature 0000: no
   * encryption).
   */
  TelegramWriter(SecondaryAddress address, int accessNumber) {
    header.write(CI_RESPONSE_LONG_HEADER);
    header.writeBytes(address.toBytes());
    header.write(accessNumber & 0xFF);
    header.write(0x00); // status: no error, no alarm
    header.write(0x00); // signature (configuration field) 0000: no encryption
    header.write(0x00);
  }

  /** A 32-bit signed integer record. */
  TelegramWriter int32(int dif, int vif, long value) {
    records.int32(dif, vif, value);
    return this;
  }

  /** A 16-bit signed integer record. */
  TelegramWriter int16(int dif, int vif, int value) {
    records.int16(dif, vif, value);
    return this;
  }

  /** A type F date-time record of {@code time} on a clock set to {@code zone}. */
  TelegramWriter dateTimeF(int dif, Instant time, ZoneId zone) {
    records.dateTimeF(dif, time, zone);
    return this;
  }

  /** A date record of type G: 2 bytes. */
  TelegramWriter dateG(int dif, LocalDate date) {
    records.dateG(dif, date);
    return this;
  }

  /** Ends the telegram with DIF 0x1F: the meter has another telegram for this readout. */
  TelegramWriter moreRecordsFollow() {
    records.moreRecordsFollow();
    return this;
  }

  /** The user data, CI first. */
  byte[] toBytes() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(header.toByteArray());
    all.writeBytes(records.toBytes());
    return all.toByteArray();
  }
}
