package io.releve.gateway.link;

import static io.releve.gateway.link.SecondaryAddressMask.ANY_BYTE;
import static io.releve.gateway.link.SecondaryAddressMask.ANY_MANUFACTURER;
import static io.releve.gateway.link.Telegrams.hex;
import static io.releve.gateway.link.Telegrams.water;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.device.DeviceIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Select masks (EN 13757-3 §5): any id digit may be the wildcard F, the manufacturer FFFF, the
 * version and the medium FF.
 */
class SecondaryAddressMaskTest {
  private static final int LUG = SecondaryAddress.manufacturerCode("LUG");

  @Test
  void all_isEveryByteFF() {
    assertEquals("FF FF FF FF FF FF FF FF", hex(SecondaryAddressMask.ALL.toBytes()));
    assertEquals("FFFFFFFF.FFFF.FF.FF", SecondaryAddressMask.ALL.toString());
    assertTrue(SecondaryAddressMask.ALL.matches(Telegrams.WATER));
  }

  @Test
  void exactly_givesTheAddressOwnBytesAndMatchesOnlyIt() {
    SecondaryAddressMask mask = SecondaryAddressMask.exactly(Telegrams.WATER);

    assertEquals(hex(Telegrams.WATER.toBytes()), hex(mask.toBytes()));
    assertEquals(-1, mask.firstWildcard());
    assertTrue(mask.matches(Telegrams.WATER));
    assertFalse(mask.matches(water("12345679")));
    assertFalse(
        mask.matches(new SecondaryAddress(new DeviceIdentity("LUG", "12345678", 0x0B, 0x07))));
  }

  @ParameterizedTest(name = "{0} selects {1}: {2}")
  @CsvSource({
    "1234FFFF, 12345678, true",
    "1234FFFF, 12340000, true",
    "1234FFFF, 12350000, false",
    "FFFFFFF8, 12345678, true",
    "FFFFFFF8, 12345679, false",
    "F2F4F6F8, 12345678, true",
    "1234567A, 1234567A, true",
    "1234567A, 12345670, false"
  })
  void matches_wildcardDigits(String maskId, String id, boolean expected) {
    SecondaryAddressMask mask = new SecondaryAddressMask(maskId, ANY_MANUFACTURER, ANY_BYTE, 0xFF);
    assertEquals(expected, mask.matches(water(id)));
  }

  @Test
  void matches_manufacturerVersionMedium_eachWildcardOrExact() {
    SecondaryAddress heat = new SecondaryAddress(new DeviceIdentity("KAM", "12345678", 0x1B, 0x04));

    assertTrue(
        new SecondaryAddressMask("FFFFFFFF", LUG, ANY_BYTE, ANY_BYTE).matches(Telegrams.WATER));
    assertFalse(new SecondaryAddressMask("FFFFFFFF", LUG, ANY_BYTE, ANY_BYTE).matches(heat));
    assertTrue(
        new SecondaryAddressMask("FFFFFFFF", ANY_MANUFACTURER, 0x1B, ANY_BYTE).matches(heat));
    assertFalse(
        new SecondaryAddressMask("FFFFFFFF", ANY_MANUFACTURER, 0x1B, ANY_BYTE)
            .matches(Telegrams.WATER));
    assertTrue(
        new SecondaryAddressMask("FFFFFFFF", ANY_MANUFACTURER, ANY_BYTE, 0x04).matches(heat));
    assertFalse(
        new SecondaryAddressMask("FFFFFFFF", ANY_MANUFACTURER, ANY_BYTE, 0x04)
            .matches(Telegrams.WATER));
  }

  @Test
  void toBytesAndFromBytes_roundTripWithWildcards() {
    SecondaryAddressMask mask = new SecondaryAddressMask("12F4F6F8", LUG, ANY_BYTE, 0x07);

    assertEquals("F8 F6 F4 12 A7 32 FF 07", hex(mask.toBytes()));
    assertEquals(mask, SecondaryAddressMask.fromBytes(mask.toBytes(), 0));
  }

  @Test
  void new_lowerCaseId_isUpperCased() {
    assertEquals("1234ABFF", new SecondaryAddressMask("1234abff", LUG, 1, 2).id());
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "1234567", "123456789", "1234567G", "1234 678"})
  void new_badId_isRefusedNamingIt(String id) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SecondaryAddressMask(id, LUG, 1, 2));
    assertTrue(e.getMessage().startsWith("Secondary address id [" + id + "]"), e::getMessage);
  }

  @Test
  void new_manufacturerOutOfRange_isRefusedNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SecondaryAddressMask("FFFFFFFF", 0x10000, 1, 2));
    assertEquals(
        "Manufacturer code [65536] must lie between 0 and 65535 (0xFFFF: any).", e.getMessage());
  }

  @Test
  void new_versionOrMediumOutOfRange_isRefusedNamingWhichAndTheValue() {
    IllegalArgumentException version =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SecondaryAddressMask("FFFFFFFF", LUG, 256, 2));
    IllegalArgumentException medium =
        assertThrows(
            IllegalArgumentException.class, () -> new SecondaryAddressMask("FFFFFFFF", LUG, 1, -1));

    assertEquals("Version [256] must lie between 0 and 255 (0xFF: any).", version.getMessage());
    assertEquals("Medium [-1] must lie between 0 and 255 (0xFF: any).", medium.getMessage());
  }

  @Test
  void withDigit_setsOneDigitAndLeavesTheRest() {
    SecondaryAddressMask mask = SecondaryAddressMask.ALL.withDigit(0, 4).withDigit(7, 0xE);

    assertEquals("4FFFFFFE", mask.id());
    assertEquals(1, mask.firstWildcard());
    assertEquals(ANY_MANUFACTURER, mask.manufacturer());
  }

  @ParameterizedTest(name = "position {0}")
  @ValueSource(ints = {-1, 8})
  void withDigit_positionOutsideTheId_isRefused(int position) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SecondaryAddressMask.ALL.withDigit(position, 1));
    assertEquals("Digit position [" + position + "] must lie between 0 and 7.", e.getMessage());
  }

  @ParameterizedTest(name = "digit {0}")
  @ValueSource(ints = {-1, 15, 16})
  void withDigit_valueThatIsNoDigit_isRefused(int digit) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SecondaryAddressMask.ALL.withDigit(0, digit));
    assertTrue(e.getMessage().startsWith("Digit [" + digit + "] must lie between 0 and 14"));
  }

  @Test
  void fromBytes_tooFewBytes_isRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> SecondaryAddressMask.fromBytes(new byte[7], 0));
  }
}
