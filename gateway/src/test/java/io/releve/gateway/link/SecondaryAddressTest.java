package io.releve.gateway.link;

import static io.releve.gateway.link.Telegrams.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.releve.gateway.device.DeviceIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 8 bytes of a secondary address (EN 13757-3): identification number in BCD, least significant
 * byte first; manufacturer code little-endian, 5 bits a letter with A = 1; version; medium.
 */
class SecondaryAddressTest {

  @Test
  void toBytes_waterMeter_isBcdIdLsbFirstThenManufacturerVersionMedium() {
    // LUG = 12·1024 + 21·32 + 7 = 0x32A7
    assertEquals("78 56 34 12 A7 32 0A 07", hex(Telegrams.WATER.toBytes()));
  }

  @Test
  void fromBytes_atAnOffset_readsTheSameAddressBack() {
    byte[] frame = Telegrams.rspUd(1, Telegrams.WATER, 0, false);

    assertEquals(Telegrams.WATER, SecondaryAddress.fromBytes(frame, 7));
  }

  @Test
  void fromBytes_realHeader_namesTheMeter() {
    // id 12345678, ELS (0x1593), version 0x33, water: the header of a wired water meter telegram
    SecondaryAddress address = SecondaryAddress.fromBytes(hex("78563412 9315 33 07"), 0);

    assertEquals(new DeviceIdentity("ELS", "12345678", 0x33, 0x07), address.identity());
    assertEquals("12345678.ELS.33.07", address.toString());
  }

  @Test
  void hexDigitsInTheId_areKeptAsSentBothWays() {
    SecondaryAddress address = Telegrams.water("12AB34CD");

    assertEquals("CD 34 AB 12", hex(address.toBytes()).substring(0, 11));
    assertEquals(address, SecondaryAddress.fromBytes(address.toBytes(), 0));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"AAA, 0x0421", "ELS, 0x1593", "KAM, 0x2C2D", "LUG, 0x32A7", "ZZZ, 0x6B5A"})
  void manufacturerCode_threeLetters_fiveBitsEachAIsOne(String letters, String code) {
    int expected = Integer.decode(code);
    assertEquals(expected, SecondaryAddress.manufacturerCode(letters));
    assertEquals(letters, SecondaryAddress.manufacturerLetters(expected));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "LU", "LUGX", "lug", "L1G"})
  void manufacturerCode_notThreeUpperCaseLetters_isRefusedNamingIt(String letters) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SecondaryAddress.manufacturerCode(letters));
    assertEquals(
        "Manufacturer [" + letters + "] must be three upper-case letters, such as LUG.",
        e.getMessage());
  }

  @Test
  void fromBytes_wildcardManufacturer_isNoMeterAddress() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SecondaryAddress.fromBytes(hex("78563412 FFFF 0A 07"), 0));
    assertEquals("Manufacturer [___] must be three letters, such as LUG.", e.getMessage());
  }

  @Test
  void fromBytes_tooFewBytes_isRefusedNamingTheOffset() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SecondaryAddress.fromBytes(new byte[10], 3));
    assertEquals(
        "A secondary address takes 8 bytes; 10 bytes leave no room for one at offset 3.",
        e.getMessage());
  }

  @Test
  void new_withoutIdentity_isRefused() {
    assertThrows(NullPointerException.class, () -> new SecondaryAddress(null));
  }
}
