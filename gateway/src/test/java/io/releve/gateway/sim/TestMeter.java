package io.releve.gateway.sim;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.link.SecondaryAddress;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A water meter with fixed telegrams, built by hand (EN 13757-3): CI 0x72, the long header (id BCD
 * least significant byte first, manufacturer, version, medium, access number, status, signature),
 * then one volume record {@code 04 13 vvvvvvvv} (litres, 32-bit integer), and DIF 0x1F on every
 * telegram but the last. Telegram {@code i} reads {@code litres + i}, so tests can tell them apart.
 */
final class TestMeter implements SimulatedMeter {
  static final int CI_LONG_HEADER = 0x72;
  static final int DIF_MORE_RECORDS_FOLLOW = 0x1F;
  static final int MEDIUM_WATER = 0x07;

  private final SecondaryAddress address;
  private final int telegrams;
  private final int litres;
  private int accessNumber;
  private int readouts;

  TestMeter(String id, int telegrams, int litres) {
    this(
        new SecondaryAddress(new DeviceIdentity("LUG", id, 0x0A, MEDIUM_WATER)), telegrams, litres);
  }

  TestMeter(SecondaryAddress address, int telegrams, int litres) {
    this.address = address;
    this.telegrams = telegrams;
    this.litres = litres;
  }

  static TestMeter single(String id) {
    return new TestMeter(id, 1, 1234);
  }

  @Override
  public SecondaryAddress address() {
    return address;
  }

  /** Readouts started so far. */
  synchronized int readouts() {
    return readouts;
  }

  @Override
  public synchronized List<byte[]> readout(Instant now) {
    readouts++;
    accessNumber = (accessNumber + 1) & 0xFF;
    List<byte[]> result = new ArrayList<>();
    for (int i = 0; i < telegrams; i++) {
      result.add(telegram(i, i < telegrams - 1));
    }
    return result;
  }

  private byte[] telegram(int index, boolean more) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.write(CI_LONG_HEADER);
    data.writeBytes(address.toBytes());
    data.write(accessNumber);
    data.write(0x00); // status
    data.write(0x00); // signature
    data.write(0x00);
    data.write(0x04); // DIF: 32-bit integer
    data.write(0x13); // VIF: volume, litres
    int value = litres + index;
    for (int i = 0; i < 4; i++) {
      data.write(value >> (8 * i));
    }
    if (more) {
      data.write(DIF_MORE_RECORDS_FOLLOW);
    }
    return data.toByteArray();
  }

  /** The volume, in litres, of an RSP_UD long frame this meter sent. */
  static int litres(byte[] frame) {
    int p = 7 + 12 + 2; // 68 L L 68 C A CI, the long header, DIF and VIF
    return (frame[p] & 0xFF)
        | (frame[p + 1] & 0xFF) << 8
        | (frame[p + 2] & 0xFF) << 16
        | (frame[p + 3] & 0xFF) << 24;
  }
}
