package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {

  // Test keys only, with their fingerprints (xxd -r -p | sha256sum | cut -c1-8).
  private static final String KEY_A = "00112233445566778899AABBCCDDEEFF";
  private static final String PRINT_A = "a8faed6a";
  private static final String KEY_B = "0F1E2D3C4B5A69788796A5B4C3D2E1F0";
  private static final String PRINT_B = "4179529c";
  private static final String KEY_C = "2B7E151628AED2A6ABF7158809CF4F3C";
  private static final String PRINT_C = "d4ffb8b7";

  @TempDir Path folder;
  private final InputStream originalIn = System.in;
  private final List<CliRun> runs = new ArrayList<>();
  private Path config;

  @BeforeEach
  void writeConfiguration() throws Exception {
    // keys.group = root: a group that exists, so that a run as root prints no warning.
    config = folder.resolve("releve.conf");
    Files.writeString(config, "gateway.id = test-gateway\nkeys.path = keys\nkeys.group = root\n");
  }

  @AfterEach
  void restoreStdinAndCheckNoKeyWasShown() {
    System.setIn(originalIn);
    for (CliRun run : runs) {
      String shown = (run.out() + run.err()).toUpperCase(Locale.ROOT);
      for (String key : List.of(KEY_A, KEY_B, KEY_C)) {
        assertFalse(shown.contains(key), () -> "a key was shown: " + run);
        assertFalse(shown.contains(key.substring(0, 16)), () -> "half a key was shown: " + run);
      }
    }
  }

  private Path keyFile() {
    return folder.resolve("keys");
  }

  private CliRun run(String... args) {
    List<String> withConfig = new ArrayList<>(List.of(args));
    withConfig.add("--config");
    withConfig.add(config.toString());
    CliRun result = CliRun.of(withConfig.toArray(String[]::new));
    runs.add(result);
    return result;
  }

  private CliRun runWithStdin(String stdin, String... args) {
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    return run(args);
  }

  private Path file(String name, String text) throws Exception {
    Path file = folder.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private String mode() throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile()));
  }

  @Test
  void list_noKeyFileYet_saysNoKeys() {
    assertEquals(new CliRun(0, "No keys.\n", ""), run("keys", "list"));
  }

  @Test
  void set_keyOnStandardInput_storesItWithMode0640AndPrintsOnlyItsFingerprint() throws Exception {
    CliRun set =
        runWithStdin(KEY_A.toLowerCase(Locale.ROOT) + "\n", "keys", "set", "lug-12345678-0a-07");

    assertEquals(new CliRun(0, "set key of LUG-12345678-0A-07 (" + PRINT_A + ")\n", ""), set);
    assertEquals("rw-r-----", mode());
    assertEquals(
        new CliRun(0, "METER               FINGERPRINT\nLUG-12345678-0A-07  " + PRINT_A + "\n", ""),
        run("keys", "list"));
  }

  @Test
  void set_again_replacesTheKeyAndShowsBothFingerprints() {
    runWithStdin(KEY_A, "keys", "set", "LUG-12345678-0A-07");

    assertEquals(
        new CliRun(
            0, "replaced key of LUG-12345678-0A-07 (" + PRINT_A + " -> " + PRINT_B + ")\n", ""),
        runWithStdin(KEY_B + "\n", "keys", "set", "LUG-12345678-0A-07"));
  }

  @Test
  void set_fromFile_readsItsFirstLine() throws Exception {
    Path keyText = file("key.txt", KEY_C + "\n");

    assertEquals(
        new CliRun(0, "set key of QDS-00012345 (" + PRINT_C + ")\n", ""),
        run("keys", "set", "QDS-00012345", "--from", keyText.toString()));
  }

  @Test
  void set_keyOnTheCommandLine_isRefusedWithoutEchoingIt() {
    CliRun refused = run("keys", "set", "LUG-12345678-0A-07", KEY_A);

    assertEquals(
        new CliRun(
            64,
            "",
            "releve: a key is never taken from the command line (it would stay in the shell"
                + " history and show in ps): give it on standard input, e.g. releve keys set"
                + " METER < key.txt, or with --from FILE\n"
                + "Try 'releve keys set --help' for more information.\n"),
        refused);
    assertFalse(Files.exists(keyFile()));
  }

  @Test
  void set_keyInPlaceOfTheMeter_isRefusedWithoutEchoingIt() {
    assertEquals(
        new CliRun(
            64,
            "",
            "releve: Invalid value for METER: the meter looks like a key (not shown); give the"
                + " meter as LUG-12345678-0A-07 and the key after it.\n"
                + "Try 'releve keys set --help' for more information.\n"),
        run("keys", "set", KEY_A));
  }

  @Test
  void anyKeysCommand_withAKeyInAnUnknownOptionOrExtraArgument_refusesWithoutEchoingIt() {
    String refusal =
        "releve: unexpected argument (not shown: a key never goes on the command line, where it"
            + " would stay in the shell history and show in ps; give it on standard input)\n";

    assertEquals(
        new CliRun(64, "", refusal + "Try 'releve keys set --help' for more information.\n"),
        run("keys", "set", "LUG-12345678-0A-07", "-k" + KEY_A));
    assertEquals(
        new CliRun(64, "", refusal + "Try 'releve keys remove --help' for more information.\n"),
        run("keys", "remove", "LUG-12345678-0A-07", KEY_A));
    assertEquals(
        new CliRun(64, "", refusal + "Try 'releve keys list --help' for more information.\n"),
        run("keys", "list", "--key=" + KEY_A));
    assertEquals(
        new CliRun(64, "", refusal + "Try 'releve keys --help' for more information.\n"),
        CliRun.of("keys", KEY_A));
    assertEquals(64, run("keys", "set", "LUG-12345678-0A-07", "--key", KEY_A).exitCode());
    assertFalse(Files.exists(keyFile()));
  }

  @Test
  void set_keyOfWrongLength_exitsWithDataErrorWithoutQuotingIt() {
    assertEquals(
        new CliRun(
            65,
            "",
            "releve: the key of LUG-12345678-0A-07 must be 32 hex digits (16 bytes, AES-128);"
                + " found 30 digits.\n"),
        runWithStdin(KEY_A.substring(0, 30) + "\n", "keys", "set", "LUG-12345678-0A-07"));
  }

  @Test
  void set_emptyStandardInput_saysWhatIsExpected() {
    assertEquals(
        new CliRun(
            65,
            "",
            "releve: no key for LUG-12345678-0A-07 on standard input: expected one line of 32"
                + " hex digits\n"),
        runWithStdin("", "keys", "set", "LUG-12345678-0A-07"));
  }

  @Test
  void remove_dropsTheKey_andAMeterWithoutKeyIsADataError() {
    runWithStdin(KEY_A, "keys", "set", "LUG-12345678-0A-07");

    assertEquals(
        new CliRun(0, "removed key of LUG-12345678-0A-07\n", ""),
        run("keys", "remove", "LUG-12345678-0A-07"));
    assertEquals(
        new CliRun(65, "", "releve: meter LUG-12345678-0A-07 has no key\n"),
        run("keys", "remove", "LUG-12345678-0A-07"));
    assertEquals(new CliRun(0, "No keys.\n", ""), run("keys", "list"));
  }

  @Test
  void import_spaceSeparatedFile_setsEveryKeyWithMode0640() throws Exception {
    Path keys =
        file(
            "supplier.txt",
            "# delivery 2024-03\nLUG-12345678-0A-07 "
                + KEY_A
                + "\nQDS-00012345-35-08   "
                + KEY_B
                + "  # kitchen\n\nKAM-87654321 "
                + KEY_C
                + "\n");

    assertEquals(new CliRun(0, "imported 3 keys\n", ""), run("keys", "import", keys.toString()));
    assertEquals("rw-r-----", mode());
    assertEquals(
        new CliRun(
            0,
            "METER               FINGERPRINT\n"
                + "KAM-87654321        "
                + PRINT_C
                + "\n"
                + "LUG-12345678-0A-07  "
                + PRINT_A
                + "\n"
                + "QDS-00012345-35-08  "
                + PRINT_B
                + "\n",
            ""),
        run("keys", "list"));
  }

  @Test
  void import_csvOnStandardInput_withHeaderAndCrlf_replacesExistingKeys() {
    runWithStdin(KEY_A, "keys", "set", "LUG-12345678-0A-07");

    CliRun imported =
        runWithStdin(
            "\uFEFFmeter,key\r\nLUG-12345678-0A-07," + KEY_B + "\r\nKAM-87654321," + KEY_C + "\r\n",
            "keys",
            "import",
            "-");

    assertEquals(new CliRun(0, "imported 2 keys (1 replaced)\n", ""), imported);
  }

  @Test
  void import_badLines_reportsEachWithoutItsKeyAndStoresNothing() throws Exception {
    Path bad =
        file(
            "bad.csv",
            "LUG-12345678-0A-07,"
                + KEY_A
                + "\n"
                + KEY_B
                + ",QDS-00012345-35-08\n"
                + "KAM-87654321,"
                + KEY_C.substring(0, 31)
                + "\n"
                + "LUG-12345678-0A-07,"
                + KEY_C
                + "\n"
                + "XX-1,"
                + KEY_C
                + "\n");

    CliRun result = run("keys", "import", bad.toString());

    assertEquals(
        new CliRun(
            65,
            "",
            bad
                + ":2: the meter looks like a key (not shown); give the meter as"
                + " LUG-12345678-0A-07 and the key after it.\n"
                + bad
                + ":3: the key of KAM-87654321 must be 32 hex digits (16 bytes, AES-128); found"
                + " 31 digits.\n"
                + bad
                + ":4: meter LUG-12345678-0A-07 is also on line 1\n"
                + bad
                + ":5: Manufacturer [XX] must be three letters, such as LUG.\n"
                + "releve: nothing imported: 4 problems in "
                + bad
                + "\n"),
        result);
    assertFalse(Files.exists(keyFile()));
  }

  @Test
  void import_missingFile_exitsWithNoInput() {
    Path missing = folder.resolve("missing.txt");

    assertEquals(
        new CliRun(66, "", "releve: cannot read " + missing + ": no such file\n"),
        run("keys", "import", missing.toString()));
  }

  @Test
  void anyCommand_onAWorldReadableKeyFile_refusesWithExit78() throws Exception {
    runWithStdin(KEY_A, "keys", "set", "LUG-12345678-0A-07");
    Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-r--r--"));

    CliRun list = run("keys", "list");

    assertEquals(
        new CliRun(
            78,
            "",
            "releve: "
                + keyFile()
                + " has mode 0644 (rw-r--r--): a key file must not be more open than 0640; run"
                + " chmod 640 "
                + keyFile()
                + "\n"),
        list);
    assertEquals(78, runWithStdin(KEY_B, "keys", "set", "QDS-00012345").exitCode());
  }

  @Test
  void aKeyFileWithBadLines_isReportedLineByLineAndLeftUntouched() throws Exception {
    Files.writeString(keyFile(), "LUG-12345678-0A-07 " + KEY_A.substring(2) + "\n");
    Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-r-----"));

    assertEquals(
        new CliRun(
            65,
            "",
            keyFile()
                + ":1: the key of LUG-12345678-0A-07 must be 32 hex digits (16 bytes, AES-128);"
                + " found 30 digits.\n"
                + "releve: nothing changed: "
                + keyFile()
                + " has 1 bad line\n"),
        run("keys", "remove", "LUG-12345678-0A-07"));
  }

  @Test
  void keysOption_overridesTheConfiguration() throws Exception {
    Path elsewhere = folder.resolve("elsewhere").resolve("keys");

    runWithStdin(KEY_A, "keys", "set", "LUG-12345678-0A-07", "--keys", elsewhere.toString());

    assertTrue(Files.exists(elsewhere));
    assertFalse(Files.exists(keyFile()));
    assertEquals(
        "rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(elsewhere)));
  }

  @Test
  void keysOption_givenAKey_isRefusedWithoutEchoingIt() {
    assertEquals(
        new CliRun(
            64,
            "",
            "releve: --keys names the key file; the key itself goes on standard input.\n"
                + "Try 'releve keys list --help' for more information.\n"),
        run("keys", "list", "--keys", KEY_A));
  }

  @Test
  void keys_withoutSubcommand_printsUsageListingTheSubcommands() {
    CliRun usage = CliRun.of("keys");

    assertEquals(0, usage.exitCode());
    assertTrue(usage.err().startsWith("Usage: releve keys "), usage.err());
    for (String sub : List.of("set", "list", "remove", "import")) {
      assertTrue(usage.err().contains("  " + sub + " "), usage.err());
    }
  }
}
