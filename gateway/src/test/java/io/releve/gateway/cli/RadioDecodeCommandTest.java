package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code releve decode} on radio telegrams. The telegrams are real ones from the vector set carried
 * in {@code src/test/resources/vectors/wmbus/} (its README names their sources).
 */
class RadioDecodeCommandTest {

  /** jmbus BCDNegativeTempTest: a plain heat meter, TPL short header, no encryption. */
  private static final String PLAIN =
      "2C44A7320613996707047A821000202F2F0C06000000000C14000000000C22224101000B5A4102000B5E4000"
          + "F05E";

  /** wireless-mbus-parser f8c8b5df70: security mode 5 (the OMS gas example), with its key. */
  private static final String MODE_5 =
      "2E44931578563412330333637A2A0020255923C95AAA26D1B2E7493BC2AD013EC4A6F6D3529B520EDFF0EA6D"
          + "EFC955B29D6D69EBF3EC8A";

  private static final String MODE_5_KEY = "0102030405060708090A0B0C0D0E0F11";
  private static final String WRONG_KEY = "0102030405060708090A0B0C0D0E0F12";

  /** jmbus ShortTelegramTest: a Kamstrup full frame, then a compact frame of the same meter. */
  private static final String FULL =
      "5C442D2C06357260190C8D207B70032F21271D7802F9FF15011104061765000004EEFF07BFA8000004EEFF08D2"
          + "4F00000414B1FB000002FD170000026CE919426CFF184406F76400004414E8FA0000043B0B0000000259DB"
          + "11025D1C0B5B";

  private static final String COMPACT =
      "3F442D2C06357260190C8D207C71032F21255C79DD829283011117650000BFA80000D24F0000B1FB00000000"
          + "E919FF18F7640000E8FA00000B000000DB111C0B5B";

  @TempDir Path folder;

  @Test
  void decode_plainRadioTelegram_isDetectedAndEndsWithItsLinkFields() {
    CliRun run = CliRun.of("decode", PLAIN);

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    String json = run.out();
    assertTrue(json.startsWith("{\"manufacturer\":\"LUG\",\"id\":\"67991306\""), json);
    // BCD F0 00 40: the F nibble is the sign; jmbus's test expects -4.1 within 0.1
    assertTrue(json.contains("\"return_temperature\",\"value\":-4.0,\"unit\":\"C\""), json);
    assertTrue(
        json.endsWith(
            ",\"link\":{\"c_field\":68,\"frame_format\":\"none\",\"afl\":false,\"tpl_ci\":122,"
                + "\"security_mode\":0,\"authenticated\":false}}"
                + System.lineSeparator()),
        json);
  }

  @Test
  void decode_wiredForcedOnARadioTelegram_isRejectedByTheWiredFraming() {
    CliRun run = CliRun.of("decode", "--wired", PLAIN);

    assertEquals(ExitCodes.DATA_ERROR, run.exitCode());
    assertTrue(run.err().startsWith("releve: "), run.err());
  }

  @Test
  void decodeLines_mode5WithItsKey_isAuthenticatedAndTheWrongKeyIsRejectedWithoutShowingIt() {
    String stdin = MODE_5 + " " + MODE_5_KEY + "\n" + MODE_5 + " " + WRONG_KEY + "\n";

    CliRun run = CliRun.withStdin(stdin, "decode", "-");

    assertEquals(ExitCodes.DATA_ERROR, run.exitCode());
    String[] lines = run.out().split("\\R");
    assertEquals(2, lines.length, run.out());
    assertTrue(lines[0].contains("\"value\":28504.27,\"unit\":\"m3\""), lines[0]);
    assertTrue(lines[0].contains("\"security_mode\":5,\"authenticated\":true"), lines[0]);
    assertTrue(lines[1].startsWith("{\"error\":\"Decryption failed for "), lines[1]);
    assertFalse(run.out().contains(WRONG_KEY) || run.err().contains(WRONG_KEY));
    assertFalse(run.out().contains(MODE_5_KEY) || run.err().contains(MODE_5_KEY));
  }

  @Test
  void decodeLines_compactFrameAfterItsFullFrame_decodesWithTheLearntFormat() {
    String stdin = COMPACT + "\n" + FULL + "\n" + COMPACT + "\n";

    CliRun run = CliRun.withStdin(stdin, "decode", "-");

    assertEquals(ExitCodes.DATA_ERROR, run.exitCode());
    String[] lines = run.out().split("\\R");
    assertEquals(3, lines.length, run.out());
    assertTrue(lines[0].contains("its full frame has not been heard yet"), lines[0]);
    assertTrue(lines[2].contains("\"compact_signature\":33501"), lines[2]);
    // the compact frame gives the full frame's records, with its own values
    assertEquals(
        lines[1].split("\"records\":")[1].split("\"quantity\"").length,
        lines[2].split("\"records\":")[1].split("\"quantity\"").length);
  }

  @Test
  void decode_keysFile_decryptsWithTheStoredKey() throws Exception {
    Path keys = folder.resolve("keys");
    Files.writeString(keys, "ELS-12345678 " + MODE_5_KEY + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-r-----"));

    CliRun run = CliRun.of("decode", "--keys", keys.toString(), MODE_5);

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().contains("\"authenticated\":true"), run.out());
    assertFalse(run.out().contains(MODE_5_KEY));
  }

  @Test
  void decode_encryptedWithoutAKey_isRejectedAsKeyMissing() {
    CliRun run = CliRun.of("decode", MODE_5);

    assertEquals(ExitCodes.DATA_ERROR, run.exitCode());
    assertTrue(run.err().startsWith("releve: Key missing: ELS-12345678"), run.err());
  }

  @Test
  void decode_keyAsAnArgument_isRefusedWithoutEchoingIt() {
    CliRun run = CliRun.of("decode", MODE_5, MODE_5_KEY);

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().contains("a key is never taken from the command line"), run.err());
    assertFalse(run.err().contains(MODE_5_KEY) || run.out().contains(MODE_5_KEY));
  }

  @Test
  void decodeLines_telegramWrittenInGroups_takesTheLastTokenAsItsKey() {
    String grouped =
        MODE_5.substring(0, 20) + " " + MODE_5.substring(20, 60) + " " + MODE_5.substring(60);

    CliRun run = CliRun.withStdin(grouped + " " + MODE_5_KEY + "\n", "decode", "-");

    assertEquals(ExitCodes.OK, run.exitCode(), run.out());
    assertTrue(run.out().contains("\"authenticated\":true"), run.out());
  }
}
