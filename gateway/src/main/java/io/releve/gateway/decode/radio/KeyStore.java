package io.releve.gateway.decode.radio;

import io.releve.gateway.device.DeviceIdentity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The meters' AES-128 keys, kept in one text file (DESIGN §3.1).
 *
 * <p><b>File.</b> UTF-8, one {@code METER KEY} line per meter: see {@link KeyFile}. METER is a
 * device key {@code MAN-IIIIIIII-VV-TT} ({@link DeviceIdentity#key()}) or {@code MAN-IIIIIIII} for
 * every version and type of that manufacturer and id (manufacturers' key lists often give only the
 * id). A lookup tries the full identity first, then manufacturer and id: two hash lookups.
 *
 * <p><b>Permissions.</b> The file must not be more open than {@code 0640}: a more open file is
 * refused when loaded. Every change writes a new file with mode {@code 0640}; when the process runs
 * as root, the new file belongs to root and to the configured group (the daemon's), if that group
 * exists. On a file system without POSIX permissions nothing is checked nor set, and a notice says
 * so.
 *
 * <p><b>Threads.</b> Lookups read an immutable map through a volatile field: they never block and
 * see the keys either before or after a change. Changes are serialised; each one re-reads the file,
 * then replaces it atomically (a temporary file in the same folder, fsync, rename, fsync of the
 * folder), so a daemon that reloads meanwhile reads the old file or the new one, never half.
 *
 * <p><b>Secrecy.</b> No key is ever put in a message, an exception, a log line or {@link
 * #toString()}: problems name the file, the line and the meter; listings show a {@link
 * KeyFile#fingerprint(byte[]) fingerprint}.
 */
public final class KeyStore implements KeyLookup {

  /** {@code rw-r-----}: the owner writes, the daemon's group reads, nobody else. */
  public static final Set<PosixFilePermission> MODE = PosixFilePermissions.fromString("rw-r-----");

  private final Path file;
  private final String group;
  private final Consumer<String> notices;
  private volatile Map<String, byte[]> keys = Map.of();
  private volatile boolean toldNotPosix;

  private KeyStore(Path file, String group, Consumer<String> notices) {
    this.file = file;
    this.group = group;
    this.notices = notices;
  }

  /**
   * Loads {@code file}; a missing file is an empty store, created with mode 0640 by the first
   * change.
   *
   * @param group the group that may read the file (the daemon's), set when running as root
   * @param notices receives what the caller should tell the user: a missing group, a file system
   *     without POSIX permissions
   * @throws KeyFileException when the file is more open than 0640 or has bad lines
   * @throws IOException when it cannot be read
   */
  public static KeyStore open(Path file, String group, Consumer<String> notices)
      throws IOException, KeyFileException {
    KeyStore store =
        new KeyStore(
            Objects.requireNonNull(file, "file"),
            Objects.requireNonNull(group, "group"),
            Objects.requireNonNull(notices, "notices"));
    store.reload();
    return store;
  }

  /** Reads the file again; on failure the keys loaded before stay in use. */
  public synchronized void reload() throws IOException, KeyFileException {
    keys = read();
  }

  @Override
  public Optional<byte[]> keyOf(DeviceIdentity device) {
    Map<String, byte[]> current = keys;
    byte[] key = current.get(device.key());
    if (key == null) {
      key = current.get(device.manufacturer() + "-" + device.id());
    }
    return key == null ? Optional.empty() : Optional.of(key.clone());
  }

  /** The meters with a key, in meter order, each with the fingerprint of its key. */
  public List<Listed> list() {
    return new TreeMap<>(keys)
        .entrySet().stream()
            .map(e -> new Listed(new KeyFile.Meter(e.getKey()), KeyFile.fingerprint(e.getValue())))
            .toList();
  }

  /**
   * Sets the key of one meter and rewrites the file.
   *
   * @return the fingerprint of the key it replaces, if any
   */
  public synchronized Optional<String> put(KeyFile.Meter meter, byte[] key)
      throws IOException, KeyFileException {
    checkLength(key);
    Map<String, byte[]> changed = new HashMap<>(read());
    byte[] previous = changed.put(meter.text(), key.clone());
    write(changed);
    return Optional.ofNullable(previous).map(KeyFile::fingerprint);
  }

  /**
   * Sets the keys of every entry in one rewrite of the file.
   *
   * @return how many of them replaced a key
   */
  public synchronized int putAll(List<KeyFile.Entry> entries) throws IOException, KeyFileException {
    Map<String, byte[]> changed = new HashMap<>(read());
    int replaced = 0;
    for (KeyFile.Entry entry : entries) {
      checkLength(entry.key());
      if (changed.put(entry.meter().text(), entry.key().clone()) != null) {
        replaced++;
      }
    }
    write(changed);
    return replaced;
  }

  /** Removes the key of {@code meter}; false, and the file untouched, when it had none. */
  public synchronized boolean remove(KeyFile.Meter meter) throws IOException, KeyFileException {
    Map<String, byte[]> changed = new HashMap<>(read());
    if (changed.remove(meter.text()) == null) {
      keys = Map.copyOf(changed);
      return false;
    }
    write(changed);
    return true;
  }

  public Path file() {
    return file;
  }

  /** The file and the number of keys: never a key. */
  @Override
  public String toString() {
    return "KeyStore[" + file + ", " + keys.size() + " keys]";
  }

  private static void checkLength(byte[] key) {
    if (key.length != KeyFile.KEY_BYTES) {
      throw new IllegalArgumentException(
          "A key must be 16 bytes (AES-128), not " + key.length + ".");
    }
  }

  /**
   * The file belongs to root or to the user running us (who wrote it), and its folder is not
   * writable by others, who could otherwise swap the file for theirs.
   */
  private void checkOwnerAndFolder() throws IOException, KeyFileException {
    String owner = Files.getOwner(file).getName();
    String me = System.getProperty("user.name");
    if (!owner.equals("root") && !owner.equals(me)) {
      throw new KeyFileException(
          KeyFileException.Reason.UNSAFE_PERMISSIONS,
          file + " belongs to " + owner + ": a key file must belong to root or to " + me,
          List.of());
    }
    Path folder = file.toAbsolutePath().getParent();
    if (folder != null && posix(folder)) {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(folder);
      if (mode.contains(PosixFilePermission.OTHERS_WRITE)) {
        throw new KeyFileException(
            KeyFileException.Reason.UNSAFE_PERMISSIONS,
            folder
                + " is writable by everyone ("
                + PosixFilePermissions.toString(mode)
                + "): keep the key file in a folder only root and the daemon can write",
            List.of());
      }
    }
  }

  private Map<String, byte[]> read() throws IOException, KeyFileException {
    if (!Files.exists(file)) {
      return Map.of();
    }
    if (posix(file)) {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
      if (!MODE.containsAll(mode)) {
        throw new KeyFileException(
            KeyFileException.Reason.UNSAFE_PERMISSIONS,
            file
                + " has mode "
                + octal(mode)
                + " ("
                + PosixFilePermissions.toString(mode)
                + "): a key file must not be more open than 0640; run chmod 640 "
                + file,
            List.of());
      }
      checkOwnerAndFolder();
    }
    String text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      Arrays.fill(bytes, (byte) 0);
    } catch (CharacterCodingException e) {
      throw new KeyFileException(
          KeyFileException.Reason.MALFORMED,
          file + " is not UTF-8 text",
          List.of(file + ": not UTF-8 text"));
    }
    KeyFile.Parsed parsed = KeyFile.parse(file.toString(), text);
    if (!parsed.problems().isEmpty()) {
      int n = parsed.problems().size();
      throw new KeyFileException(
          KeyFileException.Reason.MALFORMED,
          file + " has " + n + (n == 1 ? " bad line" : " bad lines"),
          parsed.problems());
    }
    Map<String, byte[]> loaded = new HashMap<>();
    parsed.entries().forEach(entry -> loaded.put(entry.meter().text(), entry.key()));
    return Map.copyOf(loaded);
  }

  private void write(Map<String, byte[]> changed) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    byte[] bytes = KeyFile.format(changed);
    boolean posix = posix(folder);
    Path temp = Files.createTempFile(folder, "." + file.getFileName() + "-", ".tmp");
    try {
      if (posix) {
        // Group and mode before the first byte: the keys are never in a more open file.
        giveToGroup(temp);
        Files.setPosixFilePermissions(temp, MODE);
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      move(temp);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
    if (posix) {
      // The rename is durable only once the folder's entry is on disk.
      try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
        directory.force(true);
      }
    }
    keys = Map.copyOf(changed);
  }

  private void move(Path temp) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "cannot replace " + file + " atomically: its file system cannot rename over a file", e);
    }
  }

  /** When running as root: root owns the new file, and the daemon's group reads it. */
  private void giveToGroup(Path temp) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
    if (!"root".equals(view.getOwner().getName())) {
      return;
    }
    GroupPrincipal principal;
    try {
      principal =
          temp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
    } catch (UserPrincipalNotFoundException e) {
      notices.accept(
          "group ["
              + group
              + "] does not exist: "
              + file
              + " stays owned by root:"
              + view.readAttributes().group().getName()
              + "; create the group or set keys.group so that the daemon can read it.");
      return;
    }
    view.setGroup(principal);
  }

  private boolean posix(Path path) throws IOException {
    if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return true;
    }
    if (toldNotPosix) {
      return false;
    }
    toldNotPosix = true;
    notices.accept(
        file
            + " is on a file system without POSIX permissions: its mode is neither checked nor"
            + " set; protect it another way.");
    return false;
  }

  private static String octal(Set<PosixFilePermission> mode) {
    int bits = 0;
    for (PosixFilePermission permission : mode) {
      bits |= 1 << (8 - permission.ordinal());
    }
    return String.format(Locale.ROOT, "%04o", bits);
  }

  /** A meter with a key, as {@link #list()} shows it. */
  public record Listed(KeyFile.Meter meter, String fingerprint) {}

  /** The key file cannot be used; the message names the file and never holds a key. */
  public static final class KeyFileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
      /** More open than 0640. */
      UNSAFE_PERMISSIONS,
      /** Bad lines: see {@link #problems()}. */
      MALFORMED
    }

    private final Reason reason;
    private final List<String> problems;

    KeyFileException(Reason reason, String message, List<String> problems) {
      super(message);
      this.reason = reason;
      this.problems = List.copyOf(problems);
    }

    public Reason reason() {
      return reason;
    }

    /** One {@code FILE:LINE: problem} per bad line; empty for other reasons. */
    public List<String> problems() {
      return problems;
    }
  }
}
