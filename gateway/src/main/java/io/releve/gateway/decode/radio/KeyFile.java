package io.releve.gateway.decode.radio;

import io.releve.gateway.device.DeviceIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The text of a key file, and of a key import: one {@code METER KEY} line per meter, separated by
 * spaces or by one comma (CSV {@code meter,key}, optional {@code meter,key} header), {@code #}
 * comments, blank lines, an optional byte order mark. METER is a device key {@code
 * MAN-IIIIIIII-VV-TT} or {@code MAN-IIIIIIII} for every version and type; KEY is 32 hex digits.
 * Nothing here ever puts a key in a message or a {@code toString}.
 */
public final class KeyFile {

  /** AES-128. */
  public static final int KEY_BYTES = 16;

  private static final String HEADER =
      "# Relevé meter keys (AES-128): one \"METER KEY\" line per meter.\n"
          + "# Written by \"releve keys\"; mode 0640, never more open.\n";

  /** Sixteen hex digits in a row are taken for (part of) a key and never echoed. */
  private static final int KEY_LIKE_RUN = 16;

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private KeyFile() {}

  /**
   * The first eight hex digits of the SHA-256 of the key: enough to tell keys apart and to check
   * one against a supplier's list ({@code xxd -r -p | sha256sum}), useless to decrypt anything.
   */
  public static String fingerprint(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256.", e);
    }
  }

  /**
   * Parses a key written as 32 hex digits (spaces allowed between them).
   *
   * @param meter named in the message, which never quotes the text
   * @throws IllegalArgumentException when it is not 16 bytes of hex
   */
  public static byte[] parseKey(CharSequence text, Meter meter) {
    String whose = meter == null ? "the key" : "the key of " + meter;
    byte[] key = new byte[KEY_BYTES];
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        continue;
      }
      int value = Character.digit(c, 16);
      if (value < 0) {
        throw new IllegalArgumentException(
            whose + " has a character that is not a hex digit at position " + (i + 1) + ".");
      }
      if (digits < 2 * KEY_BYTES) {
        key[digits / 2] |= (byte) (digits % 2 == 0 ? value << 4 : value);
      }
      digits++;
    }
    if (digits != 2 * KEY_BYTES) {
      throw new IllegalArgumentException(
          whose
              + " must be 32 hex digits (16 bytes, AES-128); found "
              + digits
              + (digits == 1 ? " digit." : " digits."));
    }
    return key;
  }

  /**
   * True when {@code text} holds sixteen hex digits in a row (spaces, colons and dashes between
   * them allowed, as keys are often written in groups): it may be a key, never echo it. A meter
   * name has at most fifteen ({@code ABC-12345678-0A-07}), so none is taken for a key.
   */
  public static boolean looksLikeKey(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.digit(c, 16) >= 0) {
        run++;
      } else if (!Character.isWhitespace(c) && c != ':' && c != '-') {
        run = 0;
      }
      if (run >= KEY_LIKE_RUN) {
        return true;
      }
    }
    return false;
  }

  /**
   * Parses the lines of a key file or of an import: {@code METER KEY} separated by spaces or by one
   * comma (CSV {@code meter,key}, with an optional {@code meter,key} header), {@code #} comments,
   * blank lines, a byte order mark. Every bad line gives one {@code NAME:LINE: problem}, without
   * the key.
   */
  public static Parsed parse(String name, String text) {
    List<Entry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, Integer> lineOf = new HashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
      int hash = line.indexOf('#');
      line = (hash < 0 ? line : line.substring(0, hash)).strip();
      if (line.isEmpty() || line.replace(" ", "").equalsIgnoreCase("meter,key")) {
        continue;
      }
      String[] fields = line.contains(",") ? line.split(",", -1) : line.split("\\s+");
      if (fields.length != 2) {
        problems.add(
            name + ":" + number + ": expected METER KEY (or meter,key), found " + count(fields));
        continue;
      }
      try {
        Meter meter = Meter.parse(fields[0]);
        byte[] key = parseKey(fields[1], meter);
        Integer previous = lineOf.putIfAbsent(meter.text(), number);
        if (previous != null) {
          problems.add(name + ":" + number + ": meter " + meter + " is also on line " + previous);
        } else {
          entries.add(new Entry(meter, key, number));
        }
      } catch (IllegalArgumentException e) {
        problems.add(name + ":" + number + ": " + e.getMessage());
      }
    }
    return new Parsed(entries, problems);
  }

  private static String count(String[] fields) {
    return fields.length + (fields.length == 1 ? " field" : " fields");
  }

  /** The file's text for {@code keys} (meter text to key), in meter order; the caller wipes it. */
  static byte[] format(Map<String, byte[]> keys) {
    StringBuilder text = new StringBuilder(HEADER);
    new TreeMap<>(keys)
        .forEach(
            (meter, key) -> text.append(meter).append(' ').append(HEX.formatHex(key)).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Whose key: a full device key {@code MAN-IIIIIIII-VV-TT}, or {@code MAN-IIIIIIII} for every
   * version and type. The text is normalised (upper case, two hex digits for version and type).
   */
  public record Meter(String text) {

    public Meter {
      text = normalise(text);
    }

    /** Like the constructor; named for readability at call sites. */
    public static Meter parse(String text) {
      return new Meter(text);
    }

    /** The full identity of {@code device}. */
    public static Meter of(DeviceIdentity device) {
      return new Meter(device.key());
    }

    private static String normalise(String text) {
      Objects.requireNonNull(text, "meter");
      if (looksLikeKey(text)) {
        throw new IllegalArgumentException(
            "the meter looks like a key (not shown); give the meter as LUG-12345678-0A-07 and"
                + " the key after it.");
      }
      String upper = text.strip().toUpperCase(Locale.ROOT);
      String[] parts = upper.split("-", -1);
      if (parts.length == 2) {
        DeviceIdentity identity = new DeviceIdentity(parts[0], parts[1], 0, 0);
        return identity.manufacturer() + "-" + identity.id();
      }
      if (parts.length == 4) {
        return DeviceIdentity.parseKey(upper).key();
      }
      throw new IllegalArgumentException(
          "Meter ["
              + text
              + "] must look like LUG-12345678-0A-07, or LUG-12345678 for every version and type.");
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** One meter and its key, from line {@code line} of a file. Its text form hides the key. */
  public record Entry(Meter meter, byte[] key, int line) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Entry e
          && meter.equals(e.meter)
          && Arrays.equals(key, e.key)
          && line == e.line;
    }

    @Override
    public int hashCode() {
      return Objects.hash(meter, Arrays.hashCode(key), line);
    }

    @Override
    public String toString() {
      return "Entry[meter="
          + meter
          + ", key="
          + fingerprint(key)
          + " (fingerprint), line="
          + line
          + "]";
    }
  }

  /** What {@link #parse} found: the good entries and one line per problem. */
  public record Parsed(List<Entry> entries, List<String> problems) {
    public Parsed {
      entries = List.copyOf(entries);
      problems = List.copyOf(problems);
    }
  }
}
