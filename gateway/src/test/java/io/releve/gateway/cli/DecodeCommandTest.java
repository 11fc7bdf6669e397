package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DecodeCommandTest {
  private static final String OMS_GAS =
      "6820206808FD7278563412931533032A0000000C1427048502046D32371F1502FD1700008916";
  private static final String OMS_GAS_JSON =
      "{\"manufacturer\":\"ELS\",\"id\":\"12345678\",\"version\":51,\"medium\":\"gas\","
          + "\"access_number\":42,\"status\":0,\"records\":["
          + "{\"quantity\":\"volume\",\"value\":28504.27,\"unit\":\"m3\",\"storage\":0,"
          + "\"tariff\":0,\"subunit\":0,\"function\":\"instantaneous\"},"
          + "{\"quantity\":\"date_time\",\"value\":\"2008-05-31T23:50:00\",\"unit\":\"\","
          + "\"storage\":0,\"tariff\":0,\"subunit\":0,\"function\":\"instantaneous\"},"
          + "{\"quantity\":\"error_flags\",\"value\":0,\"unit\":\"\",\"storage\":0,"
          + "\"tariff\":0,\"subunit\":0,\"function\":\"instantaneous\"}]}";
  private static final String BAD_CHECKSUM =
      "6820206808FD7278563412931533032A0000000C1427048502046D32371F1502FD1700008816";
  private static final String BAD_CHECKSUM_MESSAGE =
      "Checksum is wrong: expected 0x89 (sum of C to last data byte), frame has 0x88.";

  private final InputStream originalIn = System.in;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void restoreStdin() {
    System.setIn(originalIn);
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private int runWithStdin(String stdin, String... args) {
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    return run(args);
  }

  @Test
  void decode_validFrame_printsOneJsonObjectAndExitsZero() {
    assertEquals(ExitCodes.OK, run("decode", OMS_GAS));
    assertEquals(OMS_GAS_JSON + System.lineSeparator(), out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void decode_hexSplitBySpaces_isJoined() {
    assertEquals(ExitCodes.OK, run("decode", OMS_GAS.substring(0, 20), OMS_GAS.substring(20)));
    assertEquals(OMS_GAS_JSON + System.lineSeparator(), out.toString());
  }

  @Test
  void decode_frameWithBadChecksum_exits65WithTheReasonOnStderrOnly() {
    assertEquals(ExitCodes.DATA_ERROR, run("decode", BAD_CHECKSUM));
    assertEquals("", out.toString());
    assertEquals("releve: " + BAD_CHECKSUM_MESSAGE + System.lineSeparator(), err.toString());
  }

  @Test
  void decode_textThatIsNotHex_exits65NamingTheCharacter() {
    assertEquals(ExitCodes.DATA_ERROR, run("decode", "68zz"));
    assertEquals("", out.toString());
    assertEquals(
        "releve: Hex text has [z] at index 2; only 0-9, A-F and spaces are allowed."
            + System.lineSeparator(),
        err.toString());
  }

  @Test
  void decode_applicationErrorFrame_printsTheErrorText() {
    assertEquals(ExitCodes.OK, run("decode", "68040468080170088116"));
    assertEquals(
        "{\"manufacturer\":null,\"id\":null,\"version\":null,\"medium\":\"unknown\","
            + "\"access_number\":null,\"status\":null,\"records\":[],"
            + "\"application_error\":\"Application busy\"}"
            + System.lineSeparator(),
        out.toString());
  }

  @Test
  void decode_withoutArguments_isAUsageError() {
    assertEquals(ExitCodes.USAGE, run("decode"));
    assertTrue(err.toString().startsWith("releve: Missing required parameter"), err.toString());
  }

  @Test
  void decodeStdin_everyLineDecodes_printsOneObjectPerLineAndExitsZero() {
    String stdin = "# two frames\n\n" + OMS_GAS + "\n  " + OMS_GAS + "  \n";
    assertEquals(ExitCodes.OK, runWithStdin(stdin, "decode", "-"));
    String line = OMS_GAS_JSON + System.lineSeparator();
    assertEquals(line + line, out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void decodeStdin_aRejectedLine_printsAnErrorObjectGoesOnAndExits65() {
    String stdin = BAD_CHECKSUM + "\nnot hex\n" + OMS_GAS + "\n";
    assertEquals(ExitCodes.DATA_ERROR, runWithStdin(stdin, "decode", "-"));
    assertEquals(
        "{\"error\":\""
            + BAD_CHECKSUM_MESSAGE
            + "\"}"
            + System.lineSeparator()
            + "{\"error\":\"Hex text has [n] at index 0; only 0-9, A-F and spaces are allowed.\"}"
            + System.lineSeparator()
            + OMS_GAS_JSON
            + System.lineSeparator(),
        out.toString());
  }

  @Test
  void decodeStdin_lineWithAKey_decodesAndNeverPrintsTheKey() {
    String key = "000102030405060708090A0B0C0D0E0F";
    assertEquals(ExitCodes.OK, runWithStdin(OMS_GAS + " " + key + "\n", "decode", "-"));
    assertEquals(OMS_GAS_JSON + System.lineSeparator(), out.toString());
    assertFalse(out.toString().contains(key) || err.toString().contains(key));
  }

  @Test
  void decodeStdin_badKey_isRejectedWithoutQuotingIt() {
    String key = "000102030405060708090A0B0C0D0EZZ";
    assertEquals(ExitCodes.DATA_ERROR, runWithStdin(OMS_GAS + " " + key + "\n", "decode", "-"));
    assertEquals(
        "{\"error\":\"The key is not 32 hexadecimal digits; the telegram was not decoded.\"}"
            + System.lineSeparator(),
        out.toString());
  }

  @Test
  void decodeHelp_documentsTheExitCodes() {
    assertEquals(ExitCodes.OK, run("decode", "--help"));
    assertTrue(out.toString().contains("65"), out.toString());
    assertTrue(out.toString().contains("at least one line"), out.toString());
  }
}
