package io.releve.gateway.link;

import static io.releve.gateway.link.Telegrams.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whether a telegram ends with "more records follow" (EN 13757-3: DIF 0x1F). The DIF only counts at
 * a record boundary: a data byte 0x1F is a value, not the end.
 */
class MoreRecordsTest {

  private static boolean follow(int ci, String header, String records) {
    byte[] data = hex(header + records);
    return MoreRecords.follow(LinkFrames.longFrame(LinkFrames.C_RSP_UD, 1, ci, data));
  }

  private static final String LONG_HEADER = "78563412 A732 0A 07 2A 00 0000";

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "volume then 1F | 04 13 01000000 1F | true",
        "volume only | 04 13 01000000 | false",
        "manufacturer data 0F to the end | 04 13 01000000 0F 1F 1F | false",
        "value bytes 1F are data | 04 13 1F1F1F1F | false",
        "idle fillers before 1F | 04 13 01000000 2F 2F 1F | true",
        "DIFE and VIFE skipped | 84 01 93 3C 01000000 1F | true",
        "12 BCD digits (DIF 0E) | 0E 13 1F1F1F1F1F1F 1F | true",
        "text LVAR 3 | 0D FD 11 03 1F1F1F 1F | true",
        "binary LVAR E2 | 0D 13 E2 1F1F 1F | true",
        "plain text unit | 04 FC 03 6D 33 6C 3C 01000000 1F | true",
        "cut short | 04 13 0100 | false",
        "reserved LVAR | 0D 13 F7 1F | false"
      })
  void follow_walksTheRecords(String what, String records, boolean expected) {
    assertEquals(expected, follow(LongHeaders.CI_LONG_HEADER, LONG_HEADER, records), what);
  }

  @ParameterizedTest(name = "CI {0}")
  @CsvSource({
    "0x7A, 2A 00 0000, true", // short header
    "0x78, '', true", // no header
    "0x51, '', false" // no variable data structure
  })
  void follow_headerDependsOnTheCi(String ci, String header, boolean expected) {
    assertEquals(expected, follow(Integer.decode(ci), header, "04 13 01000000 1F"));
  }
}
