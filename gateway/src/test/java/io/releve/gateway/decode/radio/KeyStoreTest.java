package io.releve.gateway.decode.radio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.releve.gateway.decode.radio.KeyFile.Meter;
import io.releve.gateway.decode.radio.KeyStore.KeyFileException;
import io.releve.gateway.device.DeviceIdentity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreTest {

  // Test keys only: the first is the usual counting pattern, the second a made-up one.
  static final String KEY_A = "00112233445566778899AABBCCDDEEFF";
  static final String KEY_B = "0F1E2D3C4B5A69788796A5B4C3D2E1F0";
  private static final DeviceIdentity WATER = DeviceIdentity.parseKey("LUG-12345678-0A-07");
  private static final DeviceIdentity ALLOCATOR = DeviceIdentity.parseKey("QDS-00012345-35-08");

  @TempDir Path folder;
  private final List<String> notices = new ArrayList<>();

  private Path keyFile() {
    return folder.resolve("keys");
  }

  private KeyStore open() throws Exception {
    // The group of a fresh file is one that exists, whoever runs the tests.
    return KeyStore.open(keyFile(), ownGroup(), notices::add);
  }

  private String ownGroup() throws IOException {
    Path probe = Files.createTempFile(folder, "probe", "");
    try {
      return Files.readAttributes(probe, PosixFileAttributes.class).group().getName();
    } finally {
      Files.delete(probe);
    }
  }

  private static byte[] key(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  private Path writeKeyFile(String mode, String text) throws IOException {
    Files.writeString(keyFile(), text);
    Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString(mode));
    return keyFile();
  }

  private static void assertNoKeyIn(String text) {
    for (String key : List.of(KEY_A, KEY_B)) {
      assertFalse(text.toUpperCase(Locale.ROOT).contains(key), () -> "a key leaked into: " + text);
    }
  }

  @Test
  void open_missingFile_isAnEmptyStoreAndCreatesNothing() throws Exception {
    KeyStore store = open();

    assertEquals(Optional.empty(), store.keyOf(WATER));
    assertEquals(List.of(), store.list());
    assertFalse(Files.exists(keyFile()));
  }

  @Test
  void put_newFile_isCreatedWithMode0640AndReadBackByAnotherStore() throws Exception {
    open().put(Meter.of(WATER), key(KEY_A));

    assertEquals(
        "rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())));
    assertArrayEquals(key(KEY_A), open().keyOf(WATER).orElseThrow());
    assertEquals(
        "# Relevé meter keys (AES-128): one \"METER KEY\" line per meter.\n"
            + "# Written by \"releve keys\"; mode 0640, never more open.\n"
            + "LUG-12345678-0A-07 "
            + KEY_A
            + "\n",
        Files.readString(keyFile()));
    assertEquals(List.of(), notices);
  }

  @Test
  void putAll_onAFileOfMode0600_leavesItWithMode0640AndEveryKey() throws Exception {
    writeKeyFile("rw-------", "LUG-12345678-0A-07 " + KEY_A + "\n");
    KeyStore store = open();

    int replaced =
        store.putAll(
            KeyFile.parse("import", "LUG-12345678-0A-07 " + KEY_B + "\nQDS-00012345-35-08 " + KEY_A)
                .entries());

    assertEquals(1, replaced);
    assertEquals(
        "rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())));
    assertArrayEquals(key(KEY_B), store.keyOf(WATER).orElseThrow());
    assertArrayEquals(key(KEY_A), open().keyOf(ALLOCATOR).orElseThrow());
  }

  @Test
  void open_worldReadableFile_isRefusedNamingFileAndModeButNotTheKey() throws Exception {
    writeKeyFile("rw-r--r--", "LUG-12345678-0A-07 " + KEY_A + "\n");

    KeyFileException e = assertThrows(KeyFileException.class, this::open);

    assertEquals(KeyFileException.Reason.UNSAFE_PERMISSIONS, e.reason());
    assertEquals(
        keyFile()
            + " has mode 0644 (rw-r--r--): a key file must not be more open than 0640; run"
            + " chmod 640 "
            + keyFile(),
        e.getMessage());
  }

  @Test
  void open_groupWritableFile_isRefusedToo() throws Exception {
    writeKeyFile("rw-rw----", "");

    assertTrue(assertThrows(KeyFileException.class, this::open).getMessage().contains("mode 0660"));
  }

  @Test
  void open_fileWithBadLines_listsEveryProblemWithoutAnyKey() throws Exception {
    writeKeyFile(
        "rw-r-----",
        "# keys of building A\n"
            + "LUG-12345678-0A-07 "
            + KEY_A
            + "\n"
            + KEY_B
            + " QDS-00012345-35-08\n"
            + "KAM-87654321-01-04 "
            + KEY_B.substring(0, 30)
            + "\n"
            + "KAM-87654321-01-16 "
            + KEY_B.substring(0, 31)
            + "X\n"
            + "LUG-12345678-0a-07, "
            + KEY_B
            + "\n"
            + "LUG-1234567-0A-07 "
            + KEY_B
            + "\n"
            + "LUG-12345678-0A-07 "
            + KEY_B
            + " extra\n");

    KeyFileException e = assertThrows(KeyFileException.class, this::open);

    String name = keyFile().toString();
    assertEquals(KeyFileException.Reason.MALFORMED, e.reason());
    assertEquals(name + " has 6 bad lines", e.getMessage());
    assertEquals(
        List.of(
            name
                + ":3: the meter looks like a key (not shown); give the meter as"
                + " LUG-12345678-0A-07 and the key after it.",
            name
                + ":4: the key of KAM-87654321-01-04 must be 32 hex digits (16 bytes, AES-128);"
                + " found 30 digits.",
            name
                + ":5: the key of KAM-87654321-01-16 has a character that is not a hex digit at"
                + " position 32.",
            name + ":6: meter LUG-12345678-0A-07 is also on line 2",
            name
                + ":7: Id [1234567] must be exactly eight digits (0-9, or A-F as some meters"
                + " send).",
            name + ":8: expected METER KEY (or meter,key), found 3 fields"),
        e.problems());
    e.problems().forEach(KeyStoreTest::assertNoKeyIn);
  }

  @Test
  void keyOf_manufacturerAndIdOnly_servesEveryVersionAndTypeAndTheFullIdentityWins()
      throws Exception {
    KeyStore store = open();
    store.put(Meter.parse("lug-12345678"), key(KEY_A));
    store.put(Meter.parse("LUG-12345678-0a-07"), key(KEY_B));

    assertArrayEquals(key(KEY_B), store.keyOf(WATER).orElseThrow());
    assertArrayEquals(
        key(KEY_A), store.keyOf(new DeviceIdentity("LUG", "12345678", 0x0B, 6)).orElseThrow());
    assertEquals(Optional.empty(), store.keyOf(new DeviceIdentity("LUG", "12345679", 0x0A, 7)));
    assertEquals(
        List.of(
            new KeyStore.Listed(Meter.parse("LUG-12345678"), "a8faed6a"),
            new KeyStore.Listed(Meter.parse("LUG-12345678-0A-07"), "4179529c")),
        store.list());
  }

  @Test
  void keyOf_returnsACopy_soACallerCannotChangeTheStoredKey() throws Exception {
    KeyStore store = open();
    store.put(Meter.of(WATER), key(KEY_A));

    store.keyOf(WATER).orElseThrow()[0] = 42;

    assertArrayEquals(key(KEY_A), store.keyOf(WATER).orElseThrow());
  }

  @Test
  void put_keyOfWrongLength_isRefusedWithoutQuotingIt() throws Exception {
    byte[] tooShort = HexFormat.of().parseHex(KEY_A.substring(0, 30));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> open().put(Meter.of(WATER), tooShort));

    assertEquals("A key must be 16 bytes (AES-128), not 15.", e.getMessage());
    assertFalse(Files.exists(keyFile()));
  }

  @Test
  void parseKey_withSpacesAndLowerCase_isAccepted_andBadTextIsNeverQuoted() {
    assertArrayEquals(
        key(KEY_A), KeyFile.parseKey("00112233 44556677 8899aabb ccddeeff", Meter.of(WATER)));

    String tooLong =
        assertThrows(IllegalArgumentException.class, () -> KeyFile.parseKey(KEY_A + "00", null))
            .getMessage();
    assertEquals("the key must be 32 hex digits (16 bytes, AES-128); found 34 digits.", tooLong);
  }

  @Test
  void meter_givenAKeyInstead_isRefusedWithoutEchoingIt() {
    for (String text : List.of(KEY_A, "LUG-" + KEY_A, KEY_A.substring(0, 16) + " " + KEY_B)) {
      String message =
          assertThrows(IllegalArgumentException.class, () -> Meter.parse(text)).getMessage();
      assertNoKeyIn(message);
      assertFalse(message.contains(KEY_A.substring(0, 16)), message);
    }
  }

  @Test
  void toStrings_ofStoreEntryAndParsed_neverShowAKey() throws Exception {
    KeyStore store = open();
    store.put(Meter.of(WATER), key(KEY_A));
    KeyFile.Parsed parsed = KeyFile.parse("x", "QDS-00012345-35-08 " + KEY_B);

    assertEquals("KeyStore[" + keyFile() + ", 1 keys]", store.toString());
    assertEquals(
        "Entry[meter=QDS-00012345-35-08, key=4179529c (fingerprint), line=1]",
        parsed.entries().get(0).toString());
    assertNoKeyIn(store.toString() + parsed + store.list() + notices);
  }

  @Test
  void remove_dropsTheKeyFromMemoryAndFile_andSaysWhenThereWasNone() throws Exception {
    KeyStore store = open();
    store.put(Meter.of(WATER), key(KEY_A));

    assertTrue(store.remove(Meter.of(WATER)));
    assertFalse(store.remove(Meter.of(WATER)));
    assertEquals(Optional.empty(), store.keyOf(WATER));
    assertEquals(List.of(), open().list());
  }

  @Test
  void put_replacesTheFileByRenaming_andLeavesNoTemporaryFile() throws Exception {
    KeyStore store = open();
    store.put(Meter.of(WATER), key(KEY_A));
    Object before = Files.readAttributes(keyFile(), PosixFileAttributes.class).fileKey();

    store.put(Meter.of(ALLOCATOR), key(KEY_B));

    Object after = Files.readAttributes(keyFile(), PosixFileAttributes.class).fileKey();
    assertNotEquals(before, after, "a new file (inode) was renamed over the old one");
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(List.of(keyFile()), files.toList());
    }
  }

  @Test
  void reload_seesAnotherWriter_andKeepsTheOldKeysWhenTheFileTurnsBad() throws Exception {
    KeyStore daemon = open();
    open().put(Meter.of(WATER), key(KEY_A));

    daemon.reload();
    assertArrayEquals(key(KEY_A), daemon.keyOf(WATER).orElseThrow());

    Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-r--r--"));
    assertThrows(KeyFileException.class, daemon::reload);
    assertArrayEquals(key(KEY_A), daemon.keyOf(WATER).orElseThrow());
  }

  @Test
  @Timeout(60)
  void readsDuringWrites_alwaysSeeACompleteKeySet() throws Exception {
    KeyStore writer = open();
    writer.put(Meter.of(ALLOCATOR), key(KEY_B));
    KeyStore daemon = open();
    AtomicBoolean done = new AtomicBoolean();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Thread reader =
          new Thread(
              () -> {
                while (!done.get()) {
                  check(writer, failures);
                  try {
                    daemon.reload(); // reads the file while it is being replaced
                  } catch (IOException | KeyFileException e) {
                    failures.add("reload failed: " + e.getMessage());
                  }
                  check(daemon, failures);
                }
              });
      reader.start();
      readers.add(reader);
    }
    for (int i = 0; i < 200; i++) {
      writer.put(Meter.of(WATER), key(i % 2 == 0 ? KEY_A : KEY_B));
    }
    done.set(true);
    for (Thread reader : readers) {
      reader.join();
    }

    assertEquals(List.of(), List.copyOf(failures));
  }

  private static void check(KeyStore store, ConcurrentLinkedQueue<String> failures) {
    if (!store
        .keyOf(ALLOCATOR)
        .map(k -> HexFormat.of().withUpperCase().formatHex(k))
        .equals(Optional.of(KEY_B))) {
      failures.add("the allocator's key went missing");
    }
    store
        .keyOf(WATER)
        .map(k -> HexFormat.of().withUpperCase().formatHex(k))
        .filter(k -> !k.equals(KEY_A) && !k.equals(KEY_B))
        .ifPresent(k -> failures.add("a torn key for the water meter"));
  }

  @Test
  void asRoot_theFileGoesToTheConfiguredGroup() throws Exception {
    assumeTrue(runningAsRoot(), "only root can give a file to another group");
    GroupPrincipal daemonGroup;
    try {
      daemonGroup =
          folder
              .getFileSystem()
              .getUserPrincipalLookupService()
              .lookupPrincipalByGroupName("daemon");
    } catch (UserPrincipalNotFoundException e) {
      assumeTrue(false, "this system has no group named daemon to give the file to");
      return;
    }

    KeyStore.open(keyFile(), "daemon", notices::add).put(Meter.of(WATER), key(KEY_A));

    PosixFileAttributes attributes = Files.readAttributes(keyFile(), PosixFileAttributes.class);
    assertEquals("root", attributes.owner().getName());
    assertEquals(daemonGroup, attributes.group());
    assertEquals(List.of(), notices);
  }

  @Test
  void asRoot_aMissingGroup_leavesTheFileAsIsAndSaysSo() throws Exception {
    assumeTrue(runningAsRoot(), "the group is only changed when running as root");

    KeyStore.open(keyFile(), "no-such-group", notices::add).put(Meter.of(WATER), key(KEY_A));

    String group = Files.readAttributes(keyFile(), PosixFileAttributes.class).group().getName();
    assertEquals(
        List.of(
            "group [no-such-group] does not exist: "
                + keyFile()
                + " stays owned by root:"
                + group
                + "; create the group or set keys.group so that the daemon can read it."),
        notices);
    assertEquals(
        "rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())));
  }

  @Test
  void notRoot_theGroupIsLeftAsIsWithoutANotice() throws Exception {
    assumeFalse(runningAsRoot(), "root changes the group: see the tests above");

    KeyStore.open(keyFile(), "no-such-group", notices::add).put(Meter.of(WATER), key(KEY_A));

    assertEquals(List.of(), notices);
  }

  private boolean runningAsRoot() throws IOException {
    Path probe = Files.createTempFile(folder, "probe", "");
    try {
      return "root".equals(Files.getOwner(probe).getName());
    } finally {
      Files.delete(probe);
    }
  }

  @Test
  void open_fileInAFolderEveryoneMayWrite_isRefused() throws Exception {
    Path open = Files.createDirectory(folder.resolve("shared"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path file = open.resolve("keys");
    Files.writeString(file, "LUG-12345678-0A-07 " + KEY_A + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    KeyStore.KeyFileException e =
        assertThrows(
            KeyStore.KeyFileException.class, () -> KeyStore.open(file, "releve", notices::add));

    assertEquals(KeyStore.KeyFileException.Reason.UNSAFE_PERMISSIONS, e.reason());
    assertTrue(e.getMessage().contains("writable by everyone"), e.getMessage());
    assertFalse(e.getMessage().contains(KEY_A));
  }
}
